"""The audit trail as people read it: codes as their labels, linked records by name, dates as 30/01/2026."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import AgendaItem, Group, InterfaceIssue, Meeting, Person
from interface_desktop.services.audit import trail as audit
from interface_desktop.services.people import lookups
from interface_desktop.vocab import (
    ACTION_STATUS_LABELS, ACTIVITY_KIND_LABELS, AGENDA_KIND_LABELS, ATTENDANCE_LABELS, BOARDS, GROUP_ROLE_LABELS,
    ISSUE_DIRECTION_LABELS, ISSUE_STATUS_LABELS, MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS,
    PARTICIPANT_ROLE_LABELS, RESOURCE_KIND_LABELS, SEA_HARM_LABELS, SECTOR_LABELS, SEVERITY_LABELS,
)

# "status" and "kind" mean different things in different tables.
ENTITY_FIELDS: dict[str, dict[str, dict[str, str]]] = {
    "action": {"status": ACTION_STATUS_LABELS},
    "interface_issue": {"status": ISSUE_STATUS_LABELS},
    "meeting": {"status": MEETING_STATUS_LABELS},
    "attendance": {"status": ATTENDANCE_LABELS},
    "agenda_item": {"kind": AGENDA_KIND_LABELS},
    "activity": {"kind": ACTIVITY_KIND_LABELS},
    "resource": {"kind": RESOURCE_KIND_LABELS},
    "membership": {"role": GROUP_ROLE_LABELS},
    "activity_participant": {"role": PARTICIPANT_ROLE_LABELS},
}
FIELDS: dict[str, dict[str, str]] = {
    "direction": ISSUE_DIRECTION_LABELS, "severity": SEVERITY_LABELS, "sea_harm": SEA_HARM_LABELS,
    "minutes_status": MINUTES_STATUS_LABELS, "sector": SECTOR_LABELS, "raised_by_sector": SECTOR_LABELS,
    "board": BOARDS,
}
LOOKUP_FIELDS = {"category": "issue_category", "specialty": "specialty", "role": "person_role",
                 "raised_by_role": "person_role"}
PERSON_FIELDS = {"owner_id", "chair_id", "minute_taker_id", "presenter_id", "person_id"}
MEETING_FIELDS = {"meeting_id", "last_carried_meeting_id"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


class _Names:
    """Names of the records an entry points at, looked up once per history."""

    def __init__(self, session: Session):
        self.session = session
        self._cache: dict[tuple[str, int], str] = {}

    def of(self, field: str, record_id: int) -> str | None:
        key = (field, record_id)
        if key not in self._cache:
            self._cache[key] = self._lookup(field, record_id)
        return self._cache[key] or None

    def _lookup(self, field: str, record_id: int) -> str:
        if field in PERSON_FIELDS:
            return self.session.scalar(select(Person.name).where(Person.id == record_id)) or ""
        if field == "group_id":
            return self.session.scalar(select(Group.name).where(Group.id == record_id)) or ""
        if field in MEETING_FIELDS:
            held = self.session.scalar(select(Meeting.starts_at).where(Meeting.id == record_id))
            return f"Meeting of {held:%d/%m/%Y}" if held else ""
        if field == "issue_id":
            return self.session.scalar(select(InterfaceIssue.reference).where(InterfaceIssue.id == record_id)) or ""
        if field == "agenda_item_id":
            return self.session.scalar(select(AgendaItem.title).where(AgendaItem.id == record_id)) or ""
        return ""


def _as_date_text(value: str) -> str | None:
    try:
        if ISO_DATE.match(value):
            return f"{date.fromisoformat(value):%d/%m/%Y}"
        if ISO_DATETIME.match(value):
            return f"{datetime.fromisoformat(value):%d/%m/%Y %H:%M}"
    except ValueError:
        return None
    return None


def describer(session: Session, entity: str) -> Callable[[str, Any], Any]:
    """A function (field, stored value) -> what a reader should see; values it does not know pass unchanged."""
    table = audit.table_name(entity)
    names = _Names(session)
    lookup_labels: dict[str, dict[str, str]] = {}

    def describe(field: str, value: Any) -> Any:
        if value is None or value == "" or isinstance(value, bool):
            return value
        labels = ENTITY_FIELDS.get(table, {}).get(field) or FIELDS.get(field)
        if labels is None and field in LOOKUP_FIELDS:
            kind = LOOKUP_FIELDS[field]
            labels = lookup_labels.setdefault(kind, lookups.labels(session, kind))
        if labels is not None:
            return labels.get(str(value), value)
        if field.endswith("_id") and isinstance(value, int):
            name = names.of(field, value)
            return f"{name} (no. {value})" if name else f"No. {value} (since deleted)"
        if isinstance(value, str):
            return _as_date_text(value) or value
        return value

    return describe


def readable_history(session: Session, entity: str, entity_id: int) -> list[audit.AuditEntryDTO]:
    """`audit.history` with every value described for a reader (the stored trail is unchanged)."""
    describe = describer(session, entity)
    result = []
    for entry in audit.history(session, entity, entity_id):
        changes = {}
        for field, change in entry.changes.items():
            if isinstance(change, list) and len(change) == 2:
                changes[field] = [describe(field, change[0]), describe(field, change[1])]
            else:
                changes[field] = describe(field, change)
        result.append(replace(entry, changes=changes))
    return result
