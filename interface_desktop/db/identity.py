"""Which database a SQLite file is: its identity (a UUID kept in the file) and where its history begins.

Every database gets a UUID when its schema is created (migration 0003), and a backup, being a copy, carries the
UUID of the database it was taken from. Files written before identities existed are told apart by their first
audit entry instead: the audit trail is append-only, so every copy of one database begins with the same entry.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from interface_desktop.db import sqlite_adapter

TABLE = "database_identity"
TAG_LENGTH = 8


def tag(identity: str) -> str:
    """The short form a backup's file name carries: the UUID's first eight hexadecimal digits."""
    return identity.replace("-", "")[:TAG_LENGTH].lower()


class UnknownIdentity(Exception):
    """The file cannot say which database it is: missing, empty, unreadable, or not an Interface Desktop database."""


def _query(db_file: Path, table: str, sql: str) -> tuple | None:
    """The first row of `sql`, None when `table` does not exist; UnknownIdentity when the file cannot be read."""
    try:
        if not db_file.is_file() or db_file.stat().st_size == 0:
            raise UnknownIdentity(f"{db_file} holds no database")
        conn = sqlite_adapter.connect_read_only(db_file)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if table not in tables and "alembic_version" not in tables:
                raise UnknownIdentity(f"{db_file} is not an Interface Desktop database")
            return conn.execute(sql).fetchone() if table in tables else None
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        raise UnknownIdentity(f"{db_file} cannot be read: {exc}") from exc


def read_identity(db_file: Path) -> str | None:
    """The database's UUID; None for a database from before identities (schema 0002 and older).

    UnknownIdentity when the file cannot say (missing, empty, damaged, another program's).
    """
    row = _query(db_file, TABLE, f"SELECT uuid FROM {TABLE} WHERE id = 1")
    return row[0] if row else None


def identity_or_none(db_file: Path) -> str | None:
    """read_identity, with a file that cannot say counted as having none."""
    try:
        return read_identity(db_file)
    except UnknownIdentity:
        return None


def first_change(db_file: Path) -> tuple | None:
    """The first audit entry (when, who, what), None when nothing was ever recorded; UnknownIdentity as above."""
    return _query(db_file, "audit_entry",
                  "SELECT at, user, operation, entity, entity_id FROM audit_entry ORDER BY id LIMIT 1")
