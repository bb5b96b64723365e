"""Plain frozen records for each document that goes out of a group: minutes, agenda, pack, action log, SEA."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda
from interface_desktop.services.meetings import attendance
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.people import people
from interface_desktop.services.issues.issues import IssueDTO, IssueFilter
from interface_desktop.vocab import ACTION_OPEN_STATUSES, ACTION_STATUS_LABELS, AGENDA_KIND_LABELS, ISSUE_OPEN_STATUSES

# What a standing item is for, by words in its title (the first that matches); other standing items are noted.
STANDING_PURPOSES = (("previous meeting", "For approval"), ("minutes", "For approval"),
                     ("matters arising", "For review"), ("action log", "For review"),
                     ("any other business", "For discussion"))


@dataclass(frozen=True)
class PersonLine:
    name: str
    role: str
    organisation: str
    is_chair: bool = False
    is_minute_taker: bool = False


@dataclass(frozen=True)
class ActionLine:
    number: str
    description: str
    owner: str
    due_on: date | None
    status: str
    rag: str
    rag_label: str
    raised_on: date | None = None
    last_update: str = ""
    carried_forward: int = 0


@dataclass(frozen=True)
class ItemDoc:
    number: int
    title: str
    presenter: str
    starts_at: datetime
    minutes_allotted: int
    kind: str
    discussion: str
    decisions: tuple[str, ...]
    actions: tuple[ActionLine, ...]
    papers: tuple[str, ...]
    issue_reference: str
    cited: tuple[str, ...] = ()  # the pack's own documents the item takes (previous minutes, action log)

    @property
    def kind_label(self) -> str:
        return AGENDA_KIND_LABELS.get(self.kind, self.kind)

    @property
    def purpose(self) -> str:
        """What the group is asked to do: a standing item's purpose follows from its title."""
        if self.kind != "standing":
            return self.kind_label
        title = self.title.lower()
        return next((purpose for words, purpose in STANDING_PURPOSES if words in title), "For noting")

    @property
    def numbered_papers(self) -> tuple[tuple[str, str], ...]:
        """('5.1', title) for the documents the item cites, then its papers: the numbers the agenda prints."""
        return tuple((f"{self.number}.{n}", title) for n, title in enumerate((*self.cited, *self.papers), 1))


@dataclass(frozen=True)
class MeetingHead:
    """What every meeting document opens with."""

    meeting_id: int
    group_name: str
    board_name: str
    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    call_link: str
    chair: str
    minute_taker: str
    closed_at: datetime | None = None  # when the meeting closed, once recorded
    meeting_title: str = ""  # the meeting's own title, if it has one


@dataclass(frozen=True)
class MinutesDoc:
    head: MeetingHead
    present: tuple[PersonLine, ...]
    in_attendance: tuple[PersonLine, ...]
    apologies: tuple[PersonLine, ...]
    declarations: tuple[tuple[str, str], ...]
    quorate: bool | None
    items: tuple[ItemDoc, ...]
    actions: tuple[ActionLine, ...]
    next_meeting: datetime | None
    next_venue: str
    minutes_status: str
    approved_on: date | None
    quorum: str = ""  # 'Quorate: 6 present (quorum 2), 1 GP (min 1), 3 secondary care (min 1)'

    @property
    def is_draft(self) -> bool:
        return self.minutes_status != "approved"


@dataclass(frozen=True)
class AgendaDoc:
    head: MeetingHead
    items: tuple[ItemDoc, ...]

    @property
    def closes_at(self) -> datetime:
        """The scheduled close, or later when the timed items run past it."""
        ends = [item.starts_at + timedelta(minutes=item.minutes_allotted) for item in self.items]
        return max([self.head.ends_at, *ends])


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str
    role: str  # "chair", "member" (of the group) or "guest" (on the register, not a member)
    reply: str  # the register's status ("present", "in_attendance", "apologies", "absent"), "" if not recorded


@dataclass(frozen=True)
class InvitationDoc:
    """A meeting as a calendar entry: its agenda, and what keeps it one entry as the meeting changes."""

    agenda: AgendaDoc
    created_at: datetime  # never changes: with the meeting's id, the identity of its calendar entry
    changes: int  # audited changes to when, where or whether the meeting is held
    status: str  # planned, held or cancelled
    organiser: Invitee | None  # the group's secretary, when they have an e-mail address
    invitees: tuple[Invitee, ...]  # current members and people on the register, with an e-mail address


@dataclass(frozen=True)
class IssueLine:
    reference: str
    title: str
    category: str
    direction: str
    status: str
    raised_on: date
    severity: str


@dataclass(frozen=True)
class PaperDoc:
    item_number: int | None
    title: str
    filename: str
    data: bytes
    number: str = ""  # as the agenda numbers it ('5.1'); empty for a paper under no item

    @property
    def is_pdf(self) -> bool:
        return self.data[:5] == b"%PDF-"


