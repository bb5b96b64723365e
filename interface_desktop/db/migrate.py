"""Bring a database to the current schema: refuse foreign or newer files, back up first, migrate atomically."""

from __future__ import annotations

import ast
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from interface_desktop.db import backups, sqlite_adapter
from interface_desktop.db.backups import BackupInfo
from interface_desktop.db.engine import make_engine
from interface_desktop.paths import sqlite_file_from_url

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Alembic is imported only to upgrade: at a normal start the revision check reads the shipped scripts as text.
REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)

class SchemaError(Exception):
    """The database cannot be used by this version of the app; the message says why."""

@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    has_tables: bool

    @property
    def is_current(self) -> bool:
        return self.current == self.head

def alembic_config(connection: Connection | None = None, *, identity: str | None = None) -> Config:
    """`identity`: the UUID migration 0003 gives a database that has none yet (a new one when not given)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    config.attributes["database_identity"] = identity
    return config

def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())

@lru_cache(maxsize=1)
def shipped_revisions() -> tuple[frozenset[str], str]:
    """Every revision the package ships and the single head, from the scripts' `revision` lines."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        revision, down = ast.literal_eval(found["revision"]), ast.literal_eval(found.get("down_revision", "None"))
        revisions.add(revision)
        parents.update((down,) if isinstance(down, str) else down or ())
    heads = revisions - parents
    if len(heads) != 1:
        head = script_directory().get_current_head()
        assert head is not None, "the package ships at least one migration"
        return frozenset(revisions), head
    return frozenset(revisions), heads.pop()

def head_revision() -> str:
    return shipped_revisions()[1]

def schema_state(engine: Engine) -> SchemaState:
    """Read the revision without writing anything; raise SchemaError for foreign or newer files."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = (conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                   if "alembic_version" in tables else None)
    check_revision(current, tables)
    return SchemaState(current=current, head=head_revision(), has_tables=bool(tables))

def check_revision(current: str | None, tables: set[str]) -> None:
    """SchemaError for a file of another program (tables, no version) or of a newer version of this one."""
    if current is None and tables - {"alembic_version"}:
        raise SchemaError("this is not an Interface Desktop database (it has other tables and no schema version)")
    if current is not None and current not in shipped_revisions()[0]:
        raise SchemaError(
            f"this database was written by a newer version of Interface Desktop (schema {current}); "
            "please update the app to open it"
        )

def file_at_head(db_file: Path) -> bool:
    """Whether a SQLite file is at this version's schema, read without SQLAlchemy (False when unreadable)."""
    try:
        return (db_file.is_file() and db_file.stat().st_size > 0
                and sqlite_adapter.schema_revision(db_file) == head_revision())
    except (OSError, sqlite3.Error):
        return False


def backup_before_migration(db_file: Path, backup_dir: Path, upgrade_to: str) -> BackupInfo:
    """A normal backup (listed, offered for restore, rotated) whose reason is the upgrade about to run."""
    return backups.make_backup(db_file, backup_dir, "pre-migration", upgrade_to=upgrade_to)

def upgrade_to_head(url: str, backup_dir: Path, *, before_upgrade: Callable[[], None] = lambda: None,
                    identity: str | None = None) -> Path | None:
    """Migrate to head in one transaction; a database holding data is copied and verified first.

    `before_upgrade` runs only when there is something to upgrade, before the backup (the full integrity
    check of a file opened with only the quick start-up look). `identity` is kept by a database that gets its
    identity in this upgrade (a restored old backup keeps the identity of the database it replaced). Returns the
    pre-migration backup's path, if any. A SQLite file already at head is recognised from its version row
    alone, without loading SQLAlchemy.
    """
    db_file = sqlite_file_from_url(url)
    if db_file is not None and file_at_head(db_file):
        return None
    engine = make_engine(url, foreign_keys=False)
    try:
        state = schema_state(engine)
        if state.is_current:
            return None
        before_upgrade()
        backup: BackupInfo | None = None
        if state.current is not None and db_file is not None:
            backup = backup_before_migration(db_file, backup_dir, state.head)
        from alembic import command

        with engine.begin() as conn:
            command.upgrade(alembic_config(conn, identity=identity), "head")
            if conn.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaError(f"migration would break {len(broken)} references; nothing was changed")
    finally:
        engine.dispose()
    if backup is None or db_file is None:
        return None
    # A database that has just got its identity adopts the backups taken before (this one included).
    kept = backups.rotate(db_file, backup_dir)
    return next((b.path for b in kept if (b.taken_at, b.reason) == (backup.taken_at, backup.reason)), backup.path)
