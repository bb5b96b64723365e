"""What the first window shows, as plain values: the group list and the dashboard.

Built by dashboard.summary through the ORM and by first_screen through plain SQLite before the data layer has
loaded (read.py chooses); both use the helpers here, so they count and label alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from interface_desktop.services.core.status import ActionRag, IssueStatus
from interface_desktop.vocab import ACTIVITY_KIND_LABELS, ISSUE_OPEN_STATUSES, ISSUE_STATUS_LABELS


@dataclass(frozen=True)
class GroupChoice:
    """What a list of groups to choose from needs: the id and the name."""

    id: int
    name: str


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
class NextMeeting:
    id: int
    group_id: int
    group_name: str
    title: str
    starts_at: datetime
    duration_minutes: int
    location: str
    call_link: str

    @property
    def display_title(self) -> str:
        return self.title or f"{self.group_name} meeting"


@dataclass(frozen=True)
class ActionLine(ActionRag):
    id: int
    description: str
    owner_name: str
    due_on: date | None
    status: str
    rag: str
    group_name: str


@dataclass(frozen=True)
class IssueLine(IssueStatus):
    id: int
    reference: str
    title: str
    category: str
    status: str
    raised_on: date


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
        return ACTIVITY_KIND_LABELS[self.kind]


@dataclass(frozen=True)
class IssueCounts:
    by_category: tuple[tuple[str, str, int], ...]  # (code, label, count) of open issues, most first
    by_status: tuple[tuple[str, str, int], ...]  # every status, in life-cycle order
    open_total: int


@dataclass(frozen=True)
class DashboardDTO:
    today: date
    next_meeting: NextMeeting | None
    readiness: Readiness | None
    overdue: tuple[ActionLine, ...]
    overdue_total: int
    due_soon: tuple[ActionLine, ...]
    due_soon_total: int
    open_actions_total: int
    issues: IssueCounts
    open_issues: tuple[IssueLine, ...]  # newest first
    activities_this_quarter: tuple[ActivityLine, ...]


def quarter_bounds(on: date) -> tuple[date, date]:
    first_month = 3 * ((on.month - 1) // 3) + 1
    start = date(on.year, first_month, 1)
    end_month = first_month + 3
    end = date(on.year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def readiness_of(items: Iterable[tuple[str, int | None, int]], papers: int, duration_minutes: int) -> Readiness:
    """From the agenda's (kind, presenter id, minutes allotted) and the number of papers attached."""
    items = list(items)
    business = [(kind, presenter) for kind, presenter, _ in items if kind != "standing"]
    return Readiness(
        agenda_items=len(items), business_items=len(business),
        presenters_missing=sum(1 for _, presenter in business if presenter is None), papers=papers,
        overrun_minutes=max(0, sum(minutes for _, _, minutes in items) - duration_minutes),
    )


def issue_counts(rows: Iterable[tuple[str, str, int]], category_labels: dict[str, str]) -> IssueCounts:
    """From (category, status, count) rows: open issues by category, and every status."""
    by_category: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for category, status, count in rows:
        by_status[status] = by_status.get(status, 0) + count
        if status in ISSUE_OPEN_STATUSES:
            by_category[category] = by_category.get(category, 0) + count
    return IssueCounts(
        by_category=tuple(sorted(((c, category_labels.get(c, c), n) for c, n in by_category.items()),
                                 key=lambda row: (-row[2], row[1]))),
        by_status=tuple((s, label, by_status.get(s, 0)) for s, label in ISSUE_STATUS_LABELS.items()),
        open_total=sum(by_category.values()),
    )
