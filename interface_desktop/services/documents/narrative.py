"""The narrative a group's lead writes for a report period: kept with the group and period, printed in the report."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Group, ReportNarrative
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.validation import Check

# A few paragraphs for the board: the report's figures carry the rest.
NARRATIVE_MAX = 4000


def _row(session: Session, group_id: int | None, date_from: date, date_to: date) -> ReportNarrative | None:
    # Looked up with IS NULL for the report on every group: a unique constraint treats NULLs as distinct.
    group = ReportNarrative.group_id.is_(None) if group_id is None else ReportNarrative.group_id == group_id
    return session.scalar(select(ReportNarrative).where(group, ReportNarrative.date_from == date_from,
                                                        ReportNarrative.date_to == date_to))


def narrative_id(session: Session, *, group_id: int | None, date_from: date, date_to: date) -> int | None:
    """The stored narrative's id, for the identifier guard; None when nothing was written for the period."""
    row = _row(session, group_id, date_from, date_to)
    return row.id if row is not None and row.text else None


def get_narrative(session: Session, *, group_id: int | None, date_from: date, date_to: date) -> str:
    """What the lead wrote for this group (None: every group) and period; empty when nothing was written."""
    row = _row(session, group_id, date_from, date_to)
    return row.text if row is not None else ""


def save_narrative(session: Session, *, group_id: int | None, date_from: date, date_to: date, text: str) -> str:
    """Keeps the text for the group and period (an empty text clears it); unchanged text writes nothing."""
    check = Check()
    clean = check.text("narrative", text, max_len=NARRATIVE_MAX)
    if date_to < date_from:
        check.fail("date_to", "the period ends before it starts")
    check.done()
    if group_id is not None:
        get_or_raise(session, Group, group_id, "group")
    row = _row(session, group_id, date_from, date_to)
    if row is None and clean:
        session.add(ReportNarrative(group_id=group_id, date_from=date_from, date_to=date_to, text=clean))
    elif row is not None and row.text != clean:
        row.text = clean
    session.flush()
    return clean
