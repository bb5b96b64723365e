"""Meetings: scheduling, status, the minutes life-cycle (draft, circulated; approval is in `approval`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from interface_desktop.db.models import AgendaItem, Group, Meeting, Paper, Person
from interface_desktop.services.actions import history
from interface_desktop.services.audit import tracking
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.errors import LockedError, ValidationError
from interface_desktop.services.core.validation import TITLE_MAX, Check
from interface_desktop.vocab import MEETING_STATUSES


@dataclass(frozen=True)
class MeetingDTO:
    id: int
    group_id: int
    group_name: str
    title: str
    starts_at: datetime
    duration_minutes: int
    location: str
    call_link: str
    chair_id: int | None
    chair_name: str
    minute_taker_id: int | None
    minute_taker_name: str
    status: str
    minutes_status: str
    minutes_approved_on: date | None
    minutes_unlocked: bool
    notes: str
    agenda_count: int
    paper_count: int
    closed_at: datetime | None = None  # when the meeting closed, once recorded

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def locked(self) -> bool:
        return self.minutes_status == "approved" and not self.minutes_unlocked

    @property
    def display_title(self) -> str:
        return self.title or f"{self.group_name} meeting"

    @property
    def label(self) -> str:
        return f"{self.display_title}, {self.starts_at:%d/%m/%Y}"

    @property
    def no_minutes_reason(self) -> str:
        """Why the meeting can have no minutes yet; empty once it has been held."""
        if self.status == "cancelled":
            return f"the meeting of {self.starts_at:%d/%m/%Y} was cancelled, so it has no minutes"
        if self.status != "held":
            return (f"the meeting of {self.starts_at:%d/%m/%Y} has not been marked as held, so it has no minutes "
                    "yet")
        return ""


MEETING_FIELDS = ("title", "starts_at", "duration_minutes", "location", "call_link", "chair_id", "minute_taker_id",
                  "notes", "group_id", "closed_at")


def _rows(session: Session, query) -> list[MeetingDTO]:  # noqa: ANN001 - a Select over Meeting
    chair, taker = aliased(Person), aliased(Person)
    agenda = (select(func.count()).where(AgendaItem.meeting_id == Meeting.id).correlate(Meeting).scalar_subquery())
    papers = (select(func.count()).where(Paper.meeting_id == Meeting.id).correlate(Meeting).scalar_subquery())
    query = (query.add_columns(Group.name, chair.name, taker.name, agenda, papers)
             .join(Group, Group.id == Meeting.group_id)
             .outerjoin(chair, chair.id == Meeting.chair_id)
             .outerjoin(taker, taker.id == Meeting.minute_taker_id))
    result = []
    for m, group_name, chair_name, taker_name, agenda_count, paper_count in session.execute(query):
        result.append(MeetingDTO(
            id=m.id, group_id=m.group_id, group_name=group_name, title=m.title, starts_at=m.starts_at,
            duration_minutes=m.duration_minutes, location=m.location, call_link=m.call_link, chair_id=m.chair_id,
            chair_name=chair_name or "", minute_taker_id=m.minute_taker_id, minute_taker_name=taker_name or "",
            status=m.status, minutes_status=m.minutes_status, minutes_approved_on=m.minutes_approved_on,
            minutes_unlocked=m.minutes_unlocked, notes=m.notes, agenda_count=agenda_count, paper_count=paper_count,
            closed_at=m.closed_at,
        ))
    return result


def get_meeting(session: Session, meeting_id: int) -> MeetingDTO:
    get_or_raise(session, Meeting, meeting_id, "meeting")
    return _rows(session, select(Meeting).where(Meeting.id == meeting_id))[0]


def list_meetings(
    session: Session, *, group_id: int | None = None, when: str | None = None, status: str | None = None,
    now: datetime | None = None, limit: int | None = None,
) -> list[MeetingDTO]:
    """when="upcoming" (soonest first) or "past" (latest first); None lists all, latest first."""
    now = now or datetime.combine(today(), datetime.min.time())
    query = select(Meeting)
    if group_id is not None:
        query = query.where(Meeting.group_id == group_id)
    if status:
        query = query.where(Meeting.status == status)
    if when == "upcoming":
        query = query.where(Meeting.starts_at >= now).order_by(Meeting.starts_at, Meeting.id)
    elif when == "past":
        query = query.where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc())
    else:
        query = query.order_by(Meeting.starts_at.desc())
    if limit:
        query = query.limit(limit)
    return _rows(session, query)


def _validate(session: Session, fields: dict) -> dict:
    check = Check()
    clean = dict(fields)
    if "group_id" in fields and session.get(Group, fields["group_id"]) is None:
        check.fail("group_id", f"no group with id {fields['group_id']}")
    if "title" in fields:
        clean["title"] = check.text("title", fields["title"], max_len=TITLE_MAX)
    if "starts_at" in fields:
        clean["starts_at"] = check.datetime_value("starts_at", fields["starts_at"], required=True)
    if "duration_minutes" in fields:
        clean["duration_minutes"] = check.integer("duration_minutes", fields["duration_minutes"], low=5, high=24 * 60)
    for key, limit in (("location", TITLE_MAX), ("call_link", 500)):
        if key in fields:
            clean[key] = check.text(key, fields[key], max_len=limit)
    if "notes" in fields:
        clean["notes"] = check.text("notes", fields["notes"])
    if "closed_at" in fields:
        clean["closed_at"] = check.datetime_value("closed_at", fields["closed_at"])
    for key in ("chair_id", "minute_taker_id"):
        if fields.get(key) is not None and session.get(Person, fields[key]) is None:
            check.fail(key, f"no person with id {fields[key]}")
    check.done()
    return clean


def _check_close(starts_at: datetime, closed_at: datetime | None) -> None:
    """A recorded close time falls after the start, on the meeting's day or the night after it."""
    if closed_at is not None and not starts_at < closed_at < starts_at + timedelta(days=1):
        raise ValidationError({"closed_at": f"must be after the start ({starts_at:%H:%M on %d/%m/%Y}) and "
                                            "within a day of it"})


