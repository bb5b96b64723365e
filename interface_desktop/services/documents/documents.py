"""Plain frozen records for each document that goes out of a group: minutes, agenda, pack, action log, SEA."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from interface_desktop.services.actions import actions, history
from interface_desktop.services.meetings import agenda
from interface_desktop.services.meetings import attendance
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.documents import minutes_record, snapshot
from interface_desktop.services.issues.issues import IssueDTO, IssueFilter
from interface_desktop.vocab import ACTION_STATUS_LABELS, AGENDA_KIND_LABELS, ISSUE_OPEN_STATUSES, rag_for, rag_label


class NoMinutesError(ServiceError):
    """The meeting has not been held (or was cancelled), so there are no minutes to write."""


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
class Approval:
    """How minutes were approved: on what day, at which meeting, as a true record or with amendments."""

    approved_on: date
    at_meeting: datetime | None = None
    amendments: str = ""


@dataclass(frozen=True)
class ApprovedHere:
    """The minutes of an earlier meeting, approved at this one."""

    meeting_starts_at: datetime
    amendments: str = ""


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
    approval: Approval | None = None
    approved_here: tuple[ApprovedHere, ...] = ()
    record: str = ""  # the SHA-256 of the frozen minutes this was printed from; empty for minutes not frozen

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
    actions_on: date | None = None  # the action log is as it stood when the meeting began, on this day
    previous_note: str = ""  # why the previous meeting's minutes are not in the pack


@dataclass(frozen=True)
class ActionRow:
    id: int
    reference: str
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


def _action_line(a: actions.ActionDTO) -> ActionLine:
    return ActionLine(a.reference, a.description, a.owner_name, a.due_on, a.status_label, a.rag, a.rag_label,
                      a.meeting_date, a.last_update, a.carried_forward)


def _as_at(a: actions.ActionDTO, status: str, day: date, *, last_update: str = "", carried: int = 0) -> ActionLine:
    """The action as it stood on `day`: its status then, and its RAG against that day."""
    rag = rag_for(status, a.due_on, day)
    return ActionLine(a.reference, a.description, a.owner_name, a.due_on, ACTION_STATUS_LABELS[status], rag,
                      rag_label(status, rag), a.meeting_date, last_update, carried)


def meeting_head(session: Session, meeting_id: int) -> MeetingHead:
    m = meetings.get_meeting(session, meeting_id)
    group = groups.get_group(session, m.group_id)
    return MeetingHead(m.id, m.group_name, group.board_name, m.display_title, m.starts_at, m.ends_at, m.location,
                       m.call_link, m.chair_name, m.minute_taker_name)


def _items(session: Session, meeting_id: int) -> tuple[tuple[ItemDoc, ...], tuple[ActionLine, ...]]:
    """Agenda items with the actions agreed under each, as they stood at the end of the meeting's day; the
    flat action list for the table."""
    rows = agenda.list_agenda(session, meeting_id)
    numbers = {item.id: item.number for item in rows}
    raised = [a for a in actions.list_actions(session, ActionFilter(meeting_id=meeting_id), order_by="id")
              if a.meeting_id == meeting_id]
    day = meetings.get_meeting(session, meeting_id).starts_at.date()
    statuses = history.statuses_on(session, [a.id for a in raised], day)
    papers: dict[int | None, list[str]] = {}
    for paper in files.list_papers(session, meeting_id):
        papers.setdefault(paper.agenda_item_id, []).append(paper.title)
    by_item: dict[int | None, list[ActionLine]] = {}
    flat = []
    for a in sorted(raised, key=lambda a: (numbers.get(a.agenda_item_id, 10**6), a.id)):
        line = _as_at(a, statuses.get(a.id, a.status), day)
        by_item.setdefault(a.agenda_item_id if a.agenda_item_id in numbers else None, []).append(line)
        flat.append(line)
    items = tuple(
        ItemDoc(i.number, i.title, i.presenter_name, i.starts_at, i.minutes_allotted, i.kind, i.discussion,
                _lines(i.decisions), tuple(by_item.get(i.id, ())), tuple(papers.get(i.id, ())), i.issue_reference)
        for i in rows)
    return items, tuple(flat)


def check_held(meeting: meetings.MeetingDTO) -> None:
    """Minutes are written for a meeting that took place; anything else is refused with the reason."""
    if meeting.no_minutes_reason:
        raise NoMinutesError(meeting.no_minutes_reason)


def minutes_doc(session: Session, meeting_id: int) -> MinutesDoc:
    """The minutes as they are printed: approved, locked minutes as frozen at approval; others as they stand."""
    m = meetings.get_meeting(session, meeting_id)
    check_held(m)
    if m.locked:
        frozen = minutes_record.latest(session, meeting_id)
        if frozen is not None:
            return replace(snapshot.load(MinutesDoc, frozen.content), record=frozen.sha256)
    return live_minutes_doc(session, meeting_id)


def live_minutes_doc(session: Session, meeting_id: int, *, approval: Approval | None = None) -> MinutesDoc:
    """The minutes from the meeting's records now; `approval` is the one being given (see meetings.approval).

    Minutes unlocked for correction are a draft until they are approved again."""
    head = meeting_head(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    if approval is None and m.locked:
        approval = approval_of(session, meeting_id) or Approval(m.minutes_approved_on or today())
    register = attendance.list_attendance(session, meeting_id)
    by_status = {status: tuple(_person(a) for a in register if a.status == status)
                 for status in ("present", "in_attendance", "apologies")}
    present = tuple(sorted(by_status["present"], key=lambda p: not p.is_chair))
    declarations = tuple((a.person_name, a.declaration.strip()) for a in register if a.declaration.strip())
    items, table = _items(session, meeting_id)
    nxt = meetings.next_meeting_of(session, meeting_id)
    status = "approved" if approval else "draft" if m.minutes_status == "approved" else m.minutes_status
    return MinutesDoc(
        head=head, present=present, in_attendance=by_status["in_attendance"], apologies=by_status["apologies"],
        declarations=declarations, quorate=attendance.quorum(session, meeting_id).met if register else None,
        items=items, actions=table,
        next_meeting=nxt.starts_at if nxt else None, next_venue=nxt.location if nxt else "",
        minutes_status=status, approved_on=approval.approved_on if approval else None, approval=approval,
        approved_here=tuple(ApprovedHere(*row) for row in minutes_record.approved_at(session, meeting_id)),
    )


def approval_of(session: Session, meeting_id: int) -> Approval | None:
    """How the meeting's minutes were last approved, as recorded with their latest version."""
    record = minutes_record.latest(session, meeting_id)
    if record is None:
        return None
    return Approval(record.approved_on, minutes_record.approving_meeting_start(session, record), record.amendments)


