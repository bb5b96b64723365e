"""The rows of a generated board: groups, people, meetings with minutes, actions, issues and activities."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from interface_desktop.db.models import (
    Action, ActionNumber, ActionStatusChange, ActionUpdate, Activity, ActivityFeedback, ActivityParticipant,
    AgendaItem, Attendance, FileBlob, Group, GroupStandingItem, InterfaceIssue, IssueMeeting, IssueStatusChange,
    Meeting, Membership, Paper, Person,
)
from interface_desktop.services.people.groups import STANDING_ITEMS
from interface_desktop.vocab import ACTIVITY_KINDS, DEFAULT_LOOKUPS, ISSUE_DIRECTIONS, SEVERITIES

from benchmarks.corpus import Corpus, paper_pdf

if TYPE_CHECKING:
    from benchmarks.generate import Size

BOARDS = ("LO", "FF", "TY", "GR", "HG")
MEMBERS_PER_GROUP = 40
BUSINESS_ITEMS = 9  # with the six standing items, 15 agenda items a meeting
SHOWCASE = {"business_items": 34, "actions": 200, "papers": 10, "pages": 15}
CATEGORIES = tuple(code for code, _ in DEFAULT_LOOKUPS["issue_category"])
SPECIALTIES = tuple(code for code, _ in DEFAULT_LOOKUPS["specialty"])
ROLES = tuple(code for code, _ in DEFAULT_LOOKUPS["person_role"])


@dataclass
class Rows:
    tables: dict[type, list[dict]] = field(default_factory=dict)
    showcase_meeting_id: int = 0

    def add(self, model: type, row: dict) -> int:
        """Appends a row with the next id of its table and returns that id."""
        rows = self.tables.setdefault(model, [])
        row["id"] = len(rows) + 1
        rows.append(row)
        return row["id"]


@dataclass
class Board:
    """What later rows refer to: members per group, meetings per group in date order."""

    on: date
    start: date
    members: dict[int, list[int]] = field(default_factory=dict)
    meetings: dict[int, list[tuple[datetime, int]]] = field(default_factory=dict)
    items: dict[int, list[int]] = field(default_factory=dict)  # meeting -> business agenda item ids


def build_rows(size: Size, corpus: Corpus, on: date) -> Rows:
    rows = Rows()
    board = Board(on=on, start=on - timedelta(days=365 * size.years))
    add_groups_and_people(rows, board, size, corpus)
    add_meetings(rows, board, size, corpus)
    issues = add_issues(rows, board, size, corpus)
    add_actions(rows, board, size, corpus, issues)
    add_activities(rows, board, size, corpus)
    add_papers(rows, corpus)
    return rows


def add_groups_and_people(rows: Rows, board: Board, size: Size, corpus: Corpus) -> None:
    rnd = corpus.rnd
    for n in range(size.people):
        primary = n % 2 == 0
        rows.add(Person, dict(
            name=corpus.person_name(n), role=ROLES[0] if primary else rnd.choice(ROLES[1:]),
            sector="primary" if primary else "secondary", organisation=corpus.organisation(),
            department="" if primary else rnd.choice(SPECIALTIES).replace("_", " ").title(),
            email=f"person{n}@nhs.scot", active=n % 20 != 0))
    for g, code in enumerate(BOARDS, 1):
        rows.add(Group, dict(name=f"{code} Primary/Secondary Care Interface Group", board=code,
                             hscp=f"{code} HSCP", default_location="Seminar Room 2"))
        for position, (title, minutes) in enumerate(STANDING_ITEMS, 1):
            rows.add(GroupStandingItem, dict(group_id=g, position=position, title=title, minutes=minutes,
                                             placement="end" if position > 4 else "start"))
        members = rnd.sample(range(1, size.people + 1), min(MEMBERS_PER_GROUP, size.people))
        board.members[g] = members
        for k, person_id in enumerate(members):
            role = ("lead", "co-lead", "secretary")[k] if k < 3 else "member"
            rows.add(Membership, dict(group_id=g, person_id=person_id, group_role=role, joined_on=board.start))


def add_meetings(rows: Rows, board: Board, size: Size, corpus: Corpus) -> None:
    """Monthly meetings per group up to today, then one planned meeting; the first group's last is the showcase."""
    step = (board.on - board.start) / size.meetings_per_group
    for g in board.members:
        board.meetings[g] = []
        for k in range(size.meetings_per_group + 1):
            planned = k == size.meetings_per_group
            day = board.on + timedelta(days=20) if planned else board.start + step * (k + 1) - timedelta(days=1)
            starts = datetime.combine(day, datetime.min.time()).replace(hour=14)
            held = starts.date() < board.on
            showcase = g == 1 and k == size.meetings_per_group - 1
            meeting_id = rows.add(Meeting, dict(
                group_id=g, title="", starts_at=starts, location="Seminar Room 2, Education Centre",
                chair_id=board.members[g][0], minute_taker_id=board.members[g][2],
                status="held" if held else "planned",
                minutes_status="approved" if held and k < size.meetings_per_group - 1 else "draft",
                minutes_approved_on=starts.date() + timedelta(days=30) if held else None))
            board.meetings[g].append((starts, meeting_id))
            if showcase:
                rows.showcase_meeting_id = meeting_id
            business = SHOWCASE["business_items"] if showcase else BUSINESS_ITEMS
            add_agenda(rows, board, meeting_id, g, business, corpus, minuted=held)
            if held:
                add_attendance(rows, board, meeting_id, g, corpus)


