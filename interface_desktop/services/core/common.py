"""Small helpers shared by the service modules: fetching by id or name, the OS user."""

from __future__ import annotations

import getpass
import os
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from interface_desktop.services.core.errors import NotFoundError

T = TypeVar("T")


def get_or_raise(session: Session, model: type[T], entity_id: int, label: str) -> T:
    obj = session.get(model, entity_id)
    if obj is None:
        raise NotFoundError(label, entity_id)
    return obj


def id_by_name(session: Session, name_column: InstrumentedAttribute, name: str) -> int | None:
    """The first record whose name matches ignoring case and surrounding spaces.

    Compared in Python: SQLite's lower() folds only ASCII letters, so 'ÀINE' would never match 'Àine' there.
    Name tables (groups, people) are small enough to read whole.
    """
    key = name.strip().casefold()
    id_column = name_column.class_.id
    rows = session.execute(select(id_column, name_column).order_by(id_column))
    return next((row_id for row_id, value in rows if value.strip().casefold() == key), None)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"
