"""Composition root: resolve paths, check and lock the database, back it up, migrate, open it, start the GUI."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from interface_desktop.db import backups, health, lock, maintenance
from interface_desktop.db.engine import Database, open_database
from interface_desktop.db.migrate import upgrade_to_head
from interface_desktop.db.write_gate import WriteGate
from interface_desktop.paths import AppPaths, app_paths, database_url, sqlite_file_from_url, with_backup_dir


def open_app_database(explicit: str | None, *, read_only: bool = False, paths: AppPaths | None = None,
                      defer_daily_backup: bool = False, defer_full_check: bool = False) -> Database:
    """The database the user asked for, at the current schema.

    A SQLite file is inspected before anything writes to it (StartupProblem), locked for this writer
    (DatabaseInUse when another instance has it), backed up once a day and before any upgrade. The GUI
    defers the daily backup until its window is up (Maintenance.daily_backup): copying and verifying a
    large database takes seconds, and the pre-migration backup still comes first when the schema changes.
    With `defer_full_check` (the GUI) only the header, size and schema version are looked at here; reading
    every page waits for the window (Maintenance.verify), and until it has passed the returned database's
    write gate holds every write. An upgrade is never deferred: it waits for the full check first.
    """
    import interface_desktop.services  # noqa: F401 - installs the audit and search hooks

    paths = paths or app_paths()
    url = database_url(explicit, paths)
    db_file = sqlite_file_from_url(url)
    if db_file is None:
        if not read_only:
            upgrade_to_head(url, paths.backup_dir)
        return open_database(url, read_only=read_only)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    health.check_or_raise(db_file, paths.backup_dir, for_writing=not read_only, thorough=not defer_full_check)
    gate = WriteGate(db_file, health.full_check) if defer_full_check and db_file.exists() else None
    if read_only:
        return open_database(url, read_only=True, gate=gate)
    held = lock.acquire(db_file)
    try:
        notes = _back_up_and_migrate(db_file, url, paths.backup_dir, daily=not defer_daily_backup,
                                     before_upgrade=lambda: _verify_or_raise(gate, paths.backup_dir))
        database = open_database(url, gate=gate)
    except BaseException:
        held.release()
        raise
    database.lock = held
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


def open_for_gui(explicit: str | None, paths: AppPaths) -> Database | None:
    """Open the database, asking the user what to do about problems; None when they chose to quit."""
    from interface_desktop.ui import startup_problem_dialog as dialog

    read_only = False
    while True:
        try:
            return open_app_database(explicit, paths=paths, read_only=read_only, defer_daily_backup=True,
                                     defer_full_check=True)
        except health.StartupProblem as problem:
            backup = problem.backup.describe() if problem.backup else None
            choice = dialog.ask(PROBLEM_TITLES.get(problem.kind, "The database cannot be opened"),
                                f"{problem.db_file}: {problem.problem.message}", backup=backup,
                                offer_read_only=problem.kind == "read_only_folder" and not read_only)
            if choice == dialog.RESTORE and problem.backup is not None:
                maintenance.restore_database(problem.db_file, problem.backup.path, paths.backup_dir)
                continue
        except lock.DatabaseInUse as in_use:
            choice = dialog.ask("The database is in use", str(in_use), offer_read_only=True)
        if choice != dialog.READ_ONLY:
            return None
        read_only = True


def run_gui(args: argparse.Namespace) -> int:
    from interface_desktop.services.runner import ServiceRunner
    from interface_desktop.ui.application import run
    from interface_desktop.ui.settings import SETTINGS_FILENAME

    paths = with_backup_dir(app_paths(), getattr(args, "backup_dir", None))
    db = open_for_gui(getattr(args, "db", None), paths)
    if db is None:
        return 1
    try:
        runner = ServiceRunner(db.session_scope, location=str(db.file or db.url), read_only=db.read_only,
                               maintenance=maintenance.Maintenance(db, paths.backup_dir))
        return run(runner, exit_after_start=bool(getattr(args, "exit_after_start", False)),
                   settings_file=paths.settings_dir / SETTINGS_FILENAME)
    finally:
        db.dispose()