def add_agenda(rows: Rows, board: Board, meeting_id: int, g: int, business: int, corpus: Corpus,
               *, minuted: bool) -> None:
    rnd, position = corpus.rnd, 0
    start_items = [s for s in STANDING_ITEMS[:4]]
    end_items = [s for s in STANDING_ITEMS[4:]]
    board.items[meeting_id] = []
    for title, minutes in start_items:
        position += 1
        rows.add(AgendaItem, dict(meeting_id=meeting_id, position=position, title=title, minutes_allotted=minutes,
                                  kind="standing", discussion=corpus.paragraph(1) if minuted else ""))
    for _ in range(business):
        position += 1
        topic = corpus.topic()
        item_id = rows.add(AgendaItem, dict(
            meeting_id=meeting_id, position=position, title=topic[0].upper() + topic[1:],
            presenter_id=rnd.choice(board.members[g]), minutes_allotted=rnd.choice((10, 15, 20)),
            kind=rnd.choice(("decision", "discussion", "information")),
            discussion=corpus.paragraph(rnd.randint(3, 6), topic) if minuted else "",
            decisions=f"The group agreed to take forward work on {topic}." if minuted else ""))
        board.items[meeting_id].append(item_id)
    for title, minutes in end_items:
        position += 1
        rows.add(AgendaItem, dict(meeting_id=meeting_id, position=position, title=title, minutes_allotted=minutes,
                                  kind="standing", discussion="None." if minuted else ""))


def add_attendance(rows: Rows, board: Board, meeting_id: int, g: int, corpus: Corpus) -> None:
    for k, person_id in enumerate(corpus.rnd.sample(board.members[g], 12)):
        rows.add(Attendance, dict(meeting_id=meeting_id, person_id=person_id,
                                  status="apologies" if k >= 9 else "present"))


def _meeting_after(board: Board, g: int, day: date) -> int | None:
    """The first meeting of the group on or after `day` (where an issue or action would be discussed)."""
    meetings = board.meetings[g]
    k = bisect.bisect_left(meetings, (datetime.combine(day, datetime.min.time()), 0))
    return meetings[k][1] if k < len(meetings) else None


