"""Engine and session factory from a database URL, with `session_scope()` for one unit of work."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interface_desktop.db import sqlite_adapter
from interface_desktop.db.write_gate import WriteGate
from interface_desktop.paths import sqlite_file_from_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker


@dataclass
class Database:
    """An open database: the URL, its engine and a session factory.

    The engine is made on first use, so a program can hold an open (checked, locked) database before it has
    loaded SQLAlchemy: the GUI paints its first window meanwhile.
    """

    url: str
    make: Callable[[], Engine]
    read_only: bool = False
    # The writer lock (db.lock.DatabaseLock) and the guard over its files (db.protected.Protection), both
    # released by dispose(), and notes for the user from opening.
    lock: Any = None
    protection: Any = None
    notes: list[str] = field(default_factory=list)
    # Opened before its full integrity check (the GUI): writes wait for db.write_gate.WriteGate.verify().
    gate: WriteGate | None = None
    _engine: Engine | None = field(default=None, init=False, repr=False)
    _sessions: sessionmaker[Session] | None = field(default=None, init=False, repr=False)
    _making: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        with self._making:  # a worker and the UI thread may both be first
            if self._engine is None:
                self._engine = self.make()
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    @property
    def file(self) -> Path | None:
        return sqlite_file_from_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.protection is not None:
            self.protection.release()
            self.protection = None


def make_engine(url: str, *, read_only: bool = False, foreign_keys: bool = True,
                gate: WriteGate | None = None) -> Engine:
    from sqlalchemy import create_engine

    db_file = sqlite_file_from_url(url)
    if url.startswith("sqlite"):
        if read_only and db_file is not None:
            # Opened read-only by SQLite itself (not only query_only): no -shm, journal or lock file is written,
            # so a reader works beside a running writer and in a folder it cannot write to.
            engine = create_engine(url, future=True, creator=lambda: sqlite_adapter.connect_read_only(
                db_file, timeout=5, check_same_thread=False))
        else:
            engine = create_engine(url, connect_args={"timeout": 5}, future=True)
        wal = db_file is not None and not sqlite_adapter.is_network_path(db_file.parent)
        sqlite_adapter.install_pragmas(engine, wal=wal, foreign_keys=foreign_keys, read_only=read_only,
                                       authorizer=gate.authorize if gate is not None else None)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def open_database(url: str, *, read_only: bool = False, gate: WriteGate | None = None) -> Database:
    """`gate`: the file has had only the quick start-up look (health.inspect_file without thorough)."""
    return Database(url=url, make=lambda: make_engine(url, read_only=read_only, gate=gate), read_only=read_only,
                    gate=gate)
