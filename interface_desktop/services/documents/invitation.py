"""The calendar invitation's record: the agenda, a lasting identity, a change count, organiser and invitees."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Meeting, Membership, Person
from interface_desktop.services.audit import trail
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.documents.documents import InvitationDoc, Invitee, agenda_doc
from interface_desktop.services.meetings import attendance

# A change to any of these is a new version of the invitation; a change to the minutes or the agenda is not,
# nor is a status change other than cancelling or reinstating (a meeting marked as held has not moved).
SCHEDULING_FIELDS = frozenset({"starts_at", "duration_minutes", "location", "call_link"})


def scheduling_changes(session: Session, meeting_id: int) -> int:
    """How many recorded updates moved, relocated, cancelled or reinstated the meeting (the audit trail is
    append-only, so the count only grows)."""
    return sum(1 for entry in trail.history(session, "meeting", meeting_id)
               if entry.operation == "update" and (SCHEDULING_FIELDS & entry.changes.keys()
                                                   or "cancelled" in entry.changes.get("status", ())))


def invitation_doc(session: Session, meeting_id: int) -> InvitationDoc:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    replies = {a.person_id: a.status for a in attendance.list_attendance(session, meeting_id)}
    roles = dict(session.execute(select(Membership.person_id, Membership.group_role).where(
        Membership.group_id == meeting.group_id, Membership.left_on.is_(None))).all())
    people = [p for p in session.execute(select(Person.id, Person.name, Person.email).where(
        Person.id.in_(roles.keys() | replies.keys()), Person.active.is_(True)).order_by(Person.name, Person.id))
        if "@" in p.email]
    secretary = next((p for p in people if roles.get(p.id) == "secretary"), None)
    invitees = tuple(Invitee(p.name, p.email, _role(p.id, meeting.chair_id, roles), replies.get(p.id, ""))
                     for p in people if p is not secretary)
    organiser = Invitee(secretary.name, secretary.email, "member", "") if secretary else None
    return InvitationDoc(agenda_doc(session, meeting_id), meeting.created_at,
                         scheduling_changes(session, meeting_id), meeting.status, organiser, invitees)


def _role(person_id: int, chair_id: int | None, roles: dict[int, str]) -> str:
    if person_id == chair_id:
        return "chair"
    return "member" if person_id in roles else "guest"
