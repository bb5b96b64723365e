"""Find patient identifiers in free text: CHI and NHS numbers, dates of birth, postcodes, names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from interface_desktop.privacy.checks import is_chi, is_nhs

KINDS = ("chi", "nhs", "dob", "postcode", "name")
KIND_LABELS = {
    "chi": "CHI number", "nhs": "NHS number", "dob": "date of birth", "postcode": "postcode", "name": "patient name",
}

# Between digit groups: space, hyphen, no-break space, and what Word, PDFs and web pages put there
# instead (figure and thin spaces, narrow no-break space, hyphen, non-breaking hyphen, figure and en
# dashes, minus sign).
_SEP = r"[ \-\u00a0\u2007\u2009\u202f\u2010-\u2013\u2212]"
# A CHI number written as its date of birth and serial: 01.02.85 1234, 01-02-85-1234, 01/02/85 1234.
_DATE_SEP = r"[./\-\u2010-\u2013\u2212]"
# No digit (or digit + separator, '+', or a trunk prefix "(0)") may touch the number: phone numbers and
# longer digit runs stay out.
_BEFORE = rf"(?<![\d+])(?<!\d{_SEP})(?<!\(0\))(?<!\(0\)[ \u00a0])"
_AFTER = rf"(?!\d)(?!{_SEP}\d)"
# The look-ahead for a digit comes first so the look-behinds run only where a number can start (they
# cost most of the time on a long paragraph).
_NUMBER = re.compile(
    r"(?=\d)"
    + _BEFORE
    + r"(?:(?P<together>\d{10})"
    + rf"|(?P<six_four>\d{{6}}{_SEP}\d{{4}})"
    + rf"|(?P<three_three_four>\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}})"
    + rf"|(?P<dated>\d\d(?P<date_sep>{_DATE_SEP})\d\d(?P=date_sep)\d\d(?P<serial_sep>{_SEP}|[./])\d{{4}}))"
    + _AFTER
)

_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE = (rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{2,4}}"
         rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{6}}|\d{{8}}")
# The date must follow the keyword closely, within the same sentence.
_DOB = re.compile(
    rf"(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bborn\b)[^.\n;]{{0,20}}?(?<![\d/.\-])(?P<date>{_DATE})(?![\d/])",
    re.IGNORECASE,
)

_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)

_NAME = re.compile(
    r"\b(?:Mrs|Mr|Ms|Miss)\.?[ \u00a0]+(?:[A-Z]\.?[ \u00a0]*){0,2}(?:[A-Z][a-z'’\-]+[ \u00a0]+)?"
    r"(?:Mc|Mac|O')?[A-Z][A-Za-z'’\-]*[a-z]"
)


@dataclass(frozen=True)
class Finding:
    """One suspected identifier: its kind and the character span [start, end) in the text."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _meeting_time(match: re.Match[str]) -> bool:
    """30/01/26 1400: a date, a space and a quarter-hour 24-hour time is how minutes write when a meeting
    starts. Read as a CHI number, about one in five such times would pass a check digit; the price is the
    rare CHI number whose last four digits are a round time, written in this one layout (under 1 in 100)."""
    serial = match.group()[-4:]
    return match["serial_sep"].isspace() and int(serial[:2]) < 24 and serial[2:] in ("00", "15", "30", "45")


def _numbers(text: str) -> Iterable[Finding]:
    for match in _NUMBER.finditer(text):
        layout = match.lastgroup
        if layout == "dated" and _meeting_time(match):
            continue
        digits = re.sub(r"\D", "", match.group())
        if is_chi(digits):
            yield Finding("chi", match.start(), match.end(), match.group())
        elif layout not in ("six_four", "dated") and is_nhs(digits):  # NHS numbers are written 3-3-4 or together
            yield Finding("nhs", match.start(), match.end(), match.group())


def _dates_of_birth(text: str) -> Iterable[Finding]:
    for match in _DOB.finditer(text):
        yield Finding("dob", match.start("date"), match.end("date"), match.group("date"))


def _postcodes(text: str) -> Iterable[Finding]:
    for match in _POSTCODE.finditer(text):
        yield Finding("postcode", match.start(), match.end(), match.group())


def _names(text: str) -> Iterable[Finding]:
    for match in _NAME.finditer(text):
        yield Finding("name", match.start(), match.end(), match.group())


def find_identifiers(text: str, *, names: bool = True) -> list[Finding]:
    """Every finding in reading order; where two overlap, the earlier (then longer) one wins.

    `names` adds titled names (Mr/Mrs/Ms/Miss Surname), meant for issue and SEA narratives where a
    titled name is almost always a patient's; minutes name members, so they are checked without it.
    """
    if not text:
        return []
    candidates = [*_numbers(text), *_dates_of_birth(text), *_postcodes(text)]
    if names:
        candidates.extend(_names(text))
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in candidates:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
