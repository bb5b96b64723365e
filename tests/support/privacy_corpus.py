"""A synthetic corpus of clinical free text for measuring the identifier detectors.

Run `python -m tests.support.privacy_corpus` to print recall and precision; tests assert the same figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from interface_desktop.privacy import find_identifiers, is_chi, is_nhs, mod10_check_digit, mod11_check_digit

# Between digit groups: space, hyphen, no-break space, then what Word, PDFs and web pages put there instead:
# hyphen, non-breaking hyphen, en dash, minus sign, narrow no-break space and thin space.
SEPARATORS = (" ", "-", "\u00a0", "\u2010", "\u2011", "\u2013", "\u2212", "\u202f", "\u2009")
# A CHI number written as its date of birth and serial: 01.02.85 1234, 01-02-85-1234, 01/02/85 1234.
DATE_SEPARATORS = (".", "-", "/", "\u2011")
SERIAL_SEPARATORS = (" ", "\u00a0", "-", ".", "/")
TEMPLATES = (
    "Patient {x} was discharged without a letter.",
    "CHI {x} - results not copied to the practice.",
    "The referral ({x}) was rejected twice.",
    "Seen in clinic, number {x}, follow-up not booked",
    "{x} was the number on the request form.",
    "GP wrote: pt no.{x}; awaiting bloods",
    "CHI:{x} on the discharge letter",
    "Label read CHI no.{x} and the wrong ward",
    "CHI no. {x}, NHS no.{x} on the form",
)


def random_date(rng: random.Random) -> date:
    return date(1920, 1, 1) + timedelta(days=rng.randrange(0, 365 * 100))


def valid_chi(rng: random.Random, scheme: str) -> str:
    while True:
        payload = random_date(rng).strftime("%d%m%y") + f"{rng.randrange(1000):03d}"
        check = mod11_check_digit(payload) if scheme == "mod11" else mod10_check_digit(payload)
        if check is not None:
            return payload + str(check)


def valid_nhs(rng: random.Random) -> str:
    while True:
        payload = f"{rng.randrange(4, 10)}{rng.randrange(10**8):08d}"
        check = mod11_check_digit(payload)
        if check is not None:
            return payload + str(check)


def failing_ten_digits(rng: random.Random) -> str:
    while True:
        digits = f"{rng.randrange(10**10):010d}"
        if not is_chi(digits) and not is_nhs(digits):
            return digits


def reads_as_meeting_time(four: str) -> bool:
    """1400, 0930: a 24-hour clock time on the quarter hour, as a meeting's start is written after its date."""
    return int(four[:2]) < 24 and four[2:] in ("00", "15", "30", "45")


def layouts(digits: str, *, six_four: bool) -> list[str]:
    """Every way the ten digits are written; `six_four` adds the CHI layouts (date of birth, then serial).

    Left out on purpose: a date followed by a space and a quarter-hour time (30/01/26 1400) reads as a
    meeting's date and time, which is far more common in minutes than a CHI number whose last four digits
    happen to be a round time (under 1 in 100); the detector leaves it unflagged.
    """
    written = [digits]
    for sep in SEPARATORS:
        written.append(f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}")
        if six_four:
            written.append(f"{digits[:6]}{sep}{digits[6:]}")
    if six_four:
        for date_sep in DATE_SEPARATORS:
            day = f"{digits[:2]}{date_sep}{digits[2:4]}{date_sep}{digits[4:6]}"
            written += [f"{day}{serial_sep}{digits[6:]}" for serial_sep in SERIAL_SEPARATORS
                        if not (serial_sep.isspace() and reads_as_meeting_time(digits[6:]))]
    return written


