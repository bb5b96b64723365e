"""Text a spreadsheet would run as a formula: one rule for the exports and for the import reading them back."""

from __future__ import annotations

# Excel and LibreOffice start a formula at =, +, - or @, also after blanks typed before it, and Excel reads the
# full-width forms an East Asian keyboard types (＝＋－＠) the same way. A leading tab or carriage return is
# how known CSV attacks hide one from a quick look.
FORMULA_CHARACTERS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
HIDING = ("\t", "\r")
# Excel's own marker for "this is text", put before such text in our spreadsheets and taken off on import.
TEXT_MARKER = "'"


def looks_like_formula(text: str) -> bool:
    """True when the first visible character starts a formula, or the text starts with a tab or carriage return."""
    return text.startswith(HIDING) or text.lstrip()[:1] in FORMULA_CHARACTERS


def needs_marker(text: str) -> bool:
    """Formula-like once any apostrophes the user typed first are set aside: such text gets the marker, so that
    taking it off again on import never removes an apostrophe the user typed ("'+ve results'" round-trips)."""
    return looks_like_formula(text.lstrip(TEXT_MARKER))


def unmarked(text: str) -> str:
    """The text without the apostrophe our spreadsheets put before formula-like text; any other text as it is.
    The exact inverse of marking: the marker is there exactly when the rest of the text `needs_marker`."""
    if text.startswith(TEXT_MARKER) and needs_marker(text[1:]):
        return text[1:]
    return text


def was_marked(value: object) -> bool:
    """True when a cell holds text that our spreadsheets marked as text (the marker `unmarked` takes off)."""
    if not isinstance(value, str):
        return False
    plain = value.strip()
    return unmarked(plain) != plain
