"""The figures behind a quarterly report or newsletter: counts, highlights and what comes next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.people import lookups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.issues.issues import IssueFilter
from interface_desktop.vocab import ACTIVITY_KIND_LABELS, ISSUE_DIRECTION_LABELS, SECTOR_LABELS

UPCOMING_DAYS = 120
UPCOMING_LIMIT = 8


@dataclass(frozen=True)
class Count:
    label: str
    first: int
    second: int = 0


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
class ReportDoc:
    scope: str
    date_from: date
    date_to: date
    prepared_on: date
    issues_raised: int
    issues_resolved: int
    by_category: tuple[Count, ...]  # first = raised, second = resolved
    by_direction: tuple[Count, ...]
    actions_completed: int
    actions_overdue: int
    actions_open: int
    activities_by_kind: tuple[Count, ...]
    shadowing_by_sector: tuple[Count, ...]
    highlights: tuple[Highlight, ...]
    upcoming: tuple[Upcoming, ...]


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _issue_counts(session: Session, group_id: int | None, start: date, end: date):  # noqa: ANN202 - a tuple
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, raised_to=end))
    raised = [i for i in rows if _within(i.raised_on, start, end)]
    resolved = [i for i in rows if i.status in ("resolved", "closed") and _within(i.status_changed_on, start, end)]
    cats = lookups.labels(session, "issue_category")
    order = [item.code for item in lookups.list_lookups(session, kind="issue_category", group_id=group_id)]
    raised_by, resolved_by = Counter(i.category for i in raised), Counter(i.category for i in resolved)
    by_category = tuple(Count(cats.get(code, code), raised_by[code], resolved_by[code])
                        for code in order + sorted((set(raised_by) | set(resolved_by)) - set(order))
                        if raised_by[code] or resolved_by[code])
    dir_raised, dir_resolved = Counter(i.direction for i in raised), Counter(i.direction for i in resolved)
    by_direction = tuple(Count(label, dir_raised[code], dir_resolved[code])
                         for code, label in ISSUE_DIRECTION_LABELS.items())
    highlights = tuple(Highlight(i.reference, i.title, i.category_label, i.resolution, i.learning)
                       for i in sorted(resolved, key=lambda i: i.status_changed_on or i.raised_on)
                       if i.learning.strip())
    return len(raised), len(resolved), by_category, by_direction, highlights


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
    items = [Upcoming(m.starts_at, f"{m.group_name} meeting" if group_id is None else "Meeting", m.display_title,
                      m.location or m.call_link) for m in upcoming_meetings(session, group_id)]
    items += [Upcoming(datetime.combine(a.starts_on, datetime.min.time()), a.kind_label, a.title, a.location)
              for a in upcoming_activities(session, group_id)]
    return tuple(sorted(items, key=lambda u: u.when)[:UPCOMING_LIMIT])


def report_doc(session: Session, *, date_from: date, date_to: date, group_id: int | None = None) -> ReportDoc:
    if date_to < date_from:
        raise ValidationError({"date_to": "the period ends before it starts"})
    scope = groups.get_group(session, group_id).name if group_id else "All Interface Groups"
    raised, resolved, by_category, by_direction, highlights = _issue_counts(session, group_id, date_from, date_to)
    by_kind, by_sector = _activity_counts(session, group_id, date_from, date_to)
    all_actions = actions.list_actions(session, ActionFilter(group_id=group_id))
    overdue_on = min(date_to, today())
    completed = sum(1 for a in all_actions if a.status == "done" and _within(a.completed_on, date_from, date_to))
    overdue = sum(1 for a in all_actions if a.is_open and a.due_on is not None and a.due_on < overdue_on)
    return ReportDoc(
        scope=scope, date_from=date_from, date_to=date_to, prepared_on=today(), issues_raised=raised,
        issues_resolved=resolved, by_category=by_category, by_direction=by_direction, actions_completed=completed,
        actions_overdue=overdue, actions_open=sum(1 for a in all_actions if a.is_open),
        activities_by_kind=by_kind, shadowing_by_sector=by_sector, highlights=highlights,
        upcoming=_upcoming(session, group_id),
    )
