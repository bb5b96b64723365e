"""Backups (verified, daily, rotated, restored) and the one-writer lock, including stale-lock recovery."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.db import backups, lock, maintenance
from interface_desktop.db.backups import BackupInfo
from interface_desktop.services.people import groups

HOLDER = """
import sys, time
from pathlib import Path
from interface_desktop.db import lock
lock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def _with_group(db, name="Lothian Interface Group"):
    with db.session_scope() as s:
        return groups.create_group(s, name=name, board="LO").id


def test_daily_backup_happens_once_a_day_and_only_with_data(app_paths, db):
    db_file = db.file
    assert backups.daily_backup(db_file, app_paths.backup_dir) is not None  # schema counts as data
    assert backups.daily_backup(db_file, app_paths.backup_dir) is None
    tomorrow = datetime.now() + timedelta(days=1)
    made = backups.daily_backup(db_file, app_paths.backup_dir, now=tomorrow)
    assert made is not None and made.reason == "daily"
    assert [b.reason for b in backups.list_backups(db_file, app_paths.backup_dir)] == ["daily", "daily"]


def test_reopening_takes_the_start_up_backup(app_paths, db):
    _with_group(db)
    db.dispose()
    again = open_app_database(str(app_paths.default_db_file), paths=app_paths)
    again.dispose()
    latest = backups.latest_backup(app_paths.default_db_file, app_paths.backup_dir)
    assert latest is not None and latest.reason == "daily"


def test_rotation_keeps_7_days_8_weeks_12_months():
    start = datetime(2026, 11, 23, 9, 0)
    made = [BackupInfo(Path(f"b{i}"), start - timedelta(days=i), "daily", 1) for i in range(400)]
    keep = backups.rotation_keeps(made, now=start + timedelta(days=2))
    ages = sorted(int(p.name[1:]) for p in keep)
    assert ages[:7] == list(range(7))  # the last 7 days
    weeks = {(start - timedelta(days=a)).isocalendar()[:2] for a in ages}
    months = {((start - timedelta(days=a)).year, (start - timedelta(days=a)).month) for a in ages}
    assert len(weeks) >= 8 and len(months) == 12
    assert len(keep) <= 7 + 8 + 12


def test_rotation_deletes_only_the_apps_files(app_paths, db):
    mine = app_paths.backup_dir / "my own copy.sqlite3"
    mine.write_bytes(b"x")
    for days in range(30):
        backups.make_backup(db.file, app_paths.backup_dir, "daily", now=datetime(2026, 1, 1) + timedelta(days=days))
    assert mine.exists()
    assert len(backups.list_backups(db.file, app_paths.backup_dir)) < 30


def test_restore_validates_keeps_the_replaced_database_and_drops_its_wal(app_paths, db):
    _with_group(db, "Before")
    snapshot = backups.make_backup(db.file, app_paths.backup_dir, "manual").path
    _with_group(db, "After")
    runtime = maintenance.Maintenance(db, app_paths.backup_dir)
    kept = runtime.restore(snapshot)
    with db.session_scope() as s:
        assert [g.name for g in groups.list_groups(s)] == ["Before"]
    assert kept is not None and "pre-restore" in kept.name
    assert maintenance.sqlite_adapter.integrity_problems(db.file) == []
    garbage = app_paths.data_dir / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 10)
    with pytest.raises(maintenance.RestoreRefused, match="not a SQLite file"):
        runtime.restore(garbage)


def test_second_instance_is_told_who_holds_the_database_and_a_killed_holder_is_recovered(app_paths, db):
    db_file = db.file
    db.dispose()
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_file)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(lock.DatabaseInUse, match=rf"in use by .+ on {socket.gethostname()} since \d\d:\d\d"):
            open_app_database(str(db_file), paths=app_paths)
        read_only = open_app_database(str(db_file), paths=app_paths, read_only=True)
        with read_only.session_scope() as s:
            assert groups.list_groups(s) == []
        read_only.dispose()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert lock.read_lock(db_file).pid == child.pid  # the lock file outlived its process...
    recovered = open_app_database(str(db_file), paths=app_paths)  # ...and is recognised as stale
    assert lock.read_lock(db_file).pid == os.getpid()
    recovered.dispose()
    assert not lock.lock_path(db_file).exists()


def test_stale_lock_from_a_dead_process_without_os_lock_is_taken_over(tmp_path, monkeypatch):
    db_file = tmp_path / "x.sqlite3"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    info = lock.LockInfo(socket.gethostname(), "jsmith", int(dead.stdout), "2026-11-23T09:14:00", "0.1.0")
    lock.lock_path(db_file).write_text(json.dumps(info.__dict__))
    os.utime(lock.lock_path(db_file), (time.time() - 60, time.time() - 60))
    monkeypatch.setattr(lock, "_os_lock", lambda fd: None)  # a filesystem without OS locks
    held = lock.acquire(db_file)
    assert lock.read_lock(db_file).pid == os.getpid()
    held.release()


def test_live_lock_from_another_host_without_os_locks_is_respected(tmp_path, monkeypatch):
    db_file = tmp_path / "x.sqlite3"
    info = lock.LockInfo("PC-123", "jsmith", 4242, datetime.now().replace(hour=9, minute=14).isoformat(), "0.1.0")
    lock.lock_path(db_file).write_text(json.dumps(info.__dict__))
    monkeypatch.setattr(lock, "_os_lock", lambda fd: None)
    with pytest.raises(lock.DatabaseInUse, match="in use by jsmith on PC-123 since 09:14"):
        lock.acquire(db_file)


def test_empty_lock_file_left_by_a_writer_killed_before_filling_it_in_is_stale(app_paths, db):
    db_file = db.file
    db.dispose()
    lock.lock_path(db_file).write_bytes(b"")  # created with O_EXCL, killed before the holder info was written
    recovered = open_app_database(str(db_file), paths=app_paths)
    assert lock.read_lock(db_file).pid == os.getpid()
    recovered.dispose()


def test_a_writer_that_loses_its_new_lock_file_to_a_contender_gives_way(tmp_path):
    db_file = tmp_path / "x.sqlite3"
    path = lock.lock_path(db_file)
    slow_fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)  # created, not yet OS-locked
    winner = lock.acquire(db_file)  # finds it empty with a free OS lock: takes it over
    assert lock.read_lock(db_file) == winner.info
    assert lock._claim_new(path, slow_fd, lock.current_info()) is None  # the slow creator cannot lock it
    assert lock.read_lock(db_file) == winner.info
    winner.release()
    assert not path.exists()
