"""What the lead sees first: next meeting and its readiness, actions at risk, open issues, activities."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Activity, AgendaItem, Group, InterfaceIssue, Paper
from interface_desktop.services.actions import actions
from interface_desktop.services.people import lookups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import ActionDTO, ActionFilter
from interface_desktop.services.core.clock import today
from interface_desktop.services.dashboard.types import (  # the dashboard's types, re-exported
    ActionLine, ActivityLine, DashboardDTO, IssueLine, NextMeeting, Readiness, issue_counts, quarter_bounds,
    readiness_of,
)
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.vocab import ACTION_OPEN_STATUSES, ISSUE_OPEN_STATUSES


def readiness(session: Session, meeting: MeetingDTO | NextMeeting) -> Readiness:
    items = session.execute(select(AgendaItem.kind, AgendaItem.presenter_id, AgendaItem.minutes_allotted)
                            .where(AgendaItem.meeting_id == meeting.id))
    papers = session.scalar(select(func.count()).select_from(Paper).where(Paper.meeting_id == meeting.id)) or 0
    return readiness_of(items, papers, meeting.duration_minutes)


def activities_between(session: Session, group_id: int | None, first: date, last: date) -> tuple[ActivityLine, ...]:
    query = (select(Activity.id, Activity.title, Activity.kind, Activity.starts_on, Group.name)
             .join(Group, Group.id == Activity.group_id)
             .where(Activity.starts_on >= first, Activity.starts_on <= last)
             .order_by(Activity.starts_on.desc(), Activity.id.desc()))
    if group_id is not None:
        query = query.where(Activity.group_id == group_id)
    return tuple(ActivityLine(*row) for row in session.execute(query))


def _line(a: ActionDTO) -> ActionLine:
    return ActionLine(a.id, a.description, a.owner_name, a.due_on, a.status, a.rag, a.group_name)


def _next_meeting(session: Session, group_id: int | None, on: date) -> NextMeeting | None:
    upcoming = meetings.list_meetings(session, group_id=group_id, when="upcoming", status="planned", limit=1,
                                      now=datetime.combine(on, datetime.min.time()))
    if not upcoming:
        return None
    m = upcoming[0]
    return NextMeeting(m.id, m.group_id, m.group_name, m.title, m.starts_at, m.duration_minutes, m.location,
                       m.call_link)


def summary(session: Session, *, group_id: int | None = None, on: date | None = None, limit: int = 8) -> DashboardDTO:
    on = on or today()
    next_meeting = _next_meeting(session, group_id, on)
    overdue_f = ActionFilter(group_id=group_id, rag=("red",))
    soon_f = ActionFilter(group_id=group_id, rag=("amber",))
    q_start, q_end = quarter_bounds(on)
    return DashboardDTO(
        today=on, next_meeting=next_meeting,
        readiness=readiness(session, next_meeting) if next_meeting else None,
        overdue=tuple(_line(a) for a in actions.list_actions(session, overdue_f, on=on, limit=limit)),
        overdue_total=actions.count_actions(session, overdue_f, on=on),
        due_soon=tuple(_line(a) for a in actions.list_actions(session, soon_f, on=on, limit=limit)),
        due_soon_total=actions.count_actions(session, soon_f, on=on),
        open_actions_total=actions.count_actions(session, ActionFilter(group_id=group_id,
                                                                       status=ACTION_OPEN_STATUSES), on=on),
        issues=issue_counts(_issue_counts(session, group_id), lookups.labels(session, "issue_category")),
        open_issues=_open_issues(session, group_id),
        activities_this_quarter=activities_between(session, group_id, q_start, q_end),
    )


def _open_issues(session: Session, group_id: int | None) -> tuple[IssueLine, ...]:
    i = InterfaceIssue
    query = (select(i.id, i.reference, i.title, i.category, i.status, i.raised_on)
             .where(i.status.in_(ISSUE_OPEN_STATUSES)).order_by(i.raised_on.desc(), i.id.desc()))
    if group_id is not None:
        query = query.where(i.group_id == group_id)
    return tuple(IssueLine(*row) for row in session.execute(query))


def _issue_counts(session: Session, group_id: int | None) -> list[tuple[str, str, int]]:
    query = select(InterfaceIssue.category, InterfaceIssue.status, func.count()).group_by(
        InterfaceIssue.category, InterfaceIssue.status)
    if group_id is not None:
        query = query.where(InterfaceIssue.group_id == group_id)
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]
