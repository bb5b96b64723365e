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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - (Path, DemoSummary)
    """A database holding the example data, built once per run (it takes seconds); copy it, never change it."""
    from interface_desktop.demo import example as demo

    root = tmp_path_factory.mktemp("demo-template")
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-23")
        database = open_app_database(str(paths.default_db_file), paths=paths)
        try:
            with database.session_scope() as s:
                summary = demo.load_demo(s)
        finally:
            database.dispose()
    return paths.default_db_file, summary


@pytest.fixture
def demo_db(demo_template, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A private copy of the example database, opened like the `db` fixture."""
    import shutil

    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-23")
    copy = app_paths.data_dir / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    database = open_app_database(str(copy), paths=app_paths)
    yield database
    database.dispose()
