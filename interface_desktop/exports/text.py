"""UK date and time wording shared by every document (30 January 2019, 30/01/2019, 14:00)."""

from __future__ import annotations

from datetime import date, datetime


def long_date(day: date) -> str:
    """Wednesday 30 January 2019."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def medium_date(day: date) -> str:
    """30 January 2019."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date | None) -> str:
    """30/01/2019, or an empty string for no date."""
    return f"{day:%d/%m/%Y}" if day else ""


def hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def venue_text(venue: str, call_link: str) -> str:
    if venue and call_link:
        return f"{venue} and by video call"
    return venue or ("by video call" if call_link else "")


def held_line(starts_at: datetime, venue: str, call_link: str, *, past: bool = True,
              closed_at: datetime | None = None) -> str:
    """'Minutes of the meeting held on Wednesday 30 January 2019 at 14:00, Room 2', or 'from 14:00 to 15:52'
    once the close is recorded."""
    where = venue_text(venue, call_link)
    verb = "held" if past else "to be held"
    when = f"from {hhmm(starts_at)} to {hhmm(closed_at)}" if closed_at else f"at {hhmm(starts_at)}"
    line = f"Minutes of the meeting {verb} on {long_date(starts_at)} {when}"
    return f"{line}, {where}" if where else line


def person_text(name: str, role: str, organisation: str, is_chair: bool = False, is_minute_taker: bool = False) -> str:
    """'Dr Ann Smith (Chair), GP, Leith Practice'; 'Ms Eilidh Baxter (minutes), Manager, Edinburgh HSCP'."""
    who = f"{name} (Chair)" if is_chair else f"{name} (minutes)" if is_minute_taker else name
    return ", ".join(part for part in (who, role, organisation) if part)


def range_text(start: date, end: date) -> str:
    return f"{medium_date(start)} to {medium_date(end)}"
