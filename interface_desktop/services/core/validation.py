"""A small collector of field errors, so one call reports every problem with the input at once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from interface_desktop.services.core.errors import ValidationError

TITLE_MAX = 300
NAME_MAX = 200
TEXT_MAX = 100_000
SHORT_MAX = 200
# Dates outside these are typing slips (0026 for 2026), and near the ends of the calendar adding a meeting's
# length or a reminder period would overflow.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def _encodable(text: str) -> bool:
    """False for text holding a lone surrogate, which no file or database can store as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Check:
    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(self, field: str, value: object, *, required: bool = False, max_len: int = TEXT_MAX) -> str:
        """Strip and validate a text value; returns the cleaned text ('' when invalid)."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, "must be text")
            return ""
        cleaned = value.strip()
        if "\x00" in cleaned:
            self.fail(field, "must not contain NUL characters")
            return ""
        if not _encodable(cleaned):
            self.fail(field, "contains a broken character (half of a surrogate pair) that cannot be stored")
            return ""
        if required and not cleaned.strip():
            self.fail(field, "is required")
        if len(cleaned) > max_len:
            self.fail(field, f"is too long ({len(cleaned):,} characters; the limit is {max_len:,})")
        return cleaned

    def choice(self, field: str, value: object, allowed: Iterable[str]) -> str:
        allowed = tuple(allowed)
        if value not in allowed:
            self.fail(field, f"must be one of: {', '.join(allowed)} (got {value!r})")
            return ""
        return str(value)

    def integer(self, field: str, value: object, *, low: int | None = None, high: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "must be a whole number")
            return 0
        if low is not None and value < low:
            self.fail(field, f"must be at least {low}")
        if high is not None and value > high:
            self.fail(field, f"must be at most {high}")
        return value

    def date_value(self, field: str, value: object, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, "is required")
            return None
        if isinstance(value, datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                self.fail(field, f"is not a valid date (expected YYYY-MM-DD, got {value!r})")
                return None
        elif not isinstance(value, date):
            self.fail(field, "must be a date")
            return None
        return value if self._in_range(field, value) else None

    def _in_range(self, field: str, value: date) -> bool:
        if EARLIEST <= value <= LATEST:
            return True
        self.fail(field, f"must be between {EARLIEST:%d/%m/%Y} and {LATEST:%d/%m/%Y} (got {value:%d/%m/%Y})")
        return False

    def datetime_value(self, field: str, value: object, *, required: bool = False) -> datetime | None:
        if value is None or value == "":
            if required:
                self.fail(field, "is required")
            return None
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None, second=0, microsecond=0)
        elif isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip()).replace(tzinfo=None)
            except ValueError:
                self.fail(field, f"is not a valid date and time (expected YYYY-MM-DD HH:MM, got {value!r})")
                return None
        else:
            self.fail(field, "must be a date and time")
            return None
        return value if self._in_range(field, value.date()) else None

    def order(self, first_field: str, first: date | None, second_field: str, second: date | None) -> None:
        if first is not None and second is not None and second < first:
            self.fail(second_field, f"must not be before {first_field.replace('_', ' ')}")

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
