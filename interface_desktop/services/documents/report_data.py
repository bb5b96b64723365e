"""The figures behind a quarterly report or newsletter, as they stood at the end of the period: counts,
attendance, highlights, the lead's narrative and what comes next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Attendance, InterfaceIssue, Meeting, Membership, Person
from interface_desktop.services.activities import activities
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents import as_at, narrative
from interface_desktop.services.issues import issues
from interface_desktop.services.issues.issues import IssueDTO, IssueFilter
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import groups, lookups
from interface_desktop.vocab import (
    ACTION_OPEN_STATUSES,
    ACTIVITY_KIND_LABELS,
    ISSUE_DIRECTION_LABELS,
    ISSUE_OPEN_STATUSES,
    SECTOR_LABELS,
    rag_for,
)

UPCOMING_DAYS = 120
UPCOMING_LIMIT = 8
RESOLVED = ("resolved", "closed")
EVERY_GROUP = "All Interface Groups"


@dataclass(frozen=True)
class Count:
    label: str
    first: int
    second: int = 0


@dataclass(frozen=True)
class SectorAttendance:
    """Members of one sector present at the meetings held, against the members the group had at each."""

    label: str
    present: int
    expected: int

    @property
    def rate(self) -> int | None:
        return round(100 * self.present / self.expected) if self.expected else None


@dataclass(frozen=True)
class Highlight:
    reference: str
    title: str
    category: str
    resolution: str
    learning: str


@dataclass(frozen=True)
class Upcoming:
    when: datetime
    what: str
    title: str
    where: str


@dataclass(frozen=True)
class IssueFigures:
    raised: int
    resolved: int
    open_at_end: int
    seas_recorded: int
    by_category: tuple[Count, ...]  # first = raised, second = resolved
    by_direction: tuple[Count, ...]
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True)
class ActionFigures:
    completed: int  # done in the period
    open_at_end: int
    overdue_at_end: int
    due: int  # due in the period and not dropped by its end
    done_on_time: int  # of those, done by their due date

    @property
    def on_time_rate(self) -> int | None:
        return round(100 * self.done_on_time / self.due) if self.due else None


@dataclass(frozen=True)
class ReportDoc:
    scope: str
    date_from: date
    date_to: date
    prepared_on: date
    meetings_held: tuple[date, ...]
    attendance: tuple[SectorAttendance, ...]
    issues: IssueFigures
    actions: ActionFigures
    activities_by_kind: tuple[Count, ...]
    shadowing_by_sector: tuple[Count, ...]
    narrative: str
    upcoming: tuple[Upcoming, ...]

    @property
    def as_at(self) -> date:
        """Every figure is as it stood at the end of the period's last day."""
        return self.date_to


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


class _IssueHistory:
    """The status of each issue at the end of a day, from its dated status changes."""

    def __init__(self, session: Session, group_id: int | None):
        self.changes = as_at.issue_statuses(session, group_id=group_id)

    def status(self, issue: IssueDTO, day: date) -> str | None:
        history = self.changes.get(issue.id)
        if history:
            return as_at.status_on(history, day)
        return issue.status if (issue.status_changed_on or issue.raised_on) <= day else None

    def resolved_in(self, issue: IssueDTO, start: date, end: date) -> bool:
        return self.status(issue, end) in RESOLVED and self.status(issue, start - timedelta(days=1)) not in RESOLVED

    def resolved_on(self, issue: IssueDTO, end: date) -> date:
        days = [day for day, status in self.changes.get(issue.id, []) if day <= end and status in RESOLVED]
        return max(days, default=issue.status_changed_on or issue.raised_on)


def _resolved(rows: list[IssueDTO], history: _IssueHistory, start: date, end: date) -> list[IssueDTO]:
    resolved = [i for i in rows if history.resolved_in(i, start, end)]
    return sorted(resolved, key=lambda i: (history.resolved_on(i, end), i.reference))


def highlighted_issues(session: Session, *, group_id: int | None, date_from: date, date_to: date) -> list[IssueDTO]:
    """The issues resolved or closed in the period (and still so at its end) with learning recorded, in the
    order they were resolved: the report's highlights (the identifier guard scans the same ones)."""
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, raised_to=date_to))
    resolved = _resolved(rows, _IssueHistory(session, group_id), date_from, date_to)
    return [i for i in resolved if i.learning.strip()]


