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
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.people import people
from interface_desktop.services.issues.issues import IssueDTO, IssueFilter
from interface_desktop.vocab import ACTION_STATUS_LABELS, AGENDA_KIND_LABELS, ISSUE_OPEN_STATUSES, rag_for, rag_label

# What a standing item is for, by words in its title (the first that matches); other standing items are noted.
STANDING_PURPOSES = (("previous meeting", "For approval"), ("minutes", "For approval"),
                     ("matters arising", "For review"), ("action log", "For review"),
                     ("any other business", "For discussion"))

class NoMinutesError(ServiceError):
    """The meeting has not been held (or was cancelled), so there are no minutes to write."""


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


def surname_order(people: list[PersonLine]) -> tuple[PersonLine, ...]:
    """By surname (the last word of the name), then by the whole name; the chair first."""
    return tuple(sorted(people, key=lambda p: (not p.is_chair, p.name.split()[-1].casefold() if p.name.split() else "",
                                               p.name.casefold())))


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
                       m.call_link, m.chair_name, m.minute_taker_name, m.closed_at, m.title)


def _items(session: Session, meeting_id: int) -> tuple[tuple[ItemDoc, ...], tuple[ActionLine, ...]]:
    """Agenda items with the actions agreed under each, as they stood at the end of the meeting's day; the
    flat action list for the table. A standing item without a presenter is led by the chair."""
    chair = meetings.get_meeting(session, meeting_id).chair_name
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
        ItemDoc(i.number, i.title, i.presenter_name or (chair if i.kind == "standing" else ""), i.starts_at,
                i.minutes_allotted, i.kind, i.discussion,
                _lines(i.decisions), tuple(by_item.get(i.id, ())), tuple(papers.get(i.id, ())), i.issue_reference)
        for i in rows)
    return items, tuple(flat)


def check_held(meeting: meetings.MeetingDTO) -> None:
    """Minutes are written for a meeting that took place; anything else is refused with the reason."""
    if meeting.no_minutes_reason:
        raise NoMinutesError(meeting.no_minutes_reason)


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
    by_status = _register(session, m)
    declarations = tuple((a.person_name, a.declaration.strip()) for a in register if a.declaration.strip())
    items, table = _items(session, meeting_id)
    nxt = meetings.next_meeting_of(session, meeting_id)
    status = "approved" if approval else "draft" if m.minutes_status == "approved" else m.minutes_status
    quorum = attendance.quorum(session, meeting_id) if register else None
    return MinutesDoc(
        head=head, present=surname_order(by_status["present"]), in_attendance=surname_order(by_status["in_attendance"]),
        apologies=surname_order(by_status["apologies"]), declarations=declarations,
        quorate=quorum.met if quorum else None, items=items, actions=table,
        next_meeting=nxt.starts_at if nxt else None, next_venue=nxt.location if nxt else "",
        minutes_status=status, approved_on=approval.approved_on if approval else None, approval=approval,
        approved_here=tuple(ApprovedHere(*row) for row in minutes_record.approved_at(session, meeting_id)),
        quorum=quorum.summary if quorum else "",
    )


def approval_of(session: Session, meeting_id: int) -> Approval | None:
    """How the meeting's minutes were last approved, as recorded with their latest version."""
    record = minutes_record.latest(session, meeting_id)
    if record is None:
        return None
    return Approval(record.approved_on, minutes_record.approving_meeting_start(session, record), record.amendments)


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
    """The pack of a meeting with an agenda; a meeting without agenda items has no pack to make."""
    doc = agenda_doc(session, meeting_id)
    m = meetings.get_meeting(session, meeting_id)
    if not doc.items:
        raise ValidationError({"agenda": f"the meeting of {m.starts_at:%d/%m/%Y} has no agenda items, so there is "
                                         "no pack to make; add its items first"})
    previous = meetings.previous_meeting(session, meeting_id)
    held = previous is not None and not previous.no_minutes_reason
    numbers = {i.id: i.number for i in agenda.list_agenda(session, meeting_id)}
    by_item = {item.number: iter(number for number, _ in item.numbered_papers[len(item.cited):]) for item in doc.items}
    papers = []
    for paper in files.list_papers(session, meeting_id):
        filename, data = files.read_paper(session, paper.id)
        item_number = numbers.get(paper.agenda_item_id)
        papers.append(PaperDoc(item_number, paper.title, filename, data,
                               next(by_item[item_number]) if item_number else ""))
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
