"""Shared fixtures: a migrated database per test (a copy of one migrated per run), sessions, a pinned 'today'."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from interface_desktop.app import open_app_database
from interface_desktop.db.engine import Database
from interface_desktop.db.migrate import file_at_head
from interface_desktop.paths import AppPaths

TODAY = "2026-11-23"


def _paths(root: Path) -> AppPaths:
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    return paths


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return _paths(tmp_path / "data")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head once per run by the app's own open path; copy it, never change it."""
    paths = _paths(tmp_path_factory.mktemp("migrated-template"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERFACE_DESKTOP_TODAY", TODAY)
        open_app_database(str(paths.default_db_file), paths=paths).dispose()
    # Should the file alone not hold the schema (say, a write-ahead log left beside it), every copy would be
    # migrated again without a word, and the suite would only be slower.
    assert file_at_head(paths.default_db_file)
    return paths.default_db_file


@pytest.fixture
def db(migrated_template: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A private copy of the migrated template, opened as the app opens a file: locked, checked, recognised at head.

    The daily backup is deferred (as the GUI defers it): the file each test used to migrate for itself had nothing
    to back up, so the backup folder starts empty as before and backup tests count only their own backups.
    """
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", TODAY)
    shutil.copyfile(migrated_template, app_paths.default_db_file)
    database = open_app_database(str(app_paths.default_db_file), paths=app_paths, defer_daily_backup=True)
    yield database
    database.dispose()


@pytest.fixture
def fresh_db(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A database this test creates and migrates from nothing, for the tests of migrations and damaged files."""
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", TODAY)
    database = open_app_database(str(app_paths.default_db_file), paths=app_paths)
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database):  # a Session committed at the end of the test
    with db.session_scope() as s:
        yield s


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory):  # (Path, DemoSummary)
    """A database holding the example data, built once per run (it takes seconds); copy it, never change it."""
    from interface_desktop.demo import example as demo

    paths = _paths(tmp_path_factory.mktemp("demo-template"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERFACE_DESKTOP_TODAY", TODAY)
        database = open_app_database(str(paths.default_db_file), paths=paths)
        try:
            with database.session_scope() as s:
                summary = demo.load_demo(s)
        finally:
            database.dispose()
    return paths.default_db_file, summary


@pytest.fixture
def demo_db(demo_template, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A private copy of the example database, opened as the app opens it (with its daily backup)."""
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", TODAY)
    copy = app_paths.data_dir / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    database = open_app_database(str(copy), paths=app_paths)
    yield database
    database.dispose()
