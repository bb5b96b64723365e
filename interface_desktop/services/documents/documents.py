"""Plain frozen records for each document that goes out of a group: minutes, agenda, pack, action log, SEA."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

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
from interface_desktop.services.issues.issues import IssueDTO, IssueFilter
from interface_desktop.vocab import ACTION_OPEN_STATUSES, ACTION_STATUS_LABELS, AGENDA_KIND_LABELS, ISSUE_OPEN_STATUSES



@dataclass(frozen=True)
class PersonLine:
    name: str
    role: str
    organisation: str
    is_chair: bool = False


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

    @property
    def kind_label(self) -> str:
        return AGENDA_KIND_LABELS.get(self.kind, self.kind)


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

    @property
    def is_draft(self) -> bool:
        return self.minutes_status != "approved"


@dataclass(frozen=True)
class AgendaDoc:
    head: MeetingHead
    items: tuple[ItemDoc, ...]


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


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _action_line(a: actions.ActionDTO, number: str) -> ActionLine:
    return ActionLine(number, a.description, a.owner_name, a.due_on, a.status_label, a.rag, a.rag_label,
                      a.meeting_date, a.last_update, a.carried_forward)


def meeting_head(session: Session, meeting_id: int) -> MeetingHead:
    m = meetings.get_meeting(session, meeting_id)
    group = groups.get_group(session, m.group_id)
    return MeetingHead(m.id, m.group_name, group.board_name, m.display_title, m.starts_at, m.ends_at, m.location,
                       m.call_link, m.chair_name, m.minute_taker_name)


def _items(session: Session, meeting_id: int) -> tuple[tuple[ItemDoc, ...], tuple[ActionLine, ...]]:
    """Agenda items with their actions numbered by item (5.1, 5.2 ...); the flat action list for the table."""
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
        ItemDoc(i.number, i.title, i.presenter_name, i.starts_at, i.minutes_allotted, i.kind, i.discussion,
                _lines(i.decisions), tuple(by_item.get(i.id, ())), tuple(papers.get(i.id, ())), i.issue_reference)
        for i in rows)
    return items, tuple(flat)


def minutes_doc(session: Session, meeting_id: int) -> MinutesDoc:
    head = meeting_head(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    register = attendance.list_attendance(session, meeting_id)
    by_status = {status: tuple(_person(a) for a in register if a.status == status)
                 for status in ("present", "in_attendance", "apologies")}
    present = tuple(sorted(by_status["present"], key=lambda p: not p.is_chair))
    declarations = tuple((a.person_name, a.declaration.strip()) for a in register if a.declaration.strip())
    items, table = _items(session, meeting_id)
    nxt = meetings.next_meeting_of(session, meeting_id)
    return MinutesDoc(
        head=head, present=present, in_attendance=by_status["in_attendance"], apologies=by_status["apologies"],
        declarations=declarations, quorate=attendance.quorum(session, meeting_id).met if register else None,
        items=items, actions=table,
        next_meeting=nxt.starts_at if nxt else None, next_venue=nxt.location if nxt else "",
        minutes_status=m.minutes_status, approved_on=m.minutes_approved_on,
    )


def agenda_doc(session: Session, meeting_id: int) -> AgendaDoc:
    items, _ = _items(session, meeting_id)
    return AgendaDoc(meeting_head(session, meeting_id), items)


def open_action_lines(session: Session, group_id: int) -> tuple[ActionLine, ...]:
    rows = actions.list_actions(session, ActionFilter(group_id=group_id, status=ACTION_OPEN_STATUSES))
    return tuple(_action_line(a, str(a.id)) for a in rows)


def open_issue_lines(session: Session, group_id: int) -> tuple[IssueLine, ...]:
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, status=ISSUE_OPEN_STATUSES))
    return tuple(IssueLine(i.reference, i.title, i.category_label, i.direction_label, i.status_label, i.raised_on,
                           i.severity.capitalize()) for i in rows)


def pack_doc(session: Session, meeting_id: int) -> PackDoc:
    doc = agenda_doc(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    previous = meetings.previous_meeting(session, meeting_id)
    numbers = {i.id: i.number for i in agenda.list_agenda(session, meeting_id)}
    papers = []
    for paper in files.list_papers(session, meeting_id):
        filename, data = files.read_paper(session, paper.id)
        papers.append(PaperDoc(numbers.get(paper.agenda_item_id), paper.title, filename, data))
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
