"""Composition root: resolve paths, check and lock the database, back it up, migrate, open it, start the GUI."""

from __future__ import annotations

import argparse
from pathlib import Path

from interface_desktop.db import backups, health, lock
from interface_desktop.db.engine import Database, open_database
from interface_desktop.db.migrate import upgrade_to_head
from interface_desktop.paths import AppPaths, app_paths, database_url, sqlite_file_from_url


def open_app_database(explicit: str | None, *, read_only: bool = False, paths: AppPaths | None = None) -> Database:
    """The database the user asked for, at the current schema.

    A SQLite file is inspected before anything writes to it (StartupProblem), locked for this writer
    (DatabaseInUse when another instance has it), backed up once a day and before any upgrade.
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
    health.check_or_raise(db_file, paths.backup_dir, for_writing=not read_only)
    if read_only:
        return open_database(url, read_only=True)
    held = lock.acquire(db_file)
    try:
        notes = _back_up_and_migrate(db_file, url, paths.backup_dir)
        database = open_database(url)
    except BaseException:
        held.release()
        raise
    database.lock = held
    database.notes.extend(notes)
    return database


def _back_up_and_migrate(db_file: Path, url: str, backup_dir: Path) -> list[str]:
    notes: list[str] = []
    try:
        try:
            backups.daily_backup(db_file, backup_dir)
        except OSError as exc:
            if health.is_disk_full(exc):
                raise
            notes.append(f"Today's automatic backup could not be written to {backup_dir}: {exc.strerror or exc}")
        upgrade_to_head(url, backup_dir)
    except Exception as exc:
        if health.is_disk_full(exc):
            raise health.StartupProblem(db_file, health.disk_full_problem(backup_dir if isinstance(exc, OSError)
                                                                          else db_file.parent),
                                        backups.latest_backup(db_file, backup_dir)) from exc
        raise
    return notes


def run_gui(args: argparse.Namespace) -> int:
    from interface_desktop.services.runner import ServiceRunner
    from interface_desktop.ui.application import run
    from interface_desktop.ui.settings import SETTINGS_FILENAME

    paths = app_paths()
    db = open_app_database(getattr(args, "db", None), paths=paths)
    try:
        runner = ServiceRunner(db.session_scope, location=str(db.file or db.url))
        return run(runner, exit_after_start=bool(getattr(args, "exit_after_start", False)),
                   settings_file=paths.settings_dir / SETTINGS_FILENAME)
    finally:
        db.dispose()
