"""Action references (A-2026-014): numbered per group and year when an action is first saved, never changed.

A session hook gives every new action its reference and starts its status history, however it was made (the
action log, an imported tracker, a data file), so no way of adding actions can leave one without them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, ActionNumber, Meeting
from interface_desktop.services.actions import history
from interface_desktop.services.core.clock import today

PREFIX = "A"


def reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:03d}"


def number_of(text: str) -> int:
    """The running number of a reference ('A-2026-014' -> 14)."""
    return int(text.rsplit("-", 1)[1])


def next_number(session: Session, group_id: int, year: int, counters: dict[tuple[int, int], ActionNumber]) -> int:
    """The group's next number for the year, counted on from the last one ever given. `counters` holds the
    counters of this flush: a new one is not in the session's identity map until it is written."""
    counter = counters.get((group_id, year)) or session.get(ActionNumber, (group_id, year))
    if counter is None:
        counter = ActionNumber(group_id=group_id, year=year, last=highest_number(session, group_id, year))
        session.add(counter)
    counters[group_id, year] = counter
    counter.last += 1
    return counter.last


def highest_number(session: Session, group_id: int, year: int) -> int:
    """The highest number among the group's actions of the year (zero-padded: the longest, then the greatest)."""
    prefix = f"{PREFIX}-{year}-"
    found = session.scalar(select(Action.reference).where(
        Action.group_id == group_id, Action.reference.startswith(prefix, autoescape=True))
        .order_by(func.length(Action.reference).desc(), Action.reference.desc()).limit(1))
    return number_of(found) if found else 0


def raised_on(session: Session, action: Action) -> date:
    """The day an action was raised: its meeting's, or today for one raised outside a meeting."""
    if action.meeting_id is not None:
        meeting = session.get(Meeting, action.meeting_id)
        if meeting is not None:
            return meeting.starts_at.date()
    return today()


@event.listens_for(Session, "before_flush")
def _number_new_actions(session: Session, _context: object, _instances: object) -> None:
    new = [obj for obj in session.new if isinstance(obj, Action)]
    if not new:
        return
    counters: dict[tuple[int, int], ActionNumber] = {}
    with session.no_autoflush:
        for action in sorted(new, key=lambda a: inspect(a).insert_order):
            day = raised_on(session, action)
            if not action.reference:
                action.reference = reference(day.year, next_number(session, action.group_id, day.year, counters))
            if not action.status_changes:
                history.start(action, day)
