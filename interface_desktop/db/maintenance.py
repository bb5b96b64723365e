"""Database care the user asks for: back up now, restore a backup, check the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interface_desktop.db import backups, health, lock, sqlite_adapter
from interface_desktop.db.backups import BackupInfo
from interface_desktop.db.engine import Database, make_engine
from interface_desktop.db.migrate import SchemaError, head_revision, schema_state


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
            lines += [f"PROBLEM: {p}" for p in self.problems]
        return lines


def validate_restore_source(source: Path) -> None:
    """Refuse anything that is not a healthy Interface Desktop database no newer than this app."""
    if not source.is_file():
        raise RestoreRefused(f"{source}: no such file")
    problem = health.inspect_file(source, for_writing=False)
    if problem is not None:
        raise RestoreRefused(f"{source} cannot be restored: {problem.message}")
    problems = sqlite_adapter.integrity_problems(source)
    if problems:
        raise RestoreRefused(f"{source} cannot be restored: " + "; ".join(problems[:3]))


def restore_database(db_file: Path, source: Path, backup_dir: Path) -> Path | None:
    """Replace the database file by `source` under the writer lock; returns where the old one was kept."""
    held = lock.acquire(db_file)
    try:
        return backups.restore(db_file, source, backup_dir, validate=validate_restore_source)
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
            return CheckReport(location, None, head, [problem.message])
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


class Maintenance:
    """What the GUI's File menu needs, over the open database (handed to the ui by the composition root)."""

    def __init__(self, database: Database, backup_dir: Path):
        self.database = database
        self.backup_dir = backup_dir

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
        validate_restore_source(source)
        self.database.engine.dispose()
        kept = backups.restore(self.db_file, source, self.backup_dir, validate=validate_restore_source)
        if self.database.gate is not None:
            self.database.gate.mark_sound()  # validate_restore_source ran the full integrity check on it
        return kept

    def check(self) -> CheckReport:
        return check_database(self.database.url, self.db_file)
