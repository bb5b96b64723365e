"""Approving minutes: at which meeting and on what day, as a true record or with amendments.

Each approval freezes the minutes as they print (services.documents.minutes_record reads them back): what
is exported afterwards is that record, whatever happens to the actions, people or meetings it mentions.
Correcting approved minutes takes an unlock with a reason (meetings.unlock_minutes); locking them again
freezes a new version that says what changed and why.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import AuditEntry, Meeting, MinutesRecord
from interface_desktop.services.audit import tracking
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.common import get_or_raise, os_user
from interface_desktop.services.core.errors import LockedError
from interface_desktop.services.core.validation import Check
from interface_desktop.services.documents import documents, minutes_record, snapshot
from interface_desktop.services.documents.documents import Approval
from interface_desktop.services.documents.minutes_record import RecordDTO
from interface_desktop.services.meetings import meetings
from interface_desktop.services.meetings.meetings import MeetingDTO

AMENDMENTS_MAX = 5000
SECTIONS = {"head": "heading", "present": "present", "in_attendance": "in attendance", "apologies": "apologies",
            "declarations": "declarations of interest", "quorate": "quorum", "items": "agenda items",
            "approved_here": "previous minutes", "actions": "action table", "next_meeting": "date of next meeting",
            "next_venue": "date of next meeting", "approval": "approval", "approved_on": "approval"}


def approving_meetings(session: Session, meeting_id: int) -> list[MeetingDTO]:
    """The group's later meetings, not cancelled, soonest first: those that can approve these minutes."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    later = meetings.list_meetings(session, group_id=meeting.group_id, when="upcoming", now=meeting.starts_at)
    return [m for m in later if m.id != meeting_id and m.starts_at > meeting.starts_at and m.status != "cancelled"]


def default_approving_meeting(session: Session, meeting_id: int) -> MeetingDTO | None:
    """The next held meeting of the group; failing that, the next one that has begun (held today, say, and
    not yet marked held). None when no later meeting has taken place."""
    later = approving_meetings(session, meeting_id)
    held = next((m for m in later if m.status == "held"), None)
    return held or next((m for m in later if m.starts_at.date() <= today()), None)


def approve_minutes(session: Session, meeting_id: int, *, approved_on: date | str | None = None,
                    at_meeting_id: int | None = None, amendments: str = "") -> MeetingDTO:
    """Approves and locks the minutes: at the meeting `at_meeting_id` (None: not at a meeting of the group;
    `default_approving_meeting` is the one to offer), on `approved_on` (default: that meeting's day, or
    today), as a true record or with `amendments`."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.status == "cancelled":
        raise LockedError("a cancelled meeting has no minutes to approve")
    if meeting.minutes_status == "approved" and not meeting.minutes_unlocked:
        raise LockedError(f"the minutes of {meeting.starts_at:%d/%m/%Y} are already approved")
    check = Check()
    at = _approving_meeting(session, meeting, at_meeting_id, check)
    day = check.date_value("approved_on", approved_on) or (at.starts_at.date() if at else today())
    amendments = check.text("amendments", amendments, max_len=AMENDMENTS_MAX)
    _check_day(check, day, meeting, at)
    check.done()
    meeting.minutes_status = "approved"
    meeting.minutes_approved_on = day
    meeting.minutes_unlocked = False
    meetings.set_status(session, meeting_id, "held")
    _freeze(session, meeting_id, Approval(day, at.starts_at if at else None, amendments), at.id if at else None)
    return meetings.get_meeting(session, meeting_id)


def _approving_meeting(session: Session, meeting: Meeting, at_meeting_id: int | None, check: Check) -> Meeting | None:
    if at_meeting_id is None:
        return None
    at = session.get(Meeting, at_meeting_id)
    if at is None:
        check.fail("at_meeting_id", f"no meeting with id {at_meeting_id}")
    elif at.group_id != meeting.group_id or at.starts_at <= meeting.starts_at or at.status == "cancelled":
        check.fail("at_meeting_id", "minutes are approved at a later meeting of the same group, not a cancelled one")
    else:
        return at
    return None


def _check_day(check: Check, day: date | None, meeting: Meeting, at: Meeting | None) -> None:
    if day is None:
        return
    if day < meeting.starts_at.date():
        check.fail("approved_on", f"minutes cannot be approved before the meeting ({meeting.starts_at:%d/%m/%Y})")
    elif at is not None and day < at.starts_at.date():
        check.fail("approved_on", f"the approving meeting was on {at.starts_at:%d/%m/%Y}, after {day:%d/%m/%Y}")
    elif day > today():
        check.fail("approved_on", f"{day:%d/%m/%Y} is in the future")


def relock_minutes(session: Session, meeting_id: int) -> MeetingDTO:
    """Locks corrected minutes again, approved as before; a new version is frozen when anything changed."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    if meeting.minutes_status != "approved":
        raise LockedError("only approved minutes can be locked")
    if meeting.minutes_unlocked:
        meeting.minutes_unlocked = False
        session.flush()
        last = minutes_record.latest(session, meeting_id)
        approval = documents.approval_of(session, meeting_id) or Approval(meeting.minutes_approved_on or today())
        _freeze(session, meeting_id, approval, last.approved_at_meeting_id if last else None)
    return meetings.get_meeting(session, meeting_id)


def _freeze(session: Session, meeting_id: int, approval: Approval, at_meeting_id: int | None) -> RecordDTO | None:
    """Keeps the minutes as they now print; nothing new when they print exactly as the last version."""
    content = snapshot.canonical(documents.live_minutes_doc(session, meeting_id, approval=approval))
    sha = snapshot.digest(content)
    last = minutes_record.latest(session, meeting_id)
    if last is not None and last.sha256 == sha:
        return None
    changes = summary(last.content, content) if last else ""
    reason = _unlock_reason(session, meeting_id) if last else ""
    session.add(MinutesRecord(
        meeting_id=meeting_id, version=last.version + 1 if last else 1, approved_on=approval.approved_on,
        approved_at_meeting_id=at_meeting_id, amendments=approval.amendments, content=content, sha256=sha,
        changes=changes, reason=reason, user=session.info.get("audit_user") or os_user()))
    tracking.record(session, operation="update", entity="meeting", entity_id=meeting_id, changes={
        "minutes_record": [last.short_hash if last else None, sha[:8]], "record_changes": changes})
    session.flush()
    return minutes_record.latest(session, meeting_id)


def _unlock_reason(session: Session, meeting_id: int) -> str:
    changes = session.scalar(select(AuditEntry.changes).where(
        AuditEntry.entity == "meeting", AuditEntry.entity_id == meeting_id, AuditEntry.operation == "unlock")
        .order_by(AuditEntry.id.desc()).limit(1))
    try:
        return str(json.loads(changes or "{}").get("reason", ""))
    except (ValueError, AttributeError):
        return ""


def summary(old: str, new: str) -> str:
    """What differs between two versions, as a secretary would say it: 'Changed: item 5 discussion; action table.'"""
    items = json.loads(new).get("items", [])
    parts: list[str] = []
    for path in snapshot.changed_paths(old, new):
        top, _, rest = path.partition(".")
        index, _, field = rest.partition(".")
        if top == "items" and index.isdigit() and int(index) < len(items):
            part = f"item {items[int(index)]['number']} {field.split('.')[0].replace('_', ' ')}".strip()
        else:
            part = SECTIONS.get(top, top.replace("_", " "))
        if part not in parts:
            parts.append(part)
    return "Changed: " + "; ".join(parts) + "." if parts else ""
