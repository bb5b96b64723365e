"""The first window's reads, one entry point each: plain SQLite before the data layer has loaded, else the ORM.

Painting the group list and the dashboard before SQLAlchemy loads keeps the first paint near a bare window's time
(docs/performance.md). The plain path is services.dashboard.first_screen; the ORM path is the services it mirrors.
Importing this module loads no SQLAlchemy: the ORM modules are imported by the calls that need them, after
`runner.call` has loaded the data layer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from typing import TYPE_CHECKING, TypeVar

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.dashboard import first_screen
from interface_desktop.services.dashboard.types import DashboardDTO, GroupChoice

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

R = TypeVar("R")


def _read(runner: ServiceRunner, plain: Callable[[sqlite3.Connection], R], orm: Callable[[Session], R]) -> R:
    if runner.reads_plainly:
        # Whatever goes wrong on the plain path, the ORM path reads the same data (or reports the problem) properly.
        with suppress(sqlite3.Error), closing(runner.plain_connection()) as conn:
            return plain(conn)
    return runner.call(orm)


def group_choices(runner: ServiceRunner) -> list[GroupChoice]:
    """The groups to choose from, in order of name."""
    return _read(runner, first_screen.group_choices, _orm_group_choices)


def dashboard(runner: ServiceRunner, *, group_id: int | None = None) -> DashboardDTO:
    """What the lead sees first, for one group or (None) for all."""
    return _read(runner, lambda conn: first_screen.dashboard(conn, group_id=group_id),
                 lambda session: _orm_dashboard(session, group_id))


def _orm_group_choices(session: Session) -> list[GroupChoice]:
    from interface_desktop.services.people import groups

    return groups.group_choices(session)


def _orm_dashboard(session: Session, group_id: int | None) -> DashboardDTO:
    from interface_desktop.services.dashboard import dashboard as summaries

    return summaries.summary(session, group_id=group_id)
