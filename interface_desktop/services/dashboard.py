"""What the lead sees first: next meeting and its readiness, actions at risk, open issues, activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Activity, Group, InterfaceIssue, Paper
from interface_desktop.services import actions, activities, agenda, lookups, meetings
from interface_desktop.services.actions import ActionDTO, ActionFilter
from interface_desktop.services.common import today
from interface_desktop.services.issues import OPEN_STATUSES, STATUS_LABELS
from interface_desktop.services.meetings import MeetingDTO


@dataclass(frozen=True)
class Readiness:
    agenda_items: int
    business_items: int
    presenters_missing: int
    papers: int
    overrun_minutes: int

    @property
    def ready(self) -> bool:
        return self.business_items > 0 and self.presenters_missing == 0 and self.overrun_minutes == 0


@dataclass(frozen=True)
class DashboardDTO:
    today: date
    next_meeting: MeetingDTO | None
    readiness: Readiness | None
    overdue: tuple[ActionDTO, ...]
    overdue_total: int
    due_soon: tuple[ActionDTO, ...]
    due_soon_total: int
    open_actions_total: int
    issues_by_category: tuple[tuple[str, str, int], ...]  # (code, label, count)
    issues_by_status: tuple[tuple[str, str, int], ...]
    open_issues_total: int
    activities_this_quarter: tuple[ActivityLine, ...]


def quarter_bounds(on: date) -> tuple[date, date]:
    first_month = 3 * ((on.month - 1) // 3) + 1
    start = date(on.year, first_month, 1)
    end_month = first_month + 3
    end = date(on.year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def readiness(session: Session, meeting: MeetingDTO) -> Readiness:
    items = agenda.list_agenda(session, meeting.id)
    business = [i for i in items if i.kind != "standing"]
    papers = session.scalar(select(func.count()).select_from(Paper).where(Paper.meeting_id == meeting.id)) or 0
    return Readiness(
        agenda_items=len(items), business_items=len(business),
        presenters_missing=sum(1 for i in business if i.presenter_id is None), papers=papers,
        overrun_minutes=max(0, sum(i.minutes_allotted for i in items) - meeting.duration_minutes),
    )


@dataclass(frozen=True)
class ActivityLine:
    """An activity as the dashboard lists it (no participants or feedback to load)."""

    id: int
    title: str
    kind: str
    starts_on: date
    group_name: str

    @property
    def kind_label(self) -> str:
        return activities.KIND_LABELS[self.kind]


def activities_between(session: Session, group_id: int | None, first: date, last: date) -> tuple[ActivityLine, ...]:
    query = (select(Activity.id, Activity.title, Activity.kind, Activity.starts_on, Group.name)
             .join(Group, Group.id == Activity.group_id)
             .where(Activity.starts_on >= first, Activity.starts_on <= last)
             .order_by(Activity.starts_on.desc(), Activity.id.desc()))
    if group_id is not None:
        query = query.where(Activity.group_id == group_id)
    return tuple(ActivityLine(*row) for row in session.execute(query))


def summary(session: Session, *, group_id: int | None = None, on: date | None = None, limit: int = 8) -> DashboardDTO:
    on = on or today()
    upcoming = meetings.list_meetings(session, group_id=group_id, when="upcoming", status="planned", limit=1)
    next_meeting = upcoming[0] if upcoming else None
    overdue_f = ActionFilter(group_id=group_id, rag=("red",))
    soon_f = ActionFilter(group_id=group_id, rag=("amber",))
    issue_rows = _issue_counts(session, group_id)
    cats = lookups.labels(session, "issue_category")
    by_category: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for category, status, count in issue_rows:
        by_status[status] = by_status.get(status, 0) + count
        if status in OPEN_STATUSES:
            by_category[category] = by_category.get(category, 0) + count
    q_start, q_end = quarter_bounds(on)
    return DashboardDTO(
        today=on, next_meeting=next_meeting,
        readiness=readiness(session, next_meeting) if next_meeting else None,
        overdue=tuple(actions.list_actions(session, overdue_f, on=on, limit=limit)),
        overdue_total=actions.count_actions(session, overdue_f, on=on),
        due_soon=tuple(actions.list_actions(session, soon_f, on=on, limit=limit)),
        due_soon_total=actions.count_actions(session, soon_f, on=on),
        open_actions_total=actions.count_actions(session, ActionFilter(group_id=group_id,
                                                                       status=actions.OPEN_STATUSES), on=on),
        issues_by_category=tuple(sorted(((c, cats.get(c, c), n) for c, n in by_category.items()),
                                        key=lambda row: (-row[2], row[1]))),
        issues_by_status=tuple((s, STATUS_LABELS[s], by_status.get(s, 0)) for s in STATUS_LABELS),
        open_issues_total=sum(by_category.values()),
        activities_this_quarter=activities_between(session, group_id, q_start, q_end),
    )


def _issue_counts(session: Session, group_id: int | None) -> list[tuple[str, str, int]]:
    query = select(InterfaceIssue.category, InterfaceIssue.status, func.count()).group_by(
        InterfaceIssue.category, InterfaceIssue.status)
    if group_id is not None:
        query = query.where(InterfaceIssue.group_id == group_id)
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]
