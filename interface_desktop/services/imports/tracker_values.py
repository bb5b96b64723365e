"""What a tracker's cells mean: dates as Excel dates or UK text, status words, owners' names, plain text."""

from __future__ import annotations

import re
from datetime import date, datetime

from interface_desktop.services.core.formulas import unmarked
from interface_desktop.services.imports.tracker_file import normalise

DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y", "%d-%m-%Y", "%d-%m-%y", "%Y-%m-%d", "%d %B %Y",
                "%d %b %Y", "%d %B %y", "%d %b %y")
NO_DATE = {"tbc", "tba", "tbd", "n a", "na", "none", "ongoing", "asap", "to be confirmed"}
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
STATUS_WORDS = {
    "open": ("open", "new", "not started", "outstanding", "to do", "todo", "pending", "active", "live"),
    "in_progress": ("in progress", "inprogress", "in hand", "ongoing", "underway", "under way", "started",
                    "progressing", "wip", "work in progress", "part complete", "partially complete"),
    "done": ("done", "complete", "completed", "closed", "finished", "resolved", "achieved"),
    "dropped": ("dropped", "cancelled", "canceled", "withdrawn", "not required", "no longer required",
                "superseded", "abandoned"),
}
STATUS_FOR = {word: status for status, words in STATUS_WORDS.items() for word in words}
# Longest first, so "no longer required ..." is not read as "no".
STATUS_PREFIXES = sorted(STATUS_FOR, key=len, reverse=True)
TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"}
SEVERAL_OWNERS = re.compile(r"\s*(?:/|&|;|\+|\band\b)\s*", re.IGNORECASE)


class CellError(ValueError):
    """A cell that cannot be read; the message is about the value, the caller adds row and column."""


def text(value: object) -> str:
    """A cell as text: numbers without a trailing .0, our export's apostrophe before formula-like text removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return unmarked(str(value).replace("\x00", "").strip())


def when(value: object) -> date | None:
    """A real Excel date, or text such as 31/01/2027, 31.1.27, 2027-01-31 or 31 January 2027; None for blank
    or a placeholder such as TBC. Day first, as in the UK: 03/04/2027 is the 3rd of April."""
    if isinstance(value, datetime):
        return _plausible(value.date(), value)
    if isinstance(value, date):
        return _plausible(value, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError(f"{text(value)!r} is a number, not a date (format the cell as a date, or type dd/mm/yyyy)")
    written = text(value)
    if not written or normalise(written) in NO_DATE or written in ("-", "?"):
        return None
    for layout in DATE_FORMATS:
        try:
            day = datetime.strptime(written, layout).date()
        except ValueError:
            continue
        return _plausible(day, written)
    raise CellError(f"{written!r} is not a date (use dd/mm/yyyy)")


def _plausible(day: date, written: object) -> date:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise CellError(f"{text(written)!r} is not a likely date (the year is {day.year})")
    return day


def status(value: object) -> str:
    """open, in_progress, done or dropped; a blank status is open."""
    written = normalise(value)
    if not written:
        return "open"
    if written in STATUS_FOR:
        return STATUS_FOR[written]
    for word in STATUS_PREFIXES:
        if written.startswith(word + " "):
            return STATUS_FOR[word]
    raise CellError(f"{text(value)!r} is not a status (use Open, In progress, Done or Dropped)")


def person_key(name: str) -> str:
    """Names compared without case, full stops or titles: 'Dr. Ann  Lee' and 'ann lee' are one person."""
    words = [w for w in normalise(name.replace(".", " ")).split() if w not in TITLES]
    return " ".join(words)


def owners(value: object) -> list[str]:
    """'Ann Lee / Bob Jones' -> both names; the first becomes the action's owner."""
    return [name for name in SEVERAL_OWNERS.split(text(value)) if name.strip()]
