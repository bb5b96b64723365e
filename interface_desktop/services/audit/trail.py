"""The audit trail read back: a record's history, and the rows for an export. Nothing here writes it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import AuditEntry

ENTITY_ALIASES = {
    "issue": "interface_issue", "group": "interface_group", "sea": "interface_issue", "agenda": "agenda_item",
    "update": "action_update",
}


@dataclass(frozen=True)
class AuditEntryDTO:
    id: int
    at: datetime
    user: str
    operation: str
    entity: str
    entity_id: int
    changes: dict[str, Any]

    def summary(self) -> str:
        """'status: open -> done; due_on: 2026-12-01 -> 2026-12-08'."""
        parts = []
        for field, change in self.changes.items():
            if isinstance(change, list) and len(change) == 2:
                old, new = change
                parts.append(f"{field}: {_short(old)} -> {_short(new)}")
            else:
                parts.append(f"{field}: {_short(change)}")
        return "; ".join(parts)


def _short(value: Any, limit: int = 80) -> str:
    text = "(empty)" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_name(entity: str) -> str:
    return ENTITY_ALIASES.get(entity, entity)


def _dto(entry: AuditEntry) -> AuditEntryDTO:
    try:
        changes = json.loads(entry.changes or "{}")
    except ValueError:
        changes = {"changes": entry.changes}
    return AuditEntryDTO(entry.id, entry.at, entry.user, entry.operation, entry.entity, entry.entity_id,
                         changes if isinstance(changes, dict) else {"changes": changes})


def history(session: Session, entity: str, entity_id: int) -> list[AuditEntryDTO]:
    """Every recorded change to one record, oldest first."""
    query = (select(AuditEntry).where(AuditEntry.entity == table_name(entity), AuditEntry.entity_id == entity_id)
             .order_by(AuditEntry.at, AuditEntry.id))
    return [_dto(e) for e in session.scalars(query)]


def entries(session: Session, *, since: datetime | None = None, entity: str | None = None) -> list[AuditEntryDTO]:
    """The whole trail (or part of it), oldest first, for export."""
    query = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if entity is not None:
        query = query.where(AuditEntry.entity == table_name(entity))
    return [_dto(e) for e in session.scalars(query)]


EXPORT_COLUMNS = ("id", "at", "user", "operation", "entity", "entity_id", "changes")


def export_rows(items: list[AuditEntryDTO]) -> list[list[str]]:
    """Header + one row per entry, every value as text (changes as JSON)."""
    rows = [list(EXPORT_COLUMNS)]
    for item in items:
        rows.append([str(item.id), item.at.isoformat(sep=" ", timespec="seconds"), item.user, item.operation,
                     item.entity, str(item.entity_id), json.dumps(item.changes, ensure_ascii=False)])
    return rows