def phone_numbers(rng: random.Random) -> list[str]:
    local, mobile = f"{rng.randrange(10**7):07d}", f"{rng.randrange(10**6):06d}"
    sep = rng.choice(SEPARATORS)
    return [
        f"0131 {local[:3]} {local[3:]}", f"0131{local}", f"(0131) {local[:3]} {local[3:]}",
        f"+44 131 {local[:3]} {local[3:]}", f"+44 (0)131 {local[:3]} {local[3:]}", f"01382 {local[1:]}",
        f"07700 {mobile}", f"07700{mobile}", f"+44 7700 {mobile}", f"077 00 {mobile[:3]} {mobile[3:]}",
        f"0131{sep}{local[:3]}{sep}{local[3:]}", f"0131.{local[:3]}.{local[3:]}", f"07700{sep}{mobile}",
        f"+44{sep}131{sep}{local[:3]}{sep}{local[3:]}", f"+447700{mobile}", f"0044 131 {local[:3]} {local[3:]}",
    ]


def meeting_dates(rng: random.Random) -> list[str]:
    day = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 365 * 10))
    later = day + timedelta(days=rng.randrange(1, 90))
    hour, minute = rng.randrange(7, 21), rng.choice(("00", "15", "30", "45"))
    clock = f"{hour:02d}{minute}"
    return [day.strftime("%d/%m/%Y"), day.strftime("%A %d %B %Y"), day.isoformat(), day.strftime("%d.%m.%y"),
            f"meeting on {day:%d/%m/%Y} at 14:00", f"next meeting {day:%d %B %Y}",
            f"{day:%d.%m.%Y} {hour}:{minute}", f"{day:%d/%m/%y} {hour:02d}:{minute}", f"{day:%d/%m/%y} {clock}",
            f"{day:%d.%m.%y} {clock}", f"{day:%d-%m-%y} {clock}hrs", f"{day:%d/%m/%y} {clock}-{hour + 2:02d}00",
            f"{day:%d/%m/%y}-{later:%d/%m/%y}", f"{day:%d.%m.%y} - {later:%d.%m.%y}", f"{day:%d-%m-%Y}"]


def reference_codes(rng: random.Random) -> list[str]:
    board = rng.choice(("LO", "GGC", "FV", "TAY", "HIG", "AA"))
    year, number = rng.randrange(2018, 2030), rng.randrange(1, 999)
    return [f"{board}-{year}-{number:03d}", f"ticket INC{rng.randrange(10**7):07d}",
            f"Datix {rng.randrange(10**6):06d}", f"IG/{year}/{number}", f"A-{year}-{number:03d}",
            f"{board}/{year}/{number:04d}"]


@dataclass(frozen=True)
class Figures:
    identifiers: int
    found: int
    negatives: int
    flagged_negatives: int

    @property
    def recall(self) -> float:
        return self.found / self.identifiers

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.flagged_negatives)


def positives(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(kind, written form) for check-digit-valid CHI (both schemes) and NHS numbers in every layout."""
    items: list[tuple[str, str]] = []
    for _ in range(count):
        for scheme in ("mod11", "mod10"):
            items += [("chi", w) for w in layouts(valid_chi(rng, scheme), six_four=True)]
        nhs = valid_nhs(rng)
        items += [("chi" if is_chi(nhs) else "nhs", w) for w in layouts(nhs, six_four=False)]
    return items


def negatives(rng: random.Random, count: int) -> list[str]:
    items: list[str] = []
    for _ in range(count):
        items += phone_numbers(rng) + meeting_dates(rng) + reference_codes(rng)
        items += layouts(failing_ten_digits(rng), six_four=True)
    return items


def measure(seed: int = 2026, count: int = 300) -> Figures:
    rng = random.Random(seed)
    found = total = 0
    for kind, written in positives(rng, count):
        text = rng.choice(TEMPLATES).format(x=written)
        hits = find_identifiers(text)
        total += 1
        found += any(h.kind == kind and h.text == written for h in hits)
    wrong = negative_total = 0
    for written in negatives(rng, count):
        text = rng.choice(TEMPLATES).format(x=written)
        negative_total += 1
        wrong += bool(find_identifiers(text))
    return Figures(total, found, negative_total, wrong)


def main() -> None:
    figures = measure()
    print(f"recall {figures.recall:.1%} ({figures.found}/{figures.identifiers} check-digit-valid CHI and NHS numbers"
          f" in every layout); precision {figures.precision:.1%} ({figures.flagged_negatives} of "
          f"{figures.negatives} phone numbers, dates, reference codes and failing 10-digit numbers flagged)")


if __name__ == "__main__":
    main()