def create_meeting(
    session: Session, *, group_id: int, starts_at: datetime | str, duration_minutes: int | None = None,
    title: str = "", location: str | None = None, call_link: str = "", chair_id: int | None = None,
    minute_taker_id: int | None = None, notes: str = "", with_standing_items: bool = True,
) -> MeetingDTO:
    group = get_or_raise(session, Group, group_id, "group")
    clean = _validate(session, dict(
        group_id=group_id, starts_at=starts_at, duration_minutes=duration_minutes or group.default_duration,
        title=title, location=group.default_location if location is None else location, call_link=call_link,
        chair_id=chair_id, minute_taker_id=minute_taker_id, notes=notes))
    meeting = Meeting(**clean)
    session.add(meeting)
    session.flush()
    if with_standing_items:
        _add_standing_items(session, meeting, group)
    return get_meeting(session, meeting.id)


def _add_standing_items(session: Session, meeting: Meeting, group: Group) -> None:
    """Standing items open and close the agenda; business items go between them."""
    items = sorted(group.standing_items, key=lambda s: (s.placement != "start", s.position))
    for n, standing in enumerate(items):
        session.add(AgendaItem(meeting_id=meeting.id, position=n, title=standing.title, kind="standing",
                               minutes_allotted=standing.minutes))
    session.flush()


def update_meeting(session: Session, meeting_id: int, **fields: object) -> MeetingDTO:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {sorted(unknown)}")
    before = (meeting.group_id, meeting.starts_at)
    clean = _validate(session, fields)
    _check_close(clean.get("starts_at", meeting.starts_at), clean.get("closed_at", meeting.closed_at))
    for key, value in clean.items():
        setattr(meeting, key, value)
    session.flush()
    if meeting.status == "held" and before != (meeting.group_id, meeting.starts_at):
        recount_carried(session, group_id=before[0], since=before[1])
        recount_carried(session, group_id=meeting.group_id, since=meeting.starts_at)
    return get_meeting(session, meeting_id)


def recount_carried(session: Session, *, group_id: int, since: datetime) -> None:
    """A meeting held (or no longer held) from `since` changes how often open actions were carried forward."""
    history.refresh_carried(session, group_id=group_id, since=since.date())


def delete_meeting(session: Session, meeting_id: int) -> None:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.minutes_status == "approved":
        raise LockedError("meetings with approved minutes cannot be deleted")
    held, group_id, starts_at = meeting.status == "held", meeting.group_id, meeting.starts_at
    session.delete(meeting)
    session.flush()
    if held:
        recount_carried(session, group_id=group_id, since=starts_at)


def set_status(session: Session, meeting_id: int, status: str) -> MeetingDTO:
    """planned / held / cancelled."""
    check = Check()
    check.choice("status", status, MEETING_STATUSES)
    check.done()
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    _set_held_status(session, meeting, status)
    return get_meeting(session, meeting_id)


def _set_held_status(session: Session, meeting: Meeting, status: str) -> None:
    changed = "held" in (status, meeting.status) and status != meeting.status
    meeting.status = status
    session.flush()
    if changed:
        recount_carried(session, group_id=meeting.group_id, since=meeting.starts_at)


def mark_held(session: Session, meeting_id: int) -> MeetingDTO:
    return set_status(session, meeting_id, "held")


def circulate_minutes(session: Session, meeting_id: int) -> MeetingDTO:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.status == "cancelled":
        raise LockedError("a cancelled meeting has no minutes to circulate")
    if meeting.minutes_status == "approved":
        raise LockedError("these minutes are already approved")
    meeting.minutes_status = "circulated"
    _set_held_status(session, meeting, "held")
    return get_meeting(session, meeting_id)


def unlock_minutes(session: Session, meeting_id: int, *, reason: str) -> MeetingDTO:
    """Allows corrections to approved minutes; the reason is kept in the audit trail."""
    check = Check()
    reason = check.text("reason", reason, required=True, max_len=1000)
    check.done()
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.minutes_status != "approved":
        raise LockedError("only approved minutes are locked")
    meeting.minutes_unlocked = True
    tracking.record(session, operation="unlock", entity="meeting", entity_id=meeting_id, changes={"reason": reason})
    session.flush()
    return get_meeting(session, meeting_id)


def ensure_editable(session: Session, meeting_id: int) -> Meeting:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.minutes_status == "approved" and not meeting.minutes_unlocked:
        raise LockedError(f"the minutes of {meeting.starts_at:%d/%m/%Y} are approved and locked; unlock them first")
    return meeting


def previous_meeting(session: Session, meeting_id: int) -> MeetingDTO | None:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    prev_id = session.scalar(select(Meeting.id).where(
        Meeting.group_id == meeting.group_id, Meeting.starts_at < meeting.starts_at, Meeting.status != "cancelled",
    ).order_by(Meeting.starts_at.desc()).limit(1))
    return get_meeting(session, prev_id) if prev_id else None


def next_meeting_of(session: Session, meeting_id: int) -> MeetingDTO | None:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    next_id = session.scalar(select(Meeting.id).where(
        Meeting.group_id == meeting.group_id, Meeting.starts_at > meeting.starts_at, Meeting.status != "cancelled",
    ).order_by(Meeting.starts_at).limit(1))
    return get_meeting(session, next_id) if next_id else None