def add_issues(rows: Rows, board: Board, size: Size, corpus: Corpus) -> dict[int, list[int]]:
    """Issues per group in date order, numbered per board and year as the service numbers them."""
    rnd, span = corpus.rnd, (board.on - board.start).days
    days = sorted(board.start + timedelta(days=rnd.randrange(span)) for _ in range(size.issues))
    numbers: dict[tuple[str, int], int] = {}
    by_group: dict[int, list[int]] = {g: [] for g in board.members}
    sea_every = max(1, round(size.issues / max(1, size.per_year(150))))
    for n, raised in enumerate(days):
        g = n % len(BOARDS) + 1
        code = BOARDS[g - 1]
        numbers[code, raised.year] = number = numbers.get((code, raised.year), 0) + 1
        age = (board.on - raised).days
        status = rnd.choice(("resolved", "closed", "closed")) if age > 180 else rnd.choice(
            ("new", "under_review", "action_agreed", "resolved"))
        issue_id = rows.add(InterfaceIssue, _issue_row(corpus, g, code, raised, number, status, n % sea_every == 0))
        by_group[g].append(issue_id)
        if status != "new":
            rows.add(IssueStatusChange, dict(issue_id=issue_id, status=status, note="",
                                             changed_on=min(board.on, raised + timedelta(days=rnd.randint(20, 120)))))
            meeting_id = _meeting_after(board, g, raised)
            if meeting_id is not None:
                rows.add(IssueMeeting, dict(issue_id=issue_id, meeting_id=meeting_id))
                rows.tables[IssueMeeting][-1].pop("id")
    return by_group


def _issue_row(corpus: Corpus, g: int, code: str, raised: date, number: int, status: str, sea: bool) -> dict:
    rnd, topic = corpus.rnd, corpus.topic()
    row = dict(
        group_id=g, reference=f"{code}-{raised.year}-{number:03d}", board=code, year=raised.year, number=number,
        title=corpus.issue_title(), raised_on=raised, raised_by_role=rnd.choice(("GP", "Consultant", "Nurse")),
        raised_by_sector=rnd.choice(("primary", "secondary")), raised_by_organisation=corpus.organisation(),
        direction=rnd.choice(ISSUE_DIRECTIONS), category=rnd.choice(CATEGORIES), specialty=rnd.choice(SPECIALTIES),
        description=corpus.paragraph(3, topic), impact=corpus.paragraph(1, topic), severity=rnd.choice(SEVERITIES),
        status=status, status_changed_on=raised if status == "new" else None,
        resolution=corpus.paragraph(1, topic) if status in ("resolved", "closed") else "",
        learning=corpus.paragraph(1, topic) if status == "closed" else "", shared=status == "closed", has_sea=sea)
    if sea:
        row.update(sea_what_happened=corpus.paragraph(3, topic), sea_why=corpus.paragraph(2, topic),
                   sea_learned=corpus.paragraph(2, topic), sea_changed=corpus.paragraph(1, topic),
                   sea_impact=corpus.paragraph(1, topic), sea_contributory_factors=corpus.paragraph(1),
                   sea_harm=rnd.choice(("no_harm", "potential_harm", "harm")), sea_risk_grade=rnd.randint(1, 5),
                   sea_learning_needs=corpus.paragraph(1, topic), sea_event_on=raised - timedelta(days=7))
    return row


def _action_status(corpus: Corpus, due: date, on: date) -> str:
    """Old actions are mostly closed; a few linger, which is what makes an action log overdue."""
    roll = corpus.rnd.random()
    if due < on - timedelta(days=60):
        return "done" if roll < 0.9 else "dropped" if roll < 0.97 else "open" if roll < 0.99 else "in_progress"
    return "open" if roll < 0.5 else "in_progress" if roll < 0.75 else "done"


