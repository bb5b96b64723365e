"""A calendar invitation (.ics) for one meeting, in Europe/London time, with the agenda in the description."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from interface_desktop.exports.text import hhmm
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import AgendaDoc

LONDON = "Europe/London"


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


def calendar_bytes(doc: AgendaDoc, *, stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    head = doc.head
    tz = ZoneInfo(LONDON)
    cal = Calendar()
    cal.add("prodid", "-//Interface Desktop//Meeting invitation//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    # Stable per meeting, so a re-sent invitation updates the entry instead of duplicating it.
    event.add("uid", f"meeting-{head.meeting_id}-{head.starts_at:%Y%m%d}@interface-desktop")
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
    event.add("description", description(doc))
    event.add("status", "CONFIRMED")
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


def build(doc: AgendaDoc, path: Path) -> None:
    path.write_bytes(calendar_bytes(doc))


def export(doc: AgendaDoc, target: Path | str) -> Path:
    return write("ics", doc, target)
