"""Verified, rotating backups of a SQLite database, each belonging to one database, and restoring one of them.

Backups live in one folder, named `<database stem>-<YYYYMMDD-HHMMSS>-<tag>-<reason>.sqlite3`. The tag is the
short form of the database's identity (db/identity.py); the reason is daily (automatic at start, at most once
a day), manual, pre-restore, or before-upgrade-to-<schema> (reason pre-migration: taken before a schema
upgrade). A backup is a copy of the database, so its identity is inside it too: names serve listing without
opening a file, contents decide a restore (db/maintenance.py). Only a database's own backups are listed,
offered, restored and rotated, so two databases of one file name can share a folder (a shared network folder).
Backups named before databases had an identity carry no tag: they are listed for the database whose name they
carry, and the first backup the database takes adopts (renames with its tag) those whose history begins where
its own does. A database without a readable identity (an older schema, or damaged) rotates nothing.

Each is written with VACUUM INTO to a temporary file, checked with integrity_check and foreign_key_check, then
renamed into place. Rotation keeps every backup of the last 24 hours, the newest backup of each of the 7 most
recent days that have one, of each of the 8 most recent ISO weeks and of each of the 12 most recent months, plus
the newest pre-migration and pre-restore copies; the database's other backups are deleted. Files the user put
there themselves are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from interface_desktop.db import identity, sqlite_adapter

REASONS = ("daily", "manual", "pre-migration", "pre-restore")
UPGRADE_SLUG = "before-upgrade-to-"
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 8, 12
STAMP = "%Y%m%d-%H%M%S"
NAME = re.compile(rf"^(?P<stem>.+?)-(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<tag>[0-9a-f]{{{identity.TAG_LENGTH}}}))?"
                  rf"-(?P<reason>daily|manual|pre-restore|{UPGRADE_SLUG}(?P<schema>[0-9A-Za-z_]+))\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    # The short identity of the database it belongs to; None for a backup named before databases had one.
    tag: str | None = None
    # For a backup taken before an upgrade: the schema the database was about to be brought to.
    upgrade_to: str | None = None

    @property
    def reason_text(self) -> str:
        if self.reason == "pre-migration":
            return f"before upgrade to schema {self.upgrade_to}"
        return "before a restore" if self.reason == "pre-restore" else self.reason

    def describe(self) -> str:
        return f"{self.path} ({self.taken_at:%d/%m/%Y %H:%M}, {self.reason_text})"


def parse_name(path: Path) -> tuple[str, BackupInfo] | None:
    """(database stem, what the name says) for a file named like the app's backups; None for any other file."""
    match = NAME.match(path.name)
    if match is None:
        return None
    schema = match.group("schema")
    reason = "pre-migration" if schema else match.group("reason")
    taken = datetime.strptime(match.group("stamp"), STAMP)
    return match.group("stem"), BackupInfo(path, taken, reason, 0, match.group("tag"), schema)


