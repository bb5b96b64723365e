"""Interface issues: reference codes, status history, meeting links and the Significant Event Analysis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, Group, InterfaceIssue, IssueMeeting, IssueStatusChange, Meeting
from interface_desktop.services.people import lookups
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.status import IssueStatus
from interface_desktop.services.core.validation import SHORT_MAX, TITLE_MAX, Check
from interface_desktop.vocab import (
    ISSUE_DIRECTION_LABELS, ISSUE_DIRECTIONS, ISSUE_STATUSES, SEA_HARM, SEA_HARM_LABELS, SEA_NOT_GRADED, SECTORS,
    SEVERITIES,
)

SEA_FIELDS = ("what_happened", "why", "learned", "changed", "impact", "contributory_factors", "harm", "risk_grade",
              "learning_needs", "event_on", "meeting_on", "participants", "facilitator")


@dataclass(frozen=True)
class SeaDTO:
    what_happened: str
    why: str
    learned: str
    changed: str
    impact: str
    contributory_factors: str
    harm: str | None
    risk_grade: int | None
    learning_needs: str
    event_on: date | None
    meeting_on: date | None = None  # the SEA meeting
    participants: str = ""  # who took part, by role
    facilitator: str = ""  # who facilitated and wrote it up

    @property
    def harm_label(self) -> str:
        return SEA_HARM_LABELS.get(self.harm or "", SEA_NOT_GRADED)


@dataclass(frozen=True)
class StatusChangeDTO:
    status: str
    changed_on: date
    note: str


@dataclass(frozen=True)
class IssueDTO(IssueStatus):
    id: int
    group_id: int
    group_name: str
    reference: str
    title: str
    raised_on: date
    raised_by_role: str
    raised_by_sector: str
    raised_by_organisation: str
    direction: str
    category: str
    category_label: str
    specialty: str
    specialty_label: str
    description: str
    impact: str
    severity: str
    status: str
    status_changed_on: date | None
    resolution: str
    learning: str
    shared: bool
    sea: SeaDTO | None
    meeting_ids: tuple[int, ...] = ()
    action_ids: tuple[int, ...] = ()
    history: tuple[StatusChangeDTO, ...] = ()

    @property
    def direction_label(self) -> str:
        return ISSUE_DIRECTION_LABELS[self.direction]


@dataclass(frozen=True)
class IssueFilter:
    group_id: int | None = None
    status: tuple[str, ...] | None = None
    category: str | None = None
    direction: str | None = None
    specialty: str | None = None
    severity: str | None = None
    has_sea: bool | None = None
    text: str | None = None
    raised_from: date | None = None
    raised_to: date | None = None


ISSUE_FIELDS = ("title", "raised_on", "raised_by_role", "raised_by_sector", "raised_by_organisation", "direction",
                "category", "specialty", "description", "impact", "severity", "resolution", "learning", "shared")


def _sea(issue: InterfaceIssue) -> SeaDTO | None:
    if not issue.has_sea:
        return None
    return SeaDTO(issue.sea_what_happened, issue.sea_why, issue.sea_learned, issue.sea_changed, issue.sea_impact,
                  issue.sea_contributory_factors, issue.sea_harm, issue.sea_risk_grade, issue.sea_learning_needs,
                  issue.sea_event_on, issue.sea_meeting_on, issue.sea_participants, issue.sea_facilitator)


def _dto(session: Session, issue: InterfaceIssue, group_name: str, cats: dict, specs: dict, full: bool) -> IssueDTO:
    meeting_ids: tuple[int, ...] = ()
    action_ids: tuple[int, ...] = ()
    history: tuple[StatusChangeDTO, ...] = ()
    if full:
        meeting_ids = tuple(session.scalars(select(IssueMeeting.meeting_id).join(Meeting)
                                            .where(IssueMeeting.issue_id == issue.id).order_by(Meeting.starts_at)))
        action_ids = tuple(session.scalars(select(Action.id).where(Action.issue_id == issue.id).order_by(Action.id)))
        history = tuple(StatusChangeDTO(c.status, c.changed_on, c.note) for c in issue.status_changes)
    return IssueDTO(
        id=issue.id, group_id=issue.group_id, group_name=group_name, reference=issue.reference, title=issue.title,
        raised_on=issue.raised_on, raised_by_role=issue.raised_by_role, raised_by_sector=issue.raised_by_sector,
        raised_by_organisation=issue.raised_by_organisation, direction=issue.direction, category=issue.category,
        category_label=cats.get(issue.category, issue.category), specialty=issue.specialty,
        specialty_label=specs.get(issue.specialty, issue.specialty), description=issue.description,
        impact=issue.impact, severity=issue.severity, status=issue.status, status_changed_on=issue.status_changed_on,
        resolution=issue.resolution, learning=issue.learning, shared=issue.shared, sea=_sea(issue),
        meeting_ids=meeting_ids, action_ids=action_ids, history=history,
    )


def get_issue(session: Session, issue_id: int) -> IssueDTO:
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    group = session.get(Group, issue.group_id)
    return _dto(session, issue, group.name if group else "", lookups.labels(session, "issue_category"),
                lookups.labels(session, "specialty"), full=True)


def find_issue_by_reference(session: Session, reference: str) -> IssueDTO | None:
    issue_id = session.scalar(select(InterfaceIssue.id).where(InterfaceIssue.reference == reference.strip().upper()))
    return get_issue(session, issue_id) if issue_id else None


def list_issues(session: Session, flt: IssueFilter | None = None, *, limit: int | None = None,
                offset: int = 0) -> list[IssueDTO]:
    flt = flt or IssueFilter()
    query = select(InterfaceIssue, Group.name).join(Group, Group.id == InterfaceIssue.group_id)
    conditions = {
        InterfaceIssue.group_id: flt.group_id, InterfaceIssue.category: flt.category,
        InterfaceIssue.direction: flt.direction, InterfaceIssue.specialty: flt.specialty,
        InterfaceIssue.severity: flt.severity, InterfaceIssue.has_sea: flt.has_sea,
    }
    for column, value in conditions.items():
        if value is not None:
            query = query.where(column == value)
    if flt.status:
        query = query.where(InterfaceIssue.status.in_(flt.status))
    if flt.raised_from:
        query = query.where(InterfaceIssue.raised_on >= flt.raised_from)
    if flt.raised_to:
        query = query.where(InterfaceIssue.raised_on <= flt.raised_to)
    if flt.text:
        like = f"%{flt.text.strip().lower()}%"
        query = query.where(or_(func.lower(InterfaceIssue.title).like(like),
                                func.lower(InterfaceIssue.reference).like(like),
                                func.lower(InterfaceIssue.description).like(like)))
    query = query.order_by(InterfaceIssue.raised_on.desc(), InterfaceIssue.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    cats, specs = lookups.labels(session, "issue_category"), lookups.labels(session, "specialty")
    return [_dto(session, i, g, cats, specs, full=False) for i, g in session.execute(query)]


def _validate(session: Session, fields: dict, group_id: int) -> dict:
    check = Check()
    clean = dict(fields)
    if "title" in fields:
        clean["title"] = check.text("title", fields["title"], required=True, max_len=TITLE_MAX)
    if "raised_on" in fields:
        clean["raised_on"] = check.date_value("raised_on", fields["raised_on"], required=True)
        if clean["raised_on"] and clean["raised_on"] > today():
            check.fail("raised_on", "cannot be in the future")
    if "raised_by_role" in fields:
        clean["raised_by_role"] = check.text("raised_by_role", fields["raised_by_role"], required=True, max_len=60)
    if "raised_by_sector" in fields:
        clean["raised_by_sector"] = check.choice("raised_by_sector", fields["raised_by_sector"], SECTORS)
    if "raised_by_organisation" in fields:
        clean["raised_by_organisation"] = check.text("raised_by_organisation", fields["raised_by_organisation"],
                                                     max_len=SHORT_MAX)
    if "direction" in fields:
        clean["direction"] = check.choice("direction", fields["direction"], ISSUE_DIRECTIONS)
    if "category" in fields:
        clean["category"] = check.choice("category", fields["category"],
                                         sorted(lookups.codes(session, "issue_category", group_id)))
    if fields.get("specialty"):
        clean["specialty"] = check.choice("specialty", fields["specialty"],
                                          sorted(lookups.codes(session, "specialty", group_id)))
    if "severity" in fields:
        clean["severity"] = check.choice("severity", fields["severity"], SEVERITIES)
    for key in ("description", "impact", "resolution", "learning"):
        if key in fields:
            clean[key] = check.text(key, fields[key])
    if "shared" in fields and not isinstance(fields["shared"], bool):
        check.fail("shared", "must be true or false")
    check.done()
    return clean


def next_reference(session: Session, board: str, year: int) -> tuple[str, int]:
    number = (session.scalar(select(func.max(InterfaceIssue.number)).where(
        InterfaceIssue.board == board, InterfaceIssue.year == year)) or 0) + 1
    return f"{board}-{year}-{number:03d}", number


def create_issue(
    session: Session, *, group_id: int, title: str, raised_by_role: str, raised_by_sector: str, direction: str,
    category: str, raised_on: date | str | None = None, raised_by_organisation: str = "", specialty: str = "",
    description: str = "", impact: str = "", severity: str = "moderate",
) -> IssueDTO:
    group = get_or_raise(session, Group, group_id, "group")
    clean = _validate(session, dict(
        title=title, raised_on=raised_on or today(), raised_by_role=raised_by_role,
        raised_by_sector=raised_by_sector, raised_by_organisation=raised_by_organisation, direction=direction,
        category=category, specialty=specialty, description=description, impact=impact, severity=severity),
        group_id)
    reference, number = next_reference(session, group.board, clean["raised_on"].year)
    issue = InterfaceIssue(group_id=group_id, reference=reference, board=group.board, year=clean["raised_on"].year,
                           number=number, status="new", status_changed_on=clean["raised_on"], **clean)
    issue.status_changes.append(IssueStatusChange(status="new", changed_on=clean["raised_on"], note="Raised"))
    session.add(issue)
    session.flush()
    return get_issue(session, issue.id)


def update_issue(session: Session, issue_id: int, **fields: object) -> IssueDTO:
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    unknown = set(fields) - set(ISSUE_FIELDS)
    if unknown:
        raise TypeError(f"unknown issue fields: {sorted(unknown)}")
    for key, value in _validate(session, fields, issue.group_id).items():
        setattr(issue, key, value)
    session.flush()
    return get_issue(session, issue_id)


def set_status(session: Session, issue_id: int, status: str, *, on: date | str | None = None,
               note: str = "") -> IssueDTO:
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    check = Check()
    check.choice("status", status, ISSUE_STATUSES)
    when = check.date_value("on", on) or today()
    note = check.text("note", note, max_len=2000)
    if when < issue.raised_on:
        check.fail("on", "a status cannot change before the issue was raised")
    check.done()
    if status != issue.status:
        issue.status = status
        issue.status_changed_on = when
        issue.status_changes.append(IssueStatusChange(status=status, changed_on=when, note=note))
    session.flush()
    return get_issue(session, issue_id)


def save_sea(session: Session, issue_id: int, **fields: object) -> IssueDTO:
    """Adds or updates the issue's Significant Event Analysis (NES headings)."""
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    unknown = set(fields) - set(SEA_FIELDS)
    if unknown:
        raise TypeError(f"unknown SEA fields: {sorted(unknown)}")
    check = Check()
    clean: dict[str, object] = {}
    for key in ("what_happened", "why", "learned", "changed", "impact", "contributory_factors", "learning_needs",
                "participants"):
        if key in fields:
            clean[key] = check.text(key, fields[key])
    if "facilitator" in fields:
        clean["facilitator"] = check.text("facilitator", fields["facilitator"], max_len=SHORT_MAX)
    if fields.get("harm") not in (None, ""):
        clean["harm"] = check.choice("harm", fields["harm"], SEA_HARM)
    elif "harm" in fields:
        clean["harm"] = None
    if fields.get("risk_grade") not in (None, ""):
        clean["risk_grade"] = check.integer("risk_grade", fields["risk_grade"], low=1, high=5)
    elif "risk_grade" in fields:
        clean["risk_grade"] = None
    for key in ("event_on", "meeting_on"):
        if key in fields:
            clean[key] = check.date_value(key, fields[key])
    check.done()
    issue.has_sea = True
    for key, value in clean.items():
        setattr(issue, "sea_" + key, value)
    session.flush()
    return get_issue(session, issue_id)


def remove_sea(session: Session, issue_id: int) -> IssueDTO:
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    issue.has_sea = False
    session.flush()
    return get_issue(session, issue_id)


def link_meeting(session: Session, *, issue_id: int, meeting_id: int) -> IssueDTO:
    get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    get_or_raise(session, Meeting, meeting_id, "meeting")
    if session.get(IssueMeeting, (issue_id, meeting_id)) is None:
        session.add(IssueMeeting(issue_id=issue_id, meeting_id=meeting_id))
        session.flush()
    return get_issue(session, issue_id)


def unlink_meeting(session: Session, *, issue_id: int, meeting_id: int) -> IssueDTO:
    link = session.get(IssueMeeting, (issue_id, meeting_id))
    if link is not None:
        session.delete(link)
        session.flush()
    return get_issue(session, issue_id)


def delete_issue(session: Session, issue_id: int) -> None:
    issue = get_or_raise(session, InterfaceIssue, issue_id, "interface issue")
    session.execute(delete(IssueMeeting).where(IssueMeeting.issue_id == issue_id))
    session.delete(issue)
    session.flush()
