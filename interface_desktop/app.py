"""Composition root: resolve paths, migrate, open the database, build services and the main window."""

from __future__ import annotations

import argparse

from interface_desktop.db.engine import Database, open_database
from interface_desktop.db.migrate import upgrade_to_head
from interface_desktop.paths import AppPaths, app_paths, database_url, sqlite_file_from_url


def open_app_database(explicit: str | None, *, read_only: bool = False, paths: AppPaths | None = None) -> Database:
    """The database the user asked for, at the current schema (a copy is taken before any upgrade)."""
    import interface_desktop.services  # noqa: F401 - installs the audit and search hooks

    paths = paths or app_paths()
    url = database_url(explicit, paths)
    db_file = sqlite_file_from_url(url)
    if db_file is not None:
        db_file.parent.mkdir(parents=True, exist_ok=True)
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    if not read_only:
        upgrade_to_head(url, paths.backup_dir)
    return open_database(url, read_only=read_only)


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
