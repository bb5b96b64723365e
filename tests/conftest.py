"""Shared fixtures: a migrated temporary database per test, sessions, and a pinned 'today'."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from interface_desktop.app import open_app_database  # noqa: E402
from interface_desktop.db.engine import Database  # noqa: E402
from interface_desktop.paths import AppPaths  # noqa: E402


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    root = tmp_path / "data"
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    return paths


@pytest.fixture
def db(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-23")
    database = open_app_database(str(app_paths.default_db_file), paths=app_paths)
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database):  # noqa: ANN201 - a Session committed at the end of the test
    with db.session_scope() as s:
        yield s
