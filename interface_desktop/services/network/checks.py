"""Checks of a digest's manifest and records, field by field, before anything of it is stored."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from interface_desktop.services.core.errors import ServiceError
from interface_desktop.vocab import ACTIVITY_KINDS, BOARDS, ISSUE_DIRECTIONS, LEARNING_KINDS, LEARNING_STAGES, THEMES

TEXT_FIELDS = {"reference": 40, "title": 300, "category": 120, "problem": 20000, "what_was_done": 20000,
               "outcome": 20000, "learned": 20000, "changed": 20000}
CODE_FIELDS = {"kind": LEARNING_KINDS, "theme": THEMES, "stage": LEARNING_STAGES}
# Empty where the kind of record has none (an activity has no direction, an issue no activity kind).
OPTIONAL_CODE_FIELDS = {"direction": ("", *ISSUE_DIRECTIONS), "activity_kind": ("", *ACTIVITY_KINDS)}
MAX_ITEMS = 5000


class DigestError(ServiceError):
    """A digest file refused; the message names the file and what is wrong with it."""


def _date(name: str, where: str, value: Any, *, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DigestError(f"{name}: {where} is not a date (YYYY-MM-DD): {value!r}") from None


def _text(name: str, where: str, value: Any, max_len: int = 300) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise DigestError(f"{name}: {where} must be text of at most {max_len} characters")
    return value


def check_manifest_fields(name: str, manifest: dict[str, Any]) -> None:
    """The manifest's source, period, lead and parts, with the problem named by its field."""
    try:
        uuid.UUID(str(manifest.get("digest_id")))
        datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        raise DigestError(f"{name}: the manifest's digest_id or created_at is not valid") from None
    source, period, lead = manifest.get("source"), manifest.get("period"), manifest.get("lead")
    if not isinstance(source, dict) or not isinstance(period, dict):
        raise DigestError(f"{name}: the manifest has no source or period")
    for key in ("key", "group", "database_identity", "hscp"):
        _text(name, f"source.{key}", source.get(key))
    if source.get("board") not in BOARDS:
        raise DigestError(f"{name}: source.board is not a Health Board code: {source.get('board')!r}")
    if _date(name, "period.from", period.get("from")) > _date(name, "period.to", period.get("to")):
        raise DigestError(f"{name}: the period ends before it starts")
    if lead is not None:
        if not isinstance(lead, dict):
            raise DigestError(f"{name}: lead must be an object or null")
        for key in ("name", "role", "organisation", "email"):
            _text(name, f"lead.{key}", lead.get(key))
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or not all(isinstance(parts.get(p), dict) for p in ("records.json", "summary.pdf")):
        raise DigestError(f"{name}: the manifest does not list the digest's parts")


def _check_item(name: str, index: int, item: Any) -> dict[str, Any]:
    where = f"record {index + 1}"
    if not isinstance(item, dict):
        raise DigestError(f"{name}: {where} is not an object")
    clean = {"key": _text(name, f"{where} key", item.get("key"), 40)}
    for field, max_len in TEXT_FIELDS.items():
        clean[field] = _text(name, f"{where} {field}", item.get(field), max_len)
    for field, allowed in {**CODE_FIELDS, **OPTIONAL_CODE_FIELDS}.items():
        if item.get(field) not in allowed:
            codes = ", ".join(code for code in allowed if code)
            raise DigestError(f"{name}: {where} {field} is not one of {codes}: {item.get(field)!r}")
        clean[field] = item[field]
    average, count, flags = item.get("feedback_average"), item.get("feedback_count"), item.get("quality_flags")
    if average is not None and not (isinstance(average, (int, float)) and 0 <= average <= 10):
        raise DigestError(f"{name}: {where} feedback_average is not a score")
    if not isinstance(count, int) or count < 0:
        raise DigestError(f"{name}: {where} feedback_count is not a count")
    if not isinstance(flags, list) or not all(isinstance(f, str) and len(f) <= 20 for f in flags):
        raise DigestError(f"{name}: {where} quality_flags is not a list of flags")
    clean.update(feedback_average=average, feedback_count=count, quality_flags=",".join(flags)[:120],
                 theme_confirmed=bool(item.get("theme_confirmed")),
                 raised_on=_date(name, f"{where} raised_on", item.get("raised_on"), optional=True),
                 stage_on=_date(name, f"{where} stage_on", item.get("stage_on"), optional=True))
    return clean


def check_items(name: str, records: Any) -> list[dict[str, Any]]:
    """Every record checked, or DigestError naming the first bad one; keys must be unique."""
    items = records.get("items") if isinstance(records, dict) else None
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise DigestError(f"{name}: records.json holds no list of items (or more than {MAX_ITEMS:,})")
    checked = [_check_item(name, i, item) for i, item in enumerate(items)]
    if len({item["key"] for item in checked}) != len(checked):
        raise DigestError(f"{name}: two records share one key")
    return checked
