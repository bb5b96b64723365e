"""Runs service calls in their own unit of work, so callers that hold no Session (the GUI) can use them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from interface_desktop.services.core.errors import ReadOnlyError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from interface_desktop.services.meetings.journal import MinutesJournal

R = TypeVar("R")


class ServiceRunner:
    """`runner.call(meetings.get_meeting, 3)` opens a session, calls, commits, closes.

    The data layer (SQLAlchemy, the models and the audit and search hooks) loads on the first call, or when
    `load()` is called. Until then the first window's data can be read through `quick_read`, a plain read-only
    SQLite connection (services.dashboard.read), so the window is painted before that load.
    """

    def __init__(self, session_scope: Callable[[], AbstractContextManager[Session]], *, location: str = "",
                 read_only: bool = False, read_only_reason: str = "", maintenance: Any = None,
                 quick_read: Callable[[], sqlite3.Connection] | None = None, journal: MinutesJournal | None = None):
        self._session_scope = session_scope
        self._quick_read = quick_read
        self._loaded = False
        self._operational_error: type[Exception] = Exception
        # Entered around the data layer's imports (the GUI imports them without PySide6's import hook).
        self.import_context: Callable[[], AbstractContextManager[Any]] = nullcontext
        self.location = location
        self.read_only = read_only
        # Why it is read-only, for the window's banner (e.g. "the database is in use by jsmith on PC-12 since 09:14").
        self.read_only_reason = read_only_reason
        # Back up / restore / check for the open database (db.maintenance.Maintenance), or None.
        self.maintenance = maintenance
        # Where typed minutes are journalled until saved (none when read-only: nothing can be typed).
        self.journal = journal

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def reads_plainly(self) -> bool:
        """True until the data layer loads, when the first screen can be read without it."""
        return not self._loaded and self._quick_read is not None

    def load(self) -> None:
        """Load the data layer, install the audit and search hooks and connect (idempotent).

        The mappers are configured and the first connection made here, so the user's first click after the
        window appears does not pay for them.
        """
        if self._loaded:
            return
        with self.import_context():  # connecting imports the dialect's modules too
            from sqlalchemy.exc import OperationalError
            from sqlalchemy.orm import configure_mappers

            from interface_desktop.services.audit import tracking  # noqa: F401 - installs the hooks

            configure_mappers()
            self._operational_error = OperationalError
            self._loaded = True
            with self._session_scope() as session:
                session.connection()

    def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        self.load()
        try:
            with self._session_scope() as session:
                return fn(session, *args, **kwargs)
        except self._operational_error as exc:
            # The GUI switches editing off when read-only; anything that still tries to write gets a plain answer.
            if self.read_only and "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
                raise ReadOnlyError("this database is open read-only here, so changes cannot be saved"
                                    + (f" ({self.read_only_reason})" if self.read_only_reason else "")) from exc
            raise

    def plain_connection(self) -> sqlite3.Connection:
        """A new plain read-only SQLite connection to the database, for reads made while `reads_plainly`."""
        assert self._quick_read is not None, "this database has no plain reader"
        return self._quick_read()

    def scope(self) -> AbstractContextManager[Session]:
        """For several calls in one transaction (all commit together or none)."""
        self.load()
        return self._session_scope()
