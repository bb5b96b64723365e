"""Composition root: resolve paths, check and lock the database, back it up, migrate, open it, start the GUI."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from interface_desktop.db import backups, health, lock, maintenance, sqlite_adapter
from interface_desktop.db.engine import Database, open_database
from interface_desktop.db.migrate import file_at_head, upgrade_to_head
from interface_desktop.db.protected import Protection
from interface_desktop.db.write_gate import WriteGate
from interface_desktop.paths import AppPaths, app_paths, database_url, sqlite_file_from_url, with_backup_dir


def open_app_database(explicit: str | None, *, read_only: bool = False, paths: AppPaths | None = None,
                      defer_daily_backup: bool = False, defer_full_check: bool = False,
                      load_services: bool = True) -> Database:
    """The database the user asked for, at the current schema.

    A SQLite file is inspected before anything writes to it (StartupProblem), locked for this writer
    (DatabaseInUse when another instance has it), backed up once a day and before any upgrade. The GUI
    defers the daily backup until its window is up (Maintenance.daily_backup): copying and verifying a
    large database takes seconds, and the pre-migration backup still comes first when the schema changes.
    With `defer_full_check` (the GUI) only the header, size and schema version are looked at here; reading
    every page waits for the window (Maintenance.verify), and until it has passed the returned database's
    write gate holds every write. An upgrade is never deferred: it waits for the full check first.
    Without `load_services` (the GUI, whose ServiceRunner loads them after painting its first window) the audit
    and search hooks are not installed here, and a file already at the current schema opens without SQLAlchemy.
    """
    if load_services:
        import interface_desktop.services.audit.tracking  # noqa: F401 - installs the audit and search hooks

    paths = paths or app_paths()
    url = database_url(explicit, paths)
    db_file = sqlite_file_from_url(url)
    if db_file is None:
        if not read_only:
            upgrade_to_head(url, paths.backup_dir)
        return open_database(url, read_only=read_only)
    if read_only and not db_file.is_file():
        raise health.DatabaseMissing(db_file)
    if not read_only:
        db_file.parent.mkdir(parents=True, exist_ok=True)
    health.check_or_raise(db_file, paths.backup_dir, for_writing=not read_only, thorough=not defer_full_check)
    gate = WriteGate(db_file, health.full_check) if defer_full_check and db_file.exists() else None
    if read_only:
        database = open_database(url, read_only=True, gate=gate)
        database.protection = Protection(db_file, paths.backup_dir)
        return database
    held = lock.acquire(db_file)
    try:
        notes = _back_up_and_migrate(db_file, url, paths.backup_dir, daily=not defer_daily_backup,
                                     before_upgrade=lambda: _verify_or_raise(gate, paths.backup_dir))
        database = open_database(url, gate=gate)
    except BaseException:
        held.release()
        raise
    database.lock = held
    database.protection = Protection(db_file, paths.backup_dir)
    database.notes.extend(notes)
    return database


def _verify_or_raise(gate: WriteGate | None, backup_dir: Path) -> None:
    problem = gate.verify() if gate is not None else None
    if gate is not None and problem is not None:
        raise health.StartupProblem(gate.db_file, health.Problem("damaged", problem),
                                    backups.latest_backup(gate.db_file, backup_dir))


def _back_up_and_migrate(db_file: Path, url: str, backup_dir: Path, *, daily: bool = True,
                         before_upgrade: Callable[[], None] = lambda: None) -> list[str]:
    notes: list[str] = []
    try:
        try:
            if daily:
                backups.daily_backup(db_file, backup_dir)
        except OSError as exc:
            if health.is_disk_full(exc):
                raise
            notes.append(f"Today's automatic backup could not be written to {backup_dir}: {exc.strerror or exc}")
        upgrade_to_head(url, backup_dir, before_upgrade=before_upgrade)
    except Exception as exc:
        if health.is_disk_full(exc):
            raise health.StartupProblem(db_file, health.disk_full_problem(backup_dir if isinstance(exc, OSError)
                                                                          else db_file.parent),
                                        backups.latest_backup(db_file, backup_dir)) from exc
        raise
    return notes


PROBLEM_TITLES = {
    "zero_length": "The database file is empty", "truncated": "The database file is incomplete",
    "not_sqlite": "This is not an Interface Desktop database", "damaged": "The database is damaged",
    "foreign": "This is not an Interface Desktop database", "newer": "The database needs a newer version",
    "read_only_folder": "The database cannot be written here", "disk_full": "The disk is full",
    "unreadable": "The database cannot be read",
}


def open_for_gui(explicit: str | None, paths: AppPaths) -> tuple[Database, str] | None:
    """Open the database, asking the user what to do about problems; None when they chose to quit.

    Returns the database and, when the user chose to open it read-only, why (for the window's banner).
    """
    from interface_desktop.ui.safety import startup_problem_dialog as dialog

    read_only, why = False, ""
    while True:
        try:
            return open_app_database(explicit, paths=paths, read_only=read_only, defer_daily_backup=True,
                                     defer_full_check=True, load_services=False), why
        except health.StartupProblem as problem:
            reason = health.read_only_reason(problem.db_file) if problem.db_file.is_file() else None
            if problem.kind == "read_only_folder" and reason is not None and not read_only:
                # A healthy file that cannot be written here opens read-only, and the banner says why.
                read_only, why = True, reason
                continue
            backup = problem.backup.describe() if problem.backup else None
            choice = dialog.ask(PROBLEM_TITLES.get(problem.kind, "The database cannot be opened"),
                                f"{problem.db_file}: {problem.problem.message}", backup=backup,
                                offer_read_only=problem.kind == "read_only_folder" and not read_only)
            if choice == dialog.RESTORE and problem.backup is not None:
                maintenance.restore_database(problem.db_file, problem.backup.path, paths.backup_dir)
                continue
            why = problem.problem.message
        except lock.DatabaseInUse as in_use:
            choice = dialog.ask("The database is in use", str(in_use), offer_read_only=True)
            why = (f"the database is in use by {in_use.holder.describe()}" if in_use.holder
                   else "another copy of Interface Desktop is opening the database")
        if choice != dialog.READ_ONLY:
            return None
        read_only = True


def run_gui(args: argparse.Namespace) -> int:
    from interface_desktop.services.core.runner import ServiceRunner
    from interface_desktop.services.meetings.journal import MinutesJournal
    from interface_desktop.ui.application import run
    from interface_desktop.ui.settings import SETTINGS_FILENAME

    paths = with_backup_dir(app_paths(), getattr(args, "backup_dir", None))
    opened = open_for_gui(getattr(args, "db", None), paths)
    if opened is None:
        return 1
    db, why_read_only = opened
    try:
        db_file = db.file
        quick = ((lambda: sqlite_adapter.connect_read_only(db_file))
                 if db_file is not None and file_at_head(db_file) else None)
        journal = None if db.read_only else MinutesJournal.for_database(
            paths.data_dir, str(db_file.resolve()) if db_file is not None else db.url)
        runner = ServiceRunner(db.session_scope, location=str(db_file or db.url), read_only=db.read_only,
                               read_only_reason=why_read_only,
                               maintenance=maintenance.Maintenance(db, paths.backup_dir), quick_read=quick,
                               journal=journal)
        return run(runner, exit_after_start=bool(getattr(args, "exit_after_start", False)),
                   settings_file=paths.settings_dir / SETTINGS_FILENAME)
    finally:
        db.dispose()
