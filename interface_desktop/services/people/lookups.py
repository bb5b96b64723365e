"""Configurable lists (issue categories, specialties, person roles) with board-wide defaults and group additions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import LookupValue
from interface_desktop.services.core.validation import Check
from interface_desktop.vocab import LOOKUP_KINDS


@dataclass(frozen=True)
class LookupDTO:
    id: int
    kind: str
    code: str
    label: str
    group_id: int | None
    active: bool


def _dto(row: LookupValue) -> LookupDTO:
    return LookupDTO(row.id, row.kind, row.code, row.label, row.group_id, row.active)


def list_lookups(session: Session, *, kind: str, group_id: int | None = None,
                 include_inactive: bool = False) -> list[LookupDTO]:
    """The default list plus the group's own additions (or every group's, when group_id is None)."""
    query = select(LookupValue).where(LookupValue.kind == kind)
    if group_id is not None:
        query = query.where(or_(LookupValue.group_id.is_(None), LookupValue.group_id == group_id))
    if not include_inactive:
        query = query.where(LookupValue.active.is_(True))
    query = query.order_by(LookupValue.group_id.is_not(None), LookupValue.sort_order, LookupValue.label)
    seen: set[str] = set()
    result = []
    for row in session.scalars(query):
        if row.code not in seen:
            seen.add(row.code)
            result.append(_dto(row))
    return result


def labels(session: Session, kind: str) -> dict[str, str]:
    rows = session.execute(select(LookupValue.code, LookupValue.label).where(LookupValue.kind == kind))
    return {code: label for code, label in rows}


def codes(session: Session, kind: str, group_id: int | None = None) -> set[str]:
    return {item.code for item in list_lookups(session, kind=kind, group_id=group_id, include_inactive=True)}


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:60] or "item"


def add_lookup(session: Session, *, kind: str, label: str, group_id: int | None = None,
               code: str | None = None) -> LookupDTO:
    check = Check()
    check.choice("kind", kind, LOOKUP_KINDS)
    label = check.text("label", label, required=True, max_len=120)
    check.done()
    code = slug(code or label)
    existing = session.scalar(select(LookupValue).where(
        LookupValue.kind == kind, LookupValue.code == code,
        or_(LookupValue.group_id.is_(None), LookupValue.group_id == group_id)))
    if existing is not None:
        check.fail("label", f"'{existing.label}' is already in the list")
        check.done()
    order = session.scalar(select(func.coalesce(func.max(LookupValue.sort_order), 0)).where(LookupValue.kind == kind))
    row = LookupValue(kind=kind, code=code, label=label, group_id=group_id, sort_order=(order or 0) + 1, active=True)
    session.add(row)
    session.flush()
    return _dto(row)


def set_lookup_active(session: Session, *, lookup_id: int, active: bool) -> LookupDTO:
    """Retire or restore an entry; retired entries stay valid on old records but are not offered."""
    row = session.get(LookupValue, lookup_id)
    check = Check()
    if row is None:
        check.fail("lookup_id", f"no list entry with id {lookup_id}")
        check.done()
    assert row is not None
    row.active = active
    session.flush()
    return _dto(row)