def _scan(stem: str, backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder named after a database called `stem`, whichever database it is, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for entry in backup_dir.iterdir():
        parsed = parse_name(entry)
        if parsed is not None and parsed[0] == stem and entry.is_file():
            found.append(replace(parsed[1], size=entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def list_backups(db_file: Path, backup_dir: Path) -> list[BackupInfo]:
    """This database's backups, newest first: those named with its identity and those named before identities.

    When the database cannot say which it is (damaged, emptied, missing), the tagged backups of its name are
    listed only if they all belong to one database: never offer what may be another database's backup.
    """
    found = _scan(db_file.stem, backup_dir)
    try:
        mine = identity.read_identity(db_file)
    except identity.UnknownIdentity:
        return found if len({b.tag for b in found if b.tag}) <= 1 else [b for b in found if b.tag is None]
    own = identity.tag(mine) if mine else None
    return [b for b in found if b.tag in (None, own)]


def latest_backup(db_file: Path, backup_dir: Path) -> BackupInfo | None:
    backups = list_backups(db_file, backup_dir)
    return backups[0] if backups else None


def _file_name(stem: str, taken_at: datetime, reason: str, tag: str | None, upgrade_to: str | None) -> str:
    slug = UPGRADE_SLUG + str(upgrade_to) if reason == "pre-migration" else reason
    return "-".join([stem, taken_at.strftime(STAMP), *([tag] if tag else []), slug]) + ".sqlite3"


def _target(db_file: Path, backup_dir: Path, reason: str, now: datetime, upgrade_to: str | None = None) -> BackupInfo:
    """The new backup's name: tagged with the database's identity when it has one, a second later when taken."""
    mine = identity.identity_or_none(db_file)
    tag = identity.tag(mine) if mine else None
    while True:
        target = backup_dir / _file_name(db_file.stem, now, reason, tag, upgrade_to)
        if not target.exists():
            return BackupInfo(target, now, reason, 0, tag, upgrade_to)
        now = (now.replace(second=(now.second + 1) % 60) if now.second < 59
               else now.replace(minute=(now.minute + 1) % 60))


def make_backup(db_file: Path, backup_dir: Path, reason: str = "manual", *, now: datetime | None = None,
                upgrade_to: str | None = None) -> BackupInfo:
    """A verified copy in the backup folder, then rotation; `upgrade_to` names the schema of a pre-migration one."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if (reason == "pre-migration") != (upgrade_to is not None):
        raise ValueError("a backup taken before an upgrade, and only that one, names the schema it upgrades to")
    now = (now or datetime.now()).replace(microsecond=0)
    backup_dir.mkdir(parents=True, exist_ok=True)
    made = _target(db_file, backup_dir, reason, now, upgrade_to)
    sqlite_adapter.copy_verified(db_file, made.path)
    rotate(db_file, backup_dir)
    return replace(made, size=made.path.stat().st_size)


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


def rotate(db_file: Path, backup_dir: Path) -> list[BackupInfo]:
    """Adopt this database's untagged backups, then delete those the rotation rule no longer keeps.

    Returns the database's backups that are kept, newest first. A database without a readable identity cannot
    tell its backups from another database's, so it leaves them all alone (and returns none).
    """
    mine = identity.identity_or_none(db_file)
    if mine is None:
        return []
    own = identity.tag(mine)
    backups = [b for b in _adopt(db_file, _scan(db_file.stem, backup_dir), own) if b.tag == own]
    keep = rotation_keeps(backups)
    for backup in backups:
        if backup.path not in keep:
            for companion in (backup.path, Path(str(backup.path) + "-wal")):
                companion.unlink(missing_ok=True)
    return [b for b in backups if b.path in keep]


def _adopt(db_file: Path, found: list[BackupInfo], own: str) -> list[BackupInfo]:
    """Name with this database's tag its backups from before identities: those whose history begins as its own.

    A backup whose history cannot be read, or that recorded nothing, is adopted by the database of its name.
    """
    untagged = [b for b in found if b.tag is None]
    if not untagged:
        return found
    try:
        ours = identity.first_change(db_file)
    except identity.UnknownIdentity:
        return found
    adopted = {}
    for backup in untagged:
        try:
            theirs = identity.first_change(backup.path)
        except identity.UnknownIdentity:
            theirs = None
        if theirs is None or theirs == ours:
            adopted[backup.path] = _rename(backup, db_file.stem, own)
    return [adopted.get(b.path, b) for b in found]


def _rename(backup: BackupInfo, stem: str, tag: str) -> BackupInfo:
    """The backup under its name with `tag` (with the write-ahead log of a raw copy); unchanged if that fails."""
    target = backup.path.with_name(_file_name(stem, backup.taken_at, backup.reason, tag, backup.upgrade_to))
    if target.exists():
        return backup
    try:
        os.rename(backup.path, target)
    except OSError:
        return backup  # another copy of the app adopted it meanwhile, or the folder is read-only
    wal = Path(str(backup.path) + "-wal")
    if wal.exists():
        os.rename(wal, Path(str(target) + "-wal"))
    return replace(backup, path=target, tag=tag)


def keep_raw_copy(db_file: Path, backup_dir: Path, *, now: datetime | None = None) -> Path:
    """A byte-for-byte copy (with its -wal) of a file that cannot be copied through SQLite."""
    now = (now or datetime.now()).replace(microsecond=0)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _target(db_file, backup_dir, "pre-restore", now).path
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

