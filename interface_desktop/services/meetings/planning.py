"""Preparing the next meeting: standing items copied, open actions brought onto its action log."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, Meeting
from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.vocab import ACTION_OPEN_STATUSES


def carry_forward(session: Session, *, to_meeting_id: int) -> int:
    """Brings every open action of the group raised before the meeting onto its action log.

    Returns how many were brought on (each once, however often this is called for the same meeting). The
    carried-forward count is not touched: it counts the meetings actually held (services.actions.history).
    """
    meeting = get_or_raise(session, Meeting, to_meeting_id, "meeting")
    query = (select(Action).outerjoin(Meeting, Meeting.id == Action.meeting_id)
             .where(Action.group_id == meeting.group_id, Action.status.in_(ACTION_OPEN_STATUSES),
                    (Action.meeting_id.is_(None)) | (Meeting.starts_at < meeting.starts_at)))
    carried = 0
    for action in session.scalars(query):
        if action.last_carried_meeting_id == to_meeting_id:
            continue
        action.last_carried_meeting_id = to_meeting_id
        carried += 1
    session.flush()
    return carried


def create_next_meeting(
    session: Session, *, after_meeting_id: int, starts_at: datetime | str | None = None, location: str | None = None,
) -> tuple[MeetingDTO, int]:
    """A new meeting after this one, same venue, chair and length by default, standing items on its
    agenda and the open actions carried forward. Returns the meeting and the number of actions carried."""
    previous = get_or_raise(session, Meeting, after_meeting_id, "meeting")
    when = starts_at or _default_next(previous.starts_at)
    new = meetings.create_meeting(
        session, group_id=previous.group_id, starts_at=when, duration_minutes=previous.duration_minutes,
        location=previous.location if location is None else location, call_link=previous.call_link,
        chair_id=previous.chair_id, minute_taker_id=previous.minute_taker_id,
    )
    carried = carry_forward(session, to_meeting_id=new.id)
    return meetings.get_meeting(session, new.id), carried


def _default_next(previous: datetime) -> datetime:
    """Same weekday and time, eight weeks on: the usual cycle of an Interface Group."""
    return previous + timedelta(weeks=8)
