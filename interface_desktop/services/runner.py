"""Runs service calls in their own unit of work, so callers that hold no Session (the GUI) can use them."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from sqlalchemy.orm import Session

R = TypeVar("R")


class ServiceRunner:
    """`runner.call(meetings.get_meeting, 3)` opens a session, calls, commits, closes."""

    def __init__(self, session_scope: Callable[[], AbstractContextManager[Session]], *, location: str = "",
                 read_only: bool = False, maintenance: Any = None):
        self._session_scope = session_scope
        self.location = location
        self.read_only = read_only
        # Back up / restore / check for the open database (db.maintenance.Maintenance), or None.
        self.maintenance = maintenance

    def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        with self._session_scope() as session:
            return fn(session, *args, **kwargs)

    def scope(self) -> AbstractContextManager[Session]:
        """For several calls in one transaction (all commit together or none)."""
        return self._session_scope()


