"""The codes and ids a command's options name, checked first: an unknown one is an error naming the valid choices."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.base import Base
from interface_desktop.db.models import AuditEntry
from interface_desktop.services.audit.trail import ENTITY_ALIASES, table_name
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.people import lookups
from interface_desktop.vocab import (
    ACTION_STATUSES, ACTIVITY_KINDS, ISSUE_DIRECTIONS, ISSUE_STATUSES, MEETING_STATUSES,
)

STATUSES = {"meetings": MEETING_STATUSES, "actions": ACTION_STATUSES, "issues": ISSUE_STATUSES}
# What the audit trail never records (db.models.audit, file contents): asking for their history is a mistake.
UNAUDITED_TABLES = {"audit_entry", "search_document", "file_blob"}


def require_code(field: str, value: str | None, valid: Iterable[str]) -> None:
    """`value` (None = not given) must be one of `valid`."""
    choices = sorted(valid) if not isinstance(valid, tuple) else valid
    if value is not None and value not in choices:
        raise ValidationError({field: f"unknown {field} {value!r}; use {', '.join(choices)}"})


def require_id(session: Session, field: str, table: str, record_id: int | None, *, what: str | None = None) -> None:
    """A record with this id (None = not given) must exist in `table`; `what` names it (default: the field)."""
    if record_id is None:
        return
    # The first key column: issue_meeting's rows are recorded under their issue's id.
    column = list(Base.metadata.tables[table].primary_key.columns)[0]
    if session.execute(select(func.count()).where(column == record_id)).scalar_one() == 0:
        raise ValidationError({field: f"no {what or field} with id {record_id}"})


def check_list_filters(session: Session, kind: str, *, group_id: int | None, owner_id: int | None,
                       status: tuple[str, ...] | None, category: str | None, direction: str | None,
                       activity_kind: str | None) -> None:
    """Every filter `list` was given names something that exists; a typo is not 'no records'."""
    require_id(session, "group", "interface_group", group_id)
    require_id(session, "owner", "person", owner_id, what="person")
    if status:
        if kind not in STATUSES:
            raise ValidationError({"status": f"{kind} have no status; --status applies to {', '.join(STATUSES)}"})
        for code in status:
            require_code("status", code, STATUSES[kind])
    require_code("category", category, lookups.codes(session, "issue_category"))
    require_code("direction", direction, ISSUE_DIRECTIONS)
    require_code("kind", activity_kind, ACTIVITY_KINDS)


def audited_entities() -> list[str]:
    """The names `history --entity` accepts: every recorded table, and the short names for some."""
    tables = set(Base.metadata.tables) - UNAUDITED_TABLES
    return sorted(tables | set(ENTITY_ALIASES))


def check_history_subject(session: Session, entity: str, entity_id: int) -> None:
    """The record exists, or did: a deleted record still has its history, a never-made one has none."""
    require_code("entity", entity, tuple(audited_entities()))
    table = table_name(entity)
    recorded = select(func.count()).where(AuditEntry.entity == table, AuditEntry.entity_id == entity_id)
    if session.execute(recorded).scalar_one() == 0:
        require_id(session, "id", table, entity_id, what=entity)
