"""Holds every write to a SQLite file until its full integrity check has passed, and refuses writes if it failed.

The GUI shows its window after a quick look at the file (header, size, schema version) and runs the full
`PRAGMA quick_check` on a worker afterwards. Until that check has passed nothing may change the file: each
connection carries a SQLite authorizer that lets reads through at once and makes a statement that would write
wait for the check (running it itself if nobody has started it), then allows it, or denies it when the file
turned out to be damaged.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

# Authorizer action codes that change the main database (creating, dropping, altering, writing rows).
WRITES = frozenset({
    sqlite3.SQLITE_CREATE_INDEX, sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW, sqlite3.SQLITE_DELETE, sqlite3.SQLITE_DROP_INDEX, sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_TRIGGER, sqlite3.SQLITE_DROP_VIEW, sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_ALTER_TABLE, sqlite3.SQLITE_REINDEX, sqlite3.SQLITE_ANALYZE, sqlite3.SQLITE_CREATE_VTABLE,
    sqlite3.SQLITE_DROP_VTABLE,
})


class WriteGate:
    """`verify()` runs the check once (thread-safe); `authorize` is the connections' SQLite authorizer."""

    def __init__(self, db_file: Path, check: Callable[[Path], str | None]):
        self.db_file = db_file
        self._check = check  # returns a one-line description of the damage, or None when the file is sound
        self._lock = threading.Lock()
        self._settled = threading.Event()
        self.problem: str | None = None

    @property
    def settled(self) -> bool:
        return self._settled.is_set()

    def verify(self) -> str | None:
        """The damage found by the full check (None when sound); runs it only the first time."""
        with self._lock:
            if not self._settled.is_set():
                try:
                    self.problem = self._check(self.db_file)
                except sqlite3.DatabaseError as exc:
                    self.problem = f"the database is damaged ({exc})"
                self._settled.set()
        return self.problem

    def mark_sound(self) -> None:
        """The file was replaced by one already verified (a restored backup): writes may go ahead."""
        with self._lock:
            self.problem = None
            self._settled.set()

    def authorize(self, action: int, _arg1: str | None, _arg2: str | None, database: str | None,
                  _source: str | None) -> int:
        if action not in WRITES or database == "temp":
            return sqlite3.SQLITE_OK
        if not self._settled.is_set():
            self.verify()
        return sqlite3.SQLITE_OK if self.problem is None else sqlite3.SQLITE_DENY