@dataclass(frozen=True)
class PackDoc:
    agenda: AgendaDoc
    previous_minutes: MinutesDoc | None
    actions: tuple[ActionLine, ...]
    issues: tuple[IssueLine, ...]
    papers: tuple[PaperDoc, ...]
    prepared_on: date


@dataclass(frozen=True)
class ActionRow:
    id: int
    group: str
    raised_on: date | None
    description: str
    owner: str
    due_on: date | None
    status: str
    rag: str
    rag_label: str
    completed_on: date | None
    issue_reference: str
    carried_forward: int
    last_update: str


@dataclass(frozen=True)
class ActionLogDoc:
    scope: str
    status_filter: str
    prepared_on: date
    rows: tuple[ActionRow, ...]


@dataclass(frozen=True)
class SeaDoc:
    issue: IssueDTO
    actions: tuple[ActionLine, ...]
    board_name: str
    prepared_on: date


def _person(a: attendance.AttendanceDTO) -> PersonLine:
    return PersonLine(a.person_name, a.role_label, a.organisation, a.is_chair)


def surname_order(people: list[PersonLine]) -> tuple[PersonLine, ...]:
    """By surname (the last word of the name), then by the whole name; the chair first."""
    return tuple(sorted(people, key=lambda p: (not p.is_chair, p.name.split()[-1].casefold() if p.name.split() else "",
                                               p.name.casefold())))


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _action_line(a: actions.ActionDTO, number: str) -> ActionLine:
    return ActionLine(number, a.description, a.owner_name, a.due_on, a.status_label, a.rag, a.rag_label,
                      a.meeting_date, a.last_update, a.carried_forward)


def meeting_head(session: Session, meeting_id: int) -> MeetingHead:
    m = meetings.get_meeting(session, meeting_id)
    group = groups.get_group(session, m.group_id)
    return MeetingHead(m.id, m.group_name, group.board_name, m.display_title, m.starts_at, m.ends_at, m.location,
                       m.call_link, m.chair_name, m.minute_taker_name, m.closed_at, m.title)


def _items(session: Session, meeting_id: int) -> tuple[tuple[ItemDoc, ...], tuple[ActionLine, ...]]:
    """Agenda items with their actions numbered by item (5.1, 5.2 ...); the flat action list for the table.
    A standing item without a presenter is led by the chair."""
    chair = meetings.get_meeting(session, meeting_id).chair_name
    rows = agenda.list_agenda(session, meeting_id)
    numbers = {item.id: item.number for item in rows}
    raised = [a for a in actions.list_actions(session, ActionFilter(meeting_id=meeting_id), order_by="id")
              if a.meeting_id == meeting_id]
    papers: dict[int | None, list[str]] = {}
    for paper in files.list_papers(session, meeting_id):
        papers.setdefault(paper.agenda_item_id, []).append(paper.title)
    by_item: dict[int | None, list[ActionLine]] = {}
    loose = 0
    flat = []
    for a in sorted(raised, key=lambda a: (numbers.get(a.agenda_item_id, 10**6), a.id)):
        key = a.agenda_item_id if a.agenda_item_id in numbers else None
        bucket = by_item.setdefault(key, [])
        if key is None:
            loose += 1
            number = f"A{loose}"
        else:
            number = f"{numbers[key]}.{len(bucket) + 1}"
        line = _action_line(a, number)
        bucket.append(line)
        flat.append(line)
    items = tuple(
        ItemDoc(i.number, i.title, i.presenter_name or (chair if i.kind == "standing" else ""), i.starts_at,
                i.minutes_allotted, i.kind, i.discussion,
                _lines(i.decisions), tuple(by_item.get(i.id, ())), tuple(papers.get(i.id, ())), i.issue_reference)
        for i in rows)
    return items, tuple(flat)


def _register(session: Session, m: meetings.MeetingDTO) -> dict[str, list[PersonLine]]:
    """Present, in attendance and apologies. The minute-taker is in attendance, marked as such, unless the
    register says they were not there."""
    register = attendance.list_attendance(session, m.id)
    by_status: dict[str, list[PersonLine]] = {"present": [], "in_attendance": [], "apologies": []}
    for a in register:
        taking_minutes = a.person_id == m.minute_taker_id and a.status in ("present", "in_attendance")
        if a.status in by_status and not taking_minutes:
            by_status[a.status].append(_person(a))
    taker = next((a for a in register if a.person_id == m.minute_taker_id), None)
    if m.minute_taker_id and (taker is None or taker.status in ("present", "in_attendance")):
        person = people.get_person(session, m.minute_taker_id)
        by_status["in_attendance"].append(PersonLine(person.name, person.role_label,
                                                     person.organisation or person.department,
                                                     is_minute_taker=True))
    return by_status