def agenda_doc(session: Session, meeting_id: int) -> AgendaDoc:
    items, _ = _items(session, meeting_id)
    return AgendaDoc(meeting_head(session, meeting_id), items)


def pack_action_lines(session: Session, meeting_id: int) -> tuple[ActionLine, ...]:
    """The group's action log as it stood when the meeting began: the actions open then, with their status,
    latest update and carried-forward count of that day; not those agreed at the meeting itself."""
    m = meetings.get_meeting(session, meeting_id)
    open_then = history.open_at_meeting(session, meeting_id)
    day_before = m.starts_at.date() - timedelta(days=1)
    updates = history.updates_on(session, open_then, day_before)
    carried = history.carried_counts(session, open_then, up_to=m.starts_at)
    rows = actions.list_actions(session, ActionFilter(ids=tuple(open_then)))
    return tuple(_as_at(a, open_then[a.id], m.starts_at.date(), last_update=updates.get(a.id, ""),
                        carried=carried.get(a.id, 0)) for a in rows)


def open_issue_lines(session: Session, group_id: int) -> tuple[IssueLine, ...]:
    rows = issues.list_issues(session, IssueFilter(group_id=group_id, status=ISSUE_OPEN_STATUSES))
    return tuple(IssueLine(i.reference, i.title, i.category_label, i.direction_label, i.status_label, i.raised_on,
                           i.severity.capitalize()) for i in rows)


def pack_doc(session: Session, meeting_id: int) -> PackDoc:
    doc = agenda_doc(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    previous = meetings.previous_meeting(session, meeting_id)
    held = previous is not None and not previous.no_minutes_reason
    numbers = {i.id: i.number for i in agenda.list_agenda(session, meeting_id)}
    papers = []
    for paper in files.list_papers(session, meeting_id):
        filename, data = files.read_paper(session, paper.id)
        papers.append(PaperDoc(numbers.get(paper.agenda_item_id), paper.title, filename, data))
    return PackDoc(doc, minutes_doc(session, previous.id) if held else None, pack_action_lines(session, meeting_id),
                   open_issue_lines(session, m.group_id), tuple(papers), today(), actions_on=m.starts_at.date(),
                   previous_note=previous.no_minutes_reason if previous is not None else "")


def action_log_doc(session: Session, *, group_id: int | None = None,
                   status: tuple[str, ...] | None = None) -> ActionLogDoc:
    scope = groups.get_group(session, group_id).name if group_id else "All groups"
    rows = actions.list_actions(session, ActionFilter(group_id=group_id or None, status=status or None))
    return ActionLogDoc(scope, ", ".join(ACTION_STATUS_LABELS.get(s, s) for s in status or ()), today(), tuple(
        ActionRow(a.id, a.reference, a.group_name, a.meeting_date, a.description, a.owner_name, a.due_on,
                  a.status_label, a.rag, a.rag_label, a.completed_on, a.issue_reference, a.carried_forward,
                  a.last_update)
        for a in rows))


def sea_doc(session: Session, issue_id: int) -> SeaDoc:
    issue = issues.get_issue(session, issue_id)
    rows = actions.list_actions(session, ActionFilter(issue_id=issue_id), order_by="id")
    group = groups.get_group(session, issue.group_id)
    return SeaDoc(issue, tuple(_action_line(a) for a in rows), group.board_name, today())