def add_actions(rows: Rows, board: Board, size: Size, corpus: Corpus, issues: dict[int, list[int]]) -> None:
    """Actions spread over the held meetings; the showcase meeting gets its own 200."""
    rnd = corpus.rnd
    held = [(g, starts, m) for g, ms in board.meetings.items() for starts, m in ms
            if starts.date() < board.on and m != rows.showcase_meeting_id]
    showcased = min(SHOWCASE["actions"], size.action_count // 5)
    plan = [rnd.choice(held) for _ in range(size.action_count - showcased)]
    showcase = next((1, s, m) for s, m in board.meetings[1] if m == rows.showcase_meeting_id)
    plan += [showcase] * showcased
    numbers: dict[tuple[int, int], int] = {}
    for g, starts, meeting_id in sorted(plan, key=lambda p: p[1]):
        due = starts.date() + timedelta(days=rnd.randint(14, 120))
        status = _action_status(corpus, due, board.on)
        linked = rnd.choice(issues[g]) if issues[g] and rnd.random() < 0.1 else None
        numbers[g, starts.year] = numbers.get((g, starts.year), 0) + 1
        action_id = rows.add(Action, dict(
            group_id=g, reference=f"A-{starts.year}-{numbers[g, starts.year]:03d}", meeting_id=meeting_id,
            agenda_item_id=rnd.choice(board.items[meeting_id]), issue_id=linked,
            description=corpus.action_text(), owner_id=rnd.choice(board.members[g] + [rnd.randint(1, size.people)]),
            due_on=due, status=status, completed_on=min(due, board.on) if status == "done" else None,
            carried_forward=rnd.randint(1, 3) if status in ("open", "in_progress") and due < board.on else 0,
            created_at=starts))
        _status_history(rows, action_id, status, starts.date(), min(due, board.on))
        for k in range(rnd.choice((0, 1, 1, 2))):
            rows.add(ActionUpdate, dict(action_id=action_id, on_date=min(board.on, starts.date() + timedelta(
                days=7 * (k + 1))), text=f"Update: {corpus.paragraph(1)}", created_at=starts))
    for (g, year), last in numbers.items():
        rows.add(ActionNumber, dict(group_id=g, year=year, last=last))
        rows.tables[ActionNumber][-1].pop("id")  # keyed by group and year


def _status_history(rows: Rows, action_id: int, status: str, raised: date, closed: date) -> None:
    """Open from the meeting that raised it; a closed action closed when it fell due (or today, if later)."""
    rows.add(ActionStatusChange, dict(action_id=action_id, status="open", changed_on=raised))
    if status != "open":
        rows.add(ActionStatusChange, dict(action_id=action_id, status=status,
                                          changed_on=raised if status == "in_progress" else max(raised, closed)))


def add_activities(rows: Rows, board: Board, size: Size, corpus: Corpus) -> None:
    rnd, span = corpus.rnd, (board.on - board.start).days + 90
    for n in range(size.activities):
        g = n % len(BOARDS) + 1
        starts = board.start + timedelta(days=rnd.randrange(span))
        kind = rnd.choice(ACTIVITY_KINDS)
        activity_id = rows.add(Activity, dict(
            group_id=g, kind=kind, title=f"{kind.replace('_', ' ').capitalize()}: {corpus.topic()}", starts_on=starts,
            host_department=rnd.choice(SPECIALTIES).replace("_", " ").title(), location=corpus.organisation(),
            description=corpus.paragraph(2), outcomes=corpus.paragraph(1) if starts < board.on else ""))
        for person_id in rnd.sample(board.members[g], 3):
            rows.add(ActivityParticipant, dict(activity_id=activity_id, person_id=person_id,
                                               role=rnd.choice(("host", "visitor", "attendee"))))
        if starts < board.on:
            for _ in range(rnd.randint(0, 3)):
                rows.add(ActivityFeedback, dict(activity_id=activity_id, score=rnd.randint(3, 5),
                                                sector=rnd.choice(("primary", "secondary")), comment="Useful."))


def add_papers(rows: Rows, corpus: Corpus) -> None:
    """Ten PDF papers of fifteen pages for the showcase meeting, one per business item."""
    items = [r for r in rows.tables[AgendaItem] if r["meeting_id"] == rows.showcase_meeting_id
             and r["kind"] != "standing"]
    for position, item in enumerate(items[:SHOWCASE["papers"]], 1):
        content = paper_pdf(f"Paper {position}: {item['title']}", SHOWCASE["pages"], corpus)
        blob_id = rows.add(FileBlob, dict(sha256=hashlib.sha256(content).hexdigest(), size=len(content),
                                          content=content))
        rows.add(Paper, dict(meeting_id=rows.showcase_meeting_id, agenda_item_id=item["id"], position=position,
                             title=f"Paper {position}: {item['title']}", filename=f"paper-{position:02d}.pdf",
                             blob_id=blob_id))