def minutes_doc(session: Session, meeting_id: int) -> MinutesDoc:
    head = meeting_head(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    register = attendance.list_attendance(session, meeting_id)
    by_status = _register(session, m)
    declarations = tuple((a.person_name, a.declaration.strip()) for a in register if a.declaration.strip())
    items, table = _items(session, meeting_id)
    nxt = meetings.next_meeting_of(session, meeting_id)
    quorum = attendance.quorum(session, meeting_id) if register else None
    return MinutesDoc(
        head=head, present=surname_order(by_status["present"]), in_attendance=surname_order(by_status["in_attendance"]),
        apologies=surname_order(by_status["apologies"]), declarations=declarations,
        quorate=quorum.met if quorum else None, items=items, actions=table,
        next_meeting=nxt.starts_at if nxt else None, next_venue=nxt.location if nxt else "",
        minutes_status=m.minutes_status, approved_on=m.minutes_approved_on, quorum=quorum.summary if quorum else "",
    )


def _cited(session: Session, meeting_id: int, item: ItemDoc) -> tuple[str, ...]:
    """The pack's previous minutes under the previous-minutes item, its action log under the action-log item."""
    if item.kind != "standing":
        return ()
    title = item.title.lower()
    if "previous meeting" in title or "minutes" in title:
        previous = meetings.previous_meeting(session, meeting_id)
        if previous is None:
            return ()
        draft = "" if previous.minutes_status == "approved" else " (draft)"
        return (f"Minutes of the meeting held on {previous.starts_at:%d/%m/%Y}{draft}",)
    return ("Action log",) if "action log" in title else ()


def agenda_doc(session: Session, meeting_id: int) -> AgendaDoc:
    items, _ = _items(session, meeting_id)
    return AgendaDoc(meeting_head(session, meeting_id),
                     tuple(replace(item, cited=_cited(session, meeting_id, item)) for item in items))


def open_action_lines(session: Session, group_id: int) -> tuple[ActionLine, ...]:
    rows = actions.list_actions(session, ActionFilter(group_id=group_id, status=ACTION_OPEN_STATUSES))
    return tuple(_action_line(a, str(a.id)) for a in rows)


def open_issue_lines(session: Session, group_id: int) -> tuple[IssueLine, ...]:
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, status=ISSUE_OPEN_STATUSES))
    return tuple(IssueLine(i.reference, i.title, i.category_label, i.direction_label, i.status_label, i.raised_on,
                           i.severity.capitalize()) for i in rows)


def pack_doc(session: Session, meeting_id: int) -> PackDoc:
    """The pack of a meeting with an agenda; a meeting without agenda items has no pack to make."""
    doc = agenda_doc(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    if not doc.items:
        raise ValidationError({"agenda": f"the meeting of {m.starts_at:%d/%m/%Y} has no agenda items, so there is "
                                         "no pack to make; add its items first"})
    previous = meetings.previous_meeting(session, meeting_id)
    numbers = {i.id: i.number for i in agenda.list_agenda(session, meeting_id)}
    by_item = {item.number: iter(number for number, _ in item.numbered_papers[len(item.cited):]) for item in doc.items}
    papers = []
    for paper in files.list_papers(session, meeting_id):
        filename, data = files.read_paper(session, paper.id)
        item_number = numbers.get(paper.agenda_item_id)
        papers.append(PaperDoc(item_number, paper.title, filename, data,
                               next(by_item[item_number]) if item_number else ""))
    return PackDoc(doc, minutes_doc(session, previous.id) if previous else None,
                   open_action_lines(session, m.group_id), open_issue_lines(session, m.group_id), tuple(papers),
                   today())


def action_log_doc(session: Session, *, group_id: int | None = None,
                   status: tuple[str, ...] | None = None) -> ActionLogDoc:
    scope = groups.get_group(session, group_id).name if group_id else "All groups"
    rows = actions.list_actions(session, ActionFilter(group_id=group_id or None, status=status or None))
    return ActionLogDoc(scope, ", ".join(ACTION_STATUS_LABELS.get(s, s) for s in status or ()), today(), tuple(
        ActionRow(a.id, a.group_name, a.meeting_date, a.description, a.owner_name, a.due_on, a.status_label, a.rag,
                  a.rag_label, a.completed_on, a.issue_reference, a.carried_forward, a.last_update)
        for a in rows))


def sea_doc(session: Session, issue_id: int) -> SeaDoc:
    issue = issues.get_issue(session, issue_id)
    rows = actions.list_actions(session, ActionFilter(issue_id=issue_id), order_by="id")
    group = groups.get_group(session, issue.group_id)
    return SeaDoc(issue, tuple(_action_line(a, str(n)) for n, a in enumerate(rows, 1)), group.board_name, today())
