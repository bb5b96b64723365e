"""Which records a document would include, so the privacy guard can check them before anything is written."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, ActionUpdate, AgendaItem, InterfaceIssue, Meeting
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import OPEN_STATUSES
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.issues.issues import OPEN_STATUSES as OPEN_ISSUES

Records = list[tuple[str, int]]


def _meeting(session: Session, meeting_id: int, *, with_actions: bool = True) -> Records:
    items = session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id))
    records = [("meeting", meeting_id)] + [("agenda_item", i) for i in items]
    if with_actions:
        records += [("action", a) for a in session.scalars(select(Action.id).where(Action.meeting_id == meeting_id))]
    return records


def _actions(session: Session, query) -> Records:  # noqa: ANN001 - a Select of Action.id
    ids = list(session.scalars(query))
    updates = session.scalars(select(ActionUpdate.id).where(ActionUpdate.action_id.in_(ids))) if ids else []
    return [("action", i) for i in ids] + [("action_update", u) for u in updates]


def _pack(session: Session, meeting_id: int) -> Records:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    records = _meeting(session, meeting_id, with_actions=False)
    previous = meetings.previous_meeting(session, meeting_id)
    if previous is not None:
        records += _meeting(session, previous.id)
    records += _actions(session, select(Action.id).where(Action.group_id == meeting.group_id,
                                                         Action.status.in_(OPEN_STATUSES)))
    issues = session.scalars(select(InterfaceIssue.id).where(InterfaceIssue.group_id == meeting.group_id,
                                                             InterfaceIssue.status.in_(OPEN_ISSUES)))
    return records + [("interface_issue", i) for i in issues]


def records_for(session: Session, what: str, subject_id: int | None, *, statuses: tuple[str, ...] | None = None,
                date_from: date | None = None, date_to: date | None = None) -> Records:
    """(entity, id) pairs whose text the document `what` would print."""
    if what in ("minutes", "agenda", "ics"):
        get_or_raise(session, Meeting, subject_id, "meeting")
        return _meeting(session, subject_id, with_actions=what == "minutes")
    if what == "pack":
        return _pack(session, subject_id)
    if what == "sea":
        get_or_raise(session, InterfaceIssue, subject_id, "interface issue")
        return [("interface_issue", subject_id)] + _actions(session, select(Action.id).where(
            Action.issue_id == subject_id))
    if what == "actions":
        query = select(Action.id)
        if subject_id:
            query = query.where(Action.group_id == subject_id)
        if statuses:
            query = query.where(Action.status.in_(statuses))
        return _actions(session, query)
    query = select(InterfaceIssue.id).where(InterfaceIssue.status.in_(("resolved", "closed")))
    if subject_id:
        query = query.where(InterfaceIssue.group_id == subject_id)
    if date_from and date_to:
        query = query.where(or_(InterfaceIssue.status_changed_on.between(date_from, date_to),
                                InterfaceIssue.raised_on.between(date_from, date_to)))
    return [("interface_issue", i) for i in session.scalars(query)]
