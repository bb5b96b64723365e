"""A calendar invitation (.ics) for one meeting, in Europe/London time, with the agenda in the description.

One meeting is one calendar entry for its whole life: the UID never changes, SEQUENCE counts the changes of
time, place and status, so a re-sent invitation moves the entry and a cancelled meeting removes it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from interface_desktop.exports.text import hhmm
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import AgendaDoc, InvitationDoc, Invitee

LONDON = "Europe/London"
ROLES = {"chair": "CHAIR", "member": "REQ-PARTICIPANT", "guest": "OPT-PARTICIPANT"}
# The register as a calendar reply: apologies are a decline; anyone not yet recorded is still to answer.
REPLIES = {"present": "ACCEPTED", "in_attendance": "ACCEPTED", "apologies": "DECLINED"}


def description(doc: AgendaDoc) -> str:
    lines = ["Agenda:"]
    for item in doc.items:
        lead = f" ({item.presenter})" if item.presenter else ""
        lines.append(f"{item.number}. {hhmm(item.starts_at)} {item.title}{lead}")
    if doc.head.call_link:
        lines += ["", f"Join by video call: {doc.head.call_link}"]
    if doc.head.chair:
        lines += ["", f"Chair: {doc.head.chair}"]
    return "\n".join(lines)


def uid(doc: InvitationDoc) -> str:
    """The same for the whole life of the meeting, so a calendar updates its entry when the meeting moves
    instead of adding a second one; the creation time keeps apart meetings of the same number in two
    groups' databases."""
    return f"meeting-{doc.agenda.head.meeting_id}-{doc.created_at:%Y%m%dT%H%M%S%f}@interface-desktop"


def method(doc: InvitationDoc) -> str:
    """CANCEL removes the entry from every calendar that has it. REQUEST is an invitation Outlook offers to
    accept or decline and later updates in place; it needs an organiser, so without the secretary's
    e-mail address the entry is published as an appointment (PUBLISH) instead."""
    if doc.status == "cancelled":
        return "CANCEL"
    return "REQUEST" if doc.organiser else "PUBLISH"


def _address(person: Invitee, **parameters: str):  # noqa: ANN202 - an icalendar vCalAddress
    from icalendar import vCalAddress

    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name
    for key, value in parameters.items():
        address.params[key] = value
    return address


def _people(event, doc: InvitationDoc, how: str) -> None:  # noqa: ANN001 - an icalendar Event
    if doc.organiser is not None:
        event.add("organizer", _address(doc.organiser))
    for person in doc.invitees:
        reply = REPLIES.get(person.reply, "NEEDS-ACTION")
        extra = {"RSVP": "TRUE"} if how == "REQUEST" and reply == "NEEDS-ACTION" else {}
        event.add("attendee", _address(person, CUTYPE="INDIVIDUAL", ROLE=ROLES[person.role], PARTSTAT=reply,
                                       **extra))


def calendar_bytes(doc: InvitationDoc, *, stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    head = doc.agenda.head
    how = method(doc)
    tz = ZoneInfo(LONDON)
    cal = Calendar()
    cal.add("prodid", "-//Interface Desktop//Meeting invitation//EN")
    cal.add("version", "2.0")
    cal.add("method", how)
    event = Event()
    event.add("uid", uid(doc))
    # Each change of time, place or status is a new version; a calendar ignores one older than it holds.
    event.add("sequence", doc.changes)
    event.add("dtstamp", stamp or datetime.now(timezone.utc))
    event.add("dtstart", head.starts_at.replace(tzinfo=tz))
    event.add("dtend", head.ends_at.replace(tzinfo=tz))
    event.add("summary", f"{head.group_name}: {head.title}" if head.title != f"{head.group_name} meeting"
              else head.title)
    location = ", ".join(p for p in (head.venue, head.call_link) if p)
    if location:
        event.add("location", location)
    if head.call_link:
        event.add("url", head.call_link)
    event.add("description", description(doc.agenda))
    _people(event, doc, how)
    event.add("status", "CANCELLED" if how == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    cal.add_component(london_timezone())
    cal.add_component(event)
    return cal.to_ical()


def london_timezone():  # noqa: ANN201 - an icalendar Timezone
    """UK clock rules as yearly rules (last Sunday of March and of October), the form Outlook writes itself."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", LONDON)
    summer = TimezoneDaylight()
    summer.add("dtstart", datetime(1970, 3, 29, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    summer.add("tzoffsetfrom", timedelta(0))
    summer.add("tzoffsetto", timedelta(hours=1))
    summer.add("tzname", "BST")
    winter = TimezoneStandard()
    winter.add("dtstart", datetime(1970, 10, 25, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    winter.add("tzoffsetfrom", timedelta(hours=1))
    winter.add("tzoffsetto", timedelta(0))
    winter.add("tzname", "GMT")
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def build(doc: InvitationDoc, path: Path) -> None:
    path.write_bytes(calendar_bytes(doc))


def export(doc: InvitationDoc, target: Path | str) -> Path:
    return write("ics", doc, target)
