"""Verified, rotating backups of a SQLite database, and restoring one of them.

Backups live in one folder, named `<database stem>-<YYYYMMDD-HHMMSS>-<reason>.sqlite3`, where reason is
daily (automatic at start, at most once a day), manual, pre-migration or pre-restore. Each is written
with VACUUM INTO to a temporary file, checked with integrity_check and foreign_key_check, then renamed
into place. Rotation keeps every backup of the last 24 hours, the newest backup of each of the 7 most recent days
that have one, of each of the 8 most recent ISO weeks and of each of the 12 most recent months, plus the newest
pre-migration and pre-restore copies; everything else the app wrote in the folder is deleted. Files the user put there
themselves are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from interface_desktop.db import sqlite_adapter

REASONS = ("daily", "manual", "pre-migration", "pre-restore")
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 8, 12
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    def describe(self) -> str:
        return f"{self.path} ({self.taken_at:%d/%m/%Y %H:%M}, {self.reason})"


def _pattern(db_file: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(r) for r in REASONS)
    return re.compile(rf"^{re.escape(db_file.stem)}-(\d{{8}}-\d{{6}})-({reasons})\.sqlite3$")


def list_backups(db_file: Path, backup_dir: Path) -> list[BackupInfo]:
    """The app's backups of this database, newest first."""
    if not backup_dir.is_dir():
        return []
    pattern = _pattern(db_file)
    found = []
    for entry in backup_dir.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            taken = datetime.strptime(match.group(1), STAMP)
            found.append(BackupInfo(entry, taken, match.group(2), entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def latest_backup(db_file: Path, backup_dir: Path) -> BackupInfo | None:
    backups = list_backups(db_file, backup_dir)
    return backups[0] if backups else None


def _target(db_file: Path, backup_dir: Path, reason: str, now: datetime) -> Path:
    while True:
        target = backup_dir / f"{db_file.stem}-{now.strftime(STAMP)}-{reason}.sqlite3"
        if not target.exists():
            return target
        now = (now.replace(second=(now.second + 1) % 60) if now.second < 59
               else now.replace(minute=(now.minute + 1) % 60))


def make_backup(db_file: Path, backup_dir: Path, reason: str = "manual", *, now: datetime | None = None) -> BackupInfo:
    """A verified copy in the backup folder, then rotation."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = (now or datetime.now()).replace(microsecond=0)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _target(db_file, backup_dir, reason, now)
    sqlite_adapter.copy_verified(db_file, target)
    rotate(db_file, backup_dir)
    return BackupInfo(target, now, reason, target.stat().st_size)


def backup_to(db_file: Path, target: Path) -> Path:
    """A verified copy at a path the user chose (not rotated)."""
    sqlite_adapter.copy_verified(db_file, target)
    return target


def has_data(db_file: Path) -> bool:
    """True when the file holds at least one table (there is something worth backing up)."""
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return False
    conn = sqlite_adapter.connect_read_only(db_file)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    finally:
        conn.close()


def daily_backup(db_file: Path, backup_dir: Path, *, now: datetime | None = None) -> BackupInfo | None:
    """The automatic start-up backup: only when the database holds data and none was taken today."""
    now = now or datetime.now()
    latest = latest_backup(db_file, backup_dir)
    if not has_data(db_file) or (latest is not None and latest.taken_at.date() == now.date()):
        return None
    return make_backup(db_file, backup_dir, "daily", now=now)


def _keep_newest_per(backups: list[BackupInfo], key: Callable[[BackupInfo], object], count: int) -> set[Path]:
    kept: dict[object, Path] = {}
    for backup in backups:  # newest first, so the first seen of each period is its newest
        period = key(backup)
        if period not in kept:
            if len(kept) == count:
                break
            kept[period] = backup.path
    return set(kept.values())


def rotation_keeps(backups: list[BackupInfo], now: datetime | None = None) -> set[Path]:
    """Which backups survive rotation (backups newest first); see the module docstring for the rule."""
    recent = (now or datetime.now()) - timedelta(hours=24)
    keep = {b.path for b in backups if b.taken_at >= recent}
    keep |= _keep_newest_per(backups, lambda b: b.taken_at.date(), KEEP_DAYS)
    keep |= _keep_newest_per(backups, lambda b: b.taken_at.isocalendar()[:2], KEEP_WEEKS)
    keep |= _keep_newest_per(backups, lambda b: (b.taken_at.year, b.taken_at.month), KEEP_MONTHS)
    for reason in ("pre-migration", "pre-restore"):
        newest = next((b for b in backups if b.reason == reason), None)
        if newest is not None:
            keep.add(newest.path)
    return keep


def rotate(db_file: Path, backup_dir: Path) -> list[Path]:
    """Delete the backups the rotation rule no longer keeps; returns what was deleted."""
    backups = list_backups(db_file, backup_dir)
    keep = rotation_keeps(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def keep_raw_copy(db_file: Path, backup_dir: Path, *, now: datetime | None = None) -> Path:
    """A byte-for-byte copy (with its -wal) of a file that cannot be copied through SQLite."""
    now = (now or datetime.now()).replace(microsecond=0)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _target(db_file, backup_dir, "pre-restore", now)
    shutil.copy2(db_file, target)
    wal = Path(str(db_file) + "-wal")
    if wal.exists():
        shutil.copy2(wal, Path(str(target) + "-wal"))
    return target


def restore(db_file: Path, source: Path, backup_dir: Path, *, validate: Callable[[Path], None]) -> Path | None:
    """Replace the database with a verified copy of `source`; the replaced one is kept as a backup first.

    `validate(source)` raises when the source must not be restored. The caller holds the writer lock and
    has closed every connection. Returns where the replaced database was kept (None if there was none).
    """
    validate(source)
    incoming = db_file.with_name(db_file.name + ".restoring")
    sqlite_adapter.copy_verified(source, incoming)
    kept: Path | None = None
    try:
        if db_file.exists() and db_file.stat().st_size > 0:
            try:
                kept = make_backup(db_file, backup_dir, "pre-restore").path
            except (sqlite3.DatabaseError, RuntimeError):
                kept = keep_raw_copy(db_file, backup_dir)
        _drop_wal(db_file)
        os.replace(incoming, db_file)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return kept


def _drop_wal(db_file: Path) -> None:
    """A -wal left beside the restored file would be replayed into it: fold it in or remove it."""
    wal = Path(str(db_file) + "-wal")
    if not wal.exists() and not Path(str(db_file) + "-shm").exists():
        return
    try:
        sqlite_adapter.checkpoint_and_close_wal(db_file)
    except sqlite3.DatabaseError:
        # A damaged database was already kept byte for byte together with its log.
        for suffix in ("-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)

