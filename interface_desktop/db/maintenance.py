"""Database care the user asks for: back up now, restore a backup, check the database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from interface_desktop.db import backups, health, identity, lock, sqlite_adapter
from interface_desktop.db.backups import BackupInfo
from interface_desktop.db.engine import Database, make_engine
from interface_desktop.db.migrate import SchemaError, file_at_head, head_revision, schema_state, upgrade_to_head


SHOWN_PROBLEMS = 5


class RestoreRefused(Exception):
    """The chosen file must not replace the database; the message says why."""


@dataclass(frozen=True)
class CheckReport:
    location: str
    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        lines = [f"Database: {self.location}", f"Schema:   {self.revision or 'none'} (this version: {self.head})"]
        if self.ok:
            lines.append("Integrity check, foreign keys, schema: all ok")
        else:
            lines += [f"PROBLEM: {p}" for p in self.problems[:SHOWN_PROBLEMS]]
            if len(self.problems) > SHOWN_PROBLEMS:
                lines.append(f"… and {len(self.problems) - SHOWN_PROBLEMS} more (`check --json` lists them all)")
        return lines


def validate_restore_source(source: Path, *, into: Path | None = None) -> None:
    """Refuse anything that is not a healthy Interface Desktop database no newer than this app.

    With `into` (the database it would replace), also a backup of another database (see `_other_database`).
    """
    if not source.is_file():
        raise RestoreRefused(f"{source}: no such file")
    problem = health.inspect_file(source, for_writing=False)
    if problem is not None:
        raise RestoreRefused(f"{source} cannot be restored: {problem.message}")
    problems = sqlite_adapter.integrity_problems(source)
    if problems:
        raise RestoreRefused(f"{source} cannot be restored: " + "; ".join(problems[:3]))
    if into is not None and _other_database(source, into):
        raise RestoreRefused(f"{source.name} is a backup of another database ({_origin(source)}); "
                             "restore one of this database's own backups")


def _other_database(source: Path, db_file: Path) -> bool:
    """Whether `source` was taken from a database other than `db_file`, as far as can be told.

    By identity when both have one; for a file from before identities, by the identity its backup name carries,
    else by where its history begins. A database that recorded nothing yet (a new one, say on a new computer)
    or that cannot be read (damaged) may take any healthy backup.
    """
    try:
        ours_first = identity.first_change(db_file)
        mine = identity.read_identity(db_file)
        if ours_first is None:
            return False
        theirs = identity.read_identity(source)
        if mine is not None and theirs is not None:
            return theirs != mine
        named = backups.parse_name(source)
        if mine is not None and named is not None and named[1].tag is not None:
            return named[1].tag != identity.tag(mine)
        theirs_first = identity.first_change(source)
    except identity.UnknownIdentity:
        return False
    return theirs_first is not None and theirs_first != ours_first


def _origin(source: Path) -> str:
    """'interface-desktop, backed up on 21/11/2026 09:30': the database's name and the date, from the backup's
    name when it is named like the app's backups, else the file's own name and when it was last changed."""
    named = backups.parse_name(source)
    if named is not None:
        return f"{named[0]}, backed up on {named[1].taken_at:%d/%m/%Y %H:%M}"
    return f"{source.name}, last changed on {datetime.fromtimestamp(source.stat().st_mtime):%d/%m/%Y %H:%M}"


def _restore_and_upgrade(db_file: Path, source: Path, backup_dir: Path) -> Path | None:
    """Restore `source` (the caller holds the writer lock) and bring it to this version's schema.

    A backup from before an upgrade is upgraded again at once, keeping the identity of the database it replaces.
    """
    before = identity.identity_or_none(db_file)
    kept = backups.restore(db_file, source, backup_dir, validate=partial(validate_restore_source, into=db_file))
    if not file_at_head(db_file):
        upgrade_to_head("sqlite:///" + str(db_file), backup_dir, identity=before)
    return kept


def restore_database(db_file: Path, source: Path, backup_dir: Path) -> Path | None:
    """Replace the database file by `source` under the writer lock; returns where the old one was kept."""
    held = lock.acquire(db_file)
    try:
        return _restore_and_upgrade(db_file, source, backup_dir)
    finally:
        held.release()


def check_database(url: str, db_file: Path | None) -> CheckReport:
    """integrity_check, foreign_key_check and schema at head, without writing anything."""
    head = head_revision()
    location = str(db_file or url)
    problems: list[str] = []
    if db_file is not None:
        problem = health.inspect_file(db_file, for_writing=False)
        if problem is None and not db_file.exists():
            problem = health.Problem("missing", "there is no database file here")
        if problem is not None:
            return CheckReport(location, None, head, [problem.message] + _damage_details(db_file, problem))
        problems += sqlite_adapter.integrity_problems(db_file)
    engine = make_engine(url, read_only=True)
    try:
        state = schema_state(engine)
    except SchemaError as exc:
        return CheckReport(location, None, head, problems + [str(exc)])
    finally:
        engine.dispose()
    if not state.is_current:
        problems.append(f"the schema is at {state.current or 'nothing'}, not {head}: open it once to upgrade it")
    return CheckReport(location, state.current, head, problems)


def _damage_details(db_file: Path, problem: health.Problem) -> list[str]:
    """Every problem SQLite finds in a damaged file, one a line, after the summary (for `check --json`)."""
    if problem.kind != "damaged":
        return []
    try:
        return sqlite_adapter.integrity_problems(db_file)
    except sqlite3.DatabaseError:
        return []


class Maintenance:
    """What the GUI's File menu needs, over the open database (handed to the ui by the composition root)."""

    def __init__(self, database: Database, backup_dir: Path):
        self.database = database
        self.backup_dir = backup_dir

    @property
    def backup_dir(self) -> Path:
        return self._backup_dir

    @backup_dir.setter
    def backup_dir(self, folder: Path) -> None:
        """Backups go to `folder` from now on; exports may write neither there nor in the folders used before."""
        self._backup_dir = folder
        protection = self.database.protection
        if protection is not None and folder not in protection.backup_dirs:
            protection.backup_dirs.append(folder)

    @property
    def db_file(self) -> Path | None:
        return self.database.file

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    def last_backup(self) -> BackupInfo | None:
        return backups.latest_backup(self.db_file, self.backup_dir) if self.db_file else None

    def list_backups(self) -> list[BackupInfo]:
        return backups.list_backups(self.db_file, self.backup_dir) if self.db_file else []

    def verify(self) -> str | None:
        """The full integrity check deferred from start-up (db.write_gate): the damage found, or None.

        Writes wait for it; when it finds damage they are refused, and the user is offered the latest backup.
        """
        gate = self.database.gate
        return gate.verify() if gate is not None else None

    def daily_backup(self) -> BackupInfo | None:
        """Today's automatic backup, if none was taken yet; the GUI runs it once the window is up."""
        if self.db_file is None or self.read_only:
            return None
        return backups.daily_backup(self.db_file, self.backup_dir)

    def backup_now(self) -> BackupInfo:
        if self.db_file is None:
            raise RestoreRefused("backups of a database server are made by its administrator")
        return backups.make_backup(self.db_file, self.backup_dir, "manual")

    def restore(self, source: Path) -> Path | None:
        """Validate, keep the current file as a backup, replace it; connections reopen on next use."""
        if self.db_file is None or self.read_only:
            raise RestoreRefused("this database is open read-only; restore it where it is open for writing")
        validate_restore_source(source, into=self.db_file)
        self.database.engine.dispose()
        kept = _restore_and_upgrade(self.db_file, source, self.backup_dir)
        if self.database.gate is not None:
            self.database.gate.mark_sound()  # validate_restore_source ran the full integrity check on it
        return kept

    def check(self) -> CheckReport:
        return check_database(self.database.url, self.db_file)
