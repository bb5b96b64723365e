"""The copy taken before a schema upgrade is a normal backup: listed, offered for restore, rotated."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.db import backups, health, maintenance, sqlite_adapter
from interface_desktop.db.migrate import head_revision
from tests.test_migrations import _make_first_revision_database


@pytest.fixture
def upgraded(app_paths):
    path = app_paths.data_dir / "board.sqlite3"
    _make_first_revision_database(path)
    open_app_database(str(path), paths=app_paths, defer_daily_backup=True).dispose()
    listed = backups.list_backups(path, app_paths.backup_dir)
    assert [b.reason for b in listed] == ["pre-migration"]
    return path, listed[0]


def test_the_backup_before_an_upgrade_is_listed_with_why_it_was_taken(upgraded, app_paths):
    path, before = upgraded
    assert before.reason_text == f"before upgrade to schema {head_revision()}"
    assert sqlite_adapter.schema_revision(before.path) == "0001"
    assert before.path.name.startswith("board-") and f"before-upgrade-to-{head_revision()}" in before.path.name
    assert not list(app_paths.backup_dir.glob("pre-migration-*"))
    assert backups.latest_backup(path, app_paths.backup_dir) == before


def test_it_is_offered_when_the_upgraded_database_is_damaged_and_restores_at_the_current_schema(upgraded, app_paths):
    path, before = upgraded
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 2 + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(health.StartupProblem) as raised:
        open_app_database(str(path), paths=app_paths)
    assert raised.value.backup == before
    maintenance.restore_database(path, before.path, app_paths.backup_dir)
    assert sqlite_adapter.schema_revision(path) == head_revision()
    assert sqlite_adapter.integrity_problems(path) == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM interface_group").fetchall() == [("Fife Interface Group",)]
    conn.close()


def test_it_is_rotated_with_the_others(upgraded, app_paths):
    path, before = upgraded
    start = datetime.now() - timedelta(days=420)
    older = backups.make_backup(path, app_paths.backup_dir, "pre-migration", upgrade_to="0002", now=start)
    for week in range(1, 59):
        backups.make_backup(path, app_paths.backup_dir, "daily", now=start + timedelta(weeks=week))
    assert not older.path.exists()  # only the newest copy from before an upgrade is kept for its own sake
    assert before.path.exists()