def _by(raised: list[IssueDTO], resolved: list[IssueDTO], key: str, labels: dict[str, str],
        order: list[str], *, every: bool = False) -> tuple[Count, ...]:
    """Raised and resolved by category or direction: in the list's order, then any other code; with `every`,
    each code of the list also when none was raised or resolved."""
    raised_by, resolved_by = Counter(getattr(i, key) for i in raised), Counter(getattr(i, key) for i in resolved)
    codes = order + sorted((set(raised_by) | set(resolved_by)) - set(order))
    return tuple(Count(labels.get(code, code), raised_by[code], resolved_by[code]) for code in codes
                 if every or raised_by[code] or resolved_by[code])


def _seas_recorded(session: Session, group_id: int | None, rows: list[IssueDTO], start: date, end: date) -> int:
    """SEAs added to issues in the period (the audit trail dates them) and still there at its end."""
    before = start - timedelta(days=1)
    ids = select(InterfaceIssue.id).where(InterfaceIssue.raised_on <= end)
    if group_id is not None:
        ids = ids.where(InterfaceIssue.group_id == group_id)
    changes = as_at.later_changes(session, entity="interface_issue", ids=ids, after=before, fields=("has_sea",))
    count = 0
    for issue in rows:
        history = changes.get(issue.id, [])
        had = bool(as_at.value_then("has_sea", issue.sea is not None, history, before))
        has = bool(as_at.value_then("has_sea", issue.sea is not None, history, end))
        count += has and not had
    return count


def _issue_figures(session: Session, group_id: int | None, start: date, end: date) -> IssueFigures:
    history = _IssueHistory(session, group_id)
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, raised_to=end))
    raised = [i for i in rows if i.raised_on >= start]
    resolved = _resolved(rows, history, start, end)
    cats = lookups.labels(session, "issue_category")
    order = [item.code for item in lookups.list_lookups(session, kind="issue_category", group_id=group_id)]
    return IssueFigures(
        raised=len(raised), resolved=len(resolved),
        open_at_end=sum(1 for i in rows if history.status(i, end) in ISSUE_OPEN_STATUSES),
        seas_recorded=_seas_recorded(session, group_id, rows, start, end),
        by_category=_by(raised, resolved, "category", cats, order),
        by_direction=_by(raised, resolved, "direction", ISSUE_DIRECTION_LABELS, list(ISSUE_DIRECTION_LABELS),
                         every=True),
        highlights=tuple(Highlight(i.reference, i.title, i.category_label, i.resolution, i.learning)
                         for i in resolved if i.learning.strip()))


def _action_figures(session: Session, group_id: int | None, start: date, end: date) -> ActionFigures:
    then = as_at.actions_then(session, group_id=group_id, day=end)
    open_at_end = [a for a in then if a.status in ACTION_OPEN_STATUSES]
    due = [a for a in then if _within(a.due_on, start, end) and a.status != "dropped"]
    return ActionFigures(
        completed=sum(1 for a in then if a.status == "done" and _within(a.completed_on, start, end)),
        open_at_end=len(open_at_end),
        overdue_at_end=sum(1 for a in open_at_end if rag_for(a.status, a.due_on, end) == "red"),
        due=len(due),
        done_on_time=sum(1 for a in due if a.status == "done" and a.completed_on <= a.due_on))


def _meetings_held(session: Session, group_id: int | None, start: date, end: date) -> list[tuple[int, int, date]]:
    """(meeting, group, day) of each meeting held in the period, in date order."""
    query = (select(Meeting.id, Meeting.group_id, Meeting.starts_at)
             .where(Meeting.status == "held", Meeting.starts_at >= datetime.combine(start, time.min),
                    Meeting.starts_at < datetime.combine(end + timedelta(days=1), time.min))
             .order_by(Meeting.starts_at))
    if group_id is not None:
        query = query.where(Meeting.group_id == group_id)
    return [(meeting_id, group, starts_at.date()) for meeting_id, group, starts_at in session.execute(query)]


