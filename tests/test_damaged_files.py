"""Damaged and foreign files are named in one line, offered the latest backup, and never modified."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
from pathlib import Path

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.cli import main
from interface_desktop.db import backups, health, sqlite_adapter
from interface_desktop.services.people import groups


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(app_paths, fresh_db):
    """A database holding a group, closed, with one backup."""
    with fresh_db.session_scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")
    backup = backups.make_backup(fresh_db.file, app_paths.backup_dir, "manual")
    fresh_db.dispose()
    return fresh_db.file, backup


def _zero(f: Path) -> None:
    f.write_bytes(b"")


def _truncate(f: Path) -> None:
    f.write_bytes(f.read_bytes()[: 4096 * 3 + 100])


def _garbage_inside(f: Path) -> None:
    data = bytearray(f.read_bytes())
    data[4096 * 2: 4096 * 4] = b"\xde\xad\xbe\xef" * 2048
    f.write_bytes(bytes(data))


def _not_sqlite(f: Path) -> None:
    f.write_text("Minutes of the meeting held on Wednesday\n" * 50)


def _foreign(f: Path) -> None:
    f.unlink()
    conn = sqlite3.connect(f)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()


def _newer(f: Path) -> None:
    conn = sqlite3.connect(f)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    sqlite_adapter.checkpoint_and_close_wal(f)


DAMAGE = {
    "zero_length": (_zero, "empty (0 bytes)"),
    "truncated": (_truncate, "truncated"),
    "damaged": (_garbage_inside, "damaged"),
    "not_sqlite": (_not_sqlite, "not a SQLite file"),
    "foreign": (_foreign, "not an Interface Desktop database"),
    "newer": (_newer, "newer version of Interface Desktop"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_file_is_refused_untouched_with_the_backup_offered(kind, saved, app_paths, capsys):
    db_file, backup = saved
    damage, words = DAMAGE[kind]
    damage(db_file)
    before = _digest(db_file)
    with pytest.raises(health.StartupProblem) as raised:
        open_app_database(str(db_file), paths=app_paths)
    assert raised.value.kind == kind and words in str(raised.value)
    assert raised.value.backup.path == backup.path
    code = main(["--db", str(db_file), "--backup-dir", str(app_paths.backup_dir), "info"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert words in err and f'interface-desktop restore "{backup.path}"' in err
    assert _digest(db_file) == before


def test_restore_command_brings_back_the_backup_and_keeps_the_damaged_file(saved, app_paths, capsys):
    db_file, backup = saved
    _garbage_inside(db_file)
    damaged = _digest(db_file)
    assert main(["--db", str(db_file), "--backup-dir", str(app_paths.backup_dir), "restore", str(backup.path)]) == 0
    kept = [b for b in backups.list_backups(db_file, app_paths.backup_dir) if b.reason == "pre-restore"]
    assert kept and _digest(kept[0].path) == damaged
    again = open_app_database(str(db_file), paths=app_paths)
    with again.session_scope() as s:
        assert [g.name for g in groups.list_groups(s)] == ["Fife Interface Group"]
    again.dispose()


def test_read_only_folder(saved, app_paths, monkeypatch):
    db_file, _ = saved
    before = _digest(db_file)
    monkeypatch.setattr(health, "folder_writable", lambda folder: False)
    with pytest.raises(health.StartupProblem, match="read-only") as raised:
        open_app_database(str(db_file), paths=app_paths)
    assert raised.value.kind == "read_only_folder"
    viewer = open_app_database(str(db_file), paths=app_paths, read_only=True)
    with viewer.session_scope() as s:
        assert len(groups.list_groups(s)) == 1
    viewer.dispose()
    assert _digest(db_file) == before


@pytest.mark.parametrize("where", ["backup", "migration"])
def test_full_disk_is_reported_and_changes_nothing(where, saved, app_paths, monkeypatch):
    db_file, _ = saved
    for stale in backups.list_backups(db_file, app_paths.backup_dir):
        stale.path.unlink()
    conn = sqlite3.connect(db_file)  # an older schema, so the migration has something to do
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(db_file)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "backup":
        monkeypatch.setattr(sqlite_adapter, "copy_verified", full)
    else:
        monkeypatch.setattr("alembic.command.upgrade", full)  # imported only when upgrading
        monkeypatch.setattr(backups, "daily_backup", lambda *a, **k: None)
        monkeypatch.setattr("interface_desktop.db.migrate.backup_before_migration", lambda *a: None)
    with pytest.raises(health.StartupProblem, match="is full") as raised:
        open_app_database(str(db_file), paths=app_paths)
    assert raised.value.kind == "disk_full"
    assert _digest(db_file) == before
    assert not any(p.name.endswith(".partial") for p in app_paths.backup_dir.iterdir())


def test_low_free_space_is_caught_before_writing(saved, app_paths, monkeypatch):
    db_file, _ = saved
    monkeypatch.setattr(health.shutil, "disk_usage", lambda folder: health.shutil._ntuple_diskusage(10**9, 10**9, 1000))
    with pytest.raises(health.StartupProblem, match="is full"):
        open_app_database(str(db_file), paths=app_paths)
