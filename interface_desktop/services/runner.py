"""Runs service calls in their own unit of work, so callers that hold no Session (the GUI) can use them."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from interface_desktop.services.errors import ReadOnlyError

R = TypeVar("R")


class ServiceRunner:
    """`runner.call(meetings.get_meeting, 3)` opens a session, calls, commits, closes."""

    def __init__(self, session_scope: Callable[[], AbstractContextManager[Session]], *, location: str = "",
                 read_only: bool = False, read_only_reason: str = "", maintenance: Any = None):
        self._session_scope = session_scope
        self.location = location
        self.read_only = read_only
        # Why it is read-only, for the window's banner (e.g. "the database is in use by jsmith on PC-12 since 09:14").
        self.read_only_reason = read_only_reason
        # Back up / restore / check for the open database (db.maintenance.Maintenance), or None.
        self.maintenance = maintenance

    def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        try:
            with self._session_scope() as session:
                return fn(session, *args, **kwargs)
        except OperationalError as exc:
            # The GUI switches editing off when read-only; anything that still tries to write gets a plain answer.
            if self.read_only and "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
                raise ReadOnlyError("this database is open read-only here, so changes cannot be saved"
                                    + (f" ({self.read_only_reason})" if self.read_only_reason else "")) from exc
            raise

    def scope(self) -> AbstractContextManager[Session]:
        """For several calls in one transaction (all commit together or none)."""
        return self._session_scope()