def _attendance(session: Session, held: list[tuple[int, int, date]]) -> tuple[SectorAttendance, ...]:
    """Members present by sector over the meetings held, against the members at each: those the group had
    on the meeting's day and those its register lists as members (so a membership removed later still counts)."""
    if not held:
        return ()
    members = session.execute(select(Membership.group_id, Membership.person_id, Membership.joined_on,
                                     Membership.left_on, Person.sector)
                              .join(Person, Person.id == Membership.person_id)
                              .where(Membership.group_id.in_({group for _, group, _ in held}))).all()
    register = session.execute(select(Attendance.meeting_id, Attendance.person_id, Attendance.status, Person.sector)
                               .join(Person, Person.id == Attendance.person_id)
                               .where(Attendance.meeting_id.in_([meeting_id for meeting_id, _, _ in held]),
                                      Attendance.is_guest.is_(False))).all()
    expected: set[tuple[int, int, str]] = set()
    for meeting_id, group, day in held:
        expected |= {(meeting_id, person_id, sector) for member_group, person_id, joined_on, left_on, sector in members
                     if member_group == group and (joined_on is None or joined_on <= day)
                     and (left_on is None or left_on > day)}
    expected |= {(meeting_id, person_id, sector) for meeting_id, person_id, _, sector in register}
    present = {(meeting_id, person_id) for meeting_id, person_id, status, _ in register if status == "present"}
    places = Counter(sector for _, _, sector in expected)
    came = Counter(sector for meeting_id, person_id, sector in expected if (meeting_id, person_id) in present)
    return tuple(SectorAttendance(label, came[code], places[code])
                 for code, label in SECTOR_LABELS.items() if places[code])


def _activity_counts(session: Session, group_id: int | None, start: date, end: date):  # noqa: ANN202 - a tuple
    rows = activities.list_activities(session, group_id=group_id, date_from=start, date_to=end)
    kinds = Counter(a.kind for a in rows)
    by_kind = tuple(Count(label, kinds[code]) for code, label in ACTIVITY_KIND_LABELS.items() if kinds[code])
    sectors = Counter(p.sector for a in rows if a.kind == "shadowing" for p in a.participants)
    by_sector = tuple(Count(label, sectors[code]) for code, label in SECTOR_LABELS.items() if sectors[code])
    return by_kind, by_sector


def upcoming_meetings(session: Session, group_id: int | None) -> list[meetings.MeetingDTO]:
    """The meetings a report lists under 'Coming up' (the identifier guard scans the same ones)."""
    horizon = today() + timedelta(days=UPCOMING_DAYS)
    return [m for m in meetings.list_meetings(session, group_id=group_id, when="upcoming")
            if m.status != "cancelled" and m.starts_at.date() <= horizon]


def upcoming_activities(session: Session, group_id: int | None) -> list[activities.ActivityDTO]:
    start = today()
    return activities.list_activities(session, group_id=group_id, date_from=start,
                                      date_to=start + timedelta(days=UPCOMING_DAYS))


def _upcoming(session: Session, group_id: int | None) -> tuple[Upcoming, ...]:
    """What comes next from the day the report is prepared: the one part that is not as at the period's end."""
    items = [Upcoming(m.starts_at, f"{m.group_name} meeting" if group_id is None else "Meeting", m.display_title,
                      m.location or m.call_link) for m in upcoming_meetings(session, group_id)]
    items += [Upcoming(datetime.combine(a.starts_on, datetime.min.time()), a.kind_label, a.title, a.location)
              for a in upcoming_activities(session, group_id)]
    return tuple(sorted(items, key=lambda u: u.when)[:UPCOMING_LIMIT])


def report_doc(session: Session, *, date_from: date, date_to: date, group_id: int | None = None) -> ReportDoc:
    if date_to < date_from:
        raise ValidationError({"date_to": "the period ends before it starts"})
    scope = groups.get_group(session, group_id).name if group_id else EVERY_GROUP
    held = _meetings_held(session, group_id, date_from, date_to)
    by_kind, by_sector = _activity_counts(session, group_id, date_from, date_to)
    return ReportDoc(
        scope=scope, date_from=date_from, date_to=date_to, prepared_on=today(),
        meetings_held=tuple(day for _, _, day in held), attendance=_attendance(session, held),
        issues=_issue_figures(session, group_id, date_from, date_to),
        actions=_action_figures(session, group_id, date_from, date_to),
        activities_by_kind=by_kind, shadowing_by_sector=by_sector,
        narrative=narrative.get_narrative(session, group_id=group_id, date_from=date_from, date_to=date_to),
        upcoming=_upcoming(session, group_id),
    )
