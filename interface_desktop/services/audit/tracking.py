"""Session hooks that record every write in the audit trail and keep the search documents current."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, event, insert, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from interface_desktop.db.base import utcnow
from interface_desktop.db.models import (
    ActionNumber,
    AuditEntry,
    FileBlob,
    IssueMeeting,
    MinutesRecord,
    SearchDocument,
)
from interface_desktop.services.actions import references  # noqa: F401 - numbers new actions, starts their history
from interface_desktop.services.search import documents as search_docs
from interface_desktop.services.audit import cascade as tracking_cascade
from interface_desktop.services.audit.cascade import plain
from interface_desktop.services.core.common import os_user

# A minutes record holds the whole minutes: approving writes its own short entry instead (services.meetings.approval).
# An action number counter is told by the actions' own entries.
UNAUDITED = (AuditEntry, SearchDocument, FileBlob, MinutesRecord, ActionNumber)
SKIPPED_FIELDS = {"created_at", "updated_at"}


def _entity_id(obj: Any) -> int:
    if isinstance(obj, IssueMeeting):
        return obj.issue_id
    return obj.id


def _changes(obj: Any, operation: str) -> dict[str, list[Any]]:
    """Field -> [old, new] for the columns this operation touched."""
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in SKIPPED_FIELDS:
            continue
        if operation == "update":
            history = state.attrs[key].history
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if history.has_changes() and old != new:
                changes[key] = [plain(old), plain(new)]
            continue
        value = getattr(obj, key) if operation == "create" else state.attrs[key].loaded_value
        if value not in (None, "") and not isinstance(value, type(NO_VALUE)):
            changes[key] = [None, plain(value)] if operation == "create" else [plain(value), None]
    return changes


def _audit_rows(session: Session) -> list[dict[str, Any]]:
    user = session.info.get("audit_user") or os_user()
    now = utcnow()
    rows = []
    for operation, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            if isinstance(obj, UNAUDITED):
                continue
            if operation == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, operation)
            if operation == "update" and not changes:
                continue
            rows.append({
                "at": now, "user": user, "operation": operation, "entity": obj.__tablename__,
                "entity_id": _entity_id(obj), "changes": json.dumps(changes, ensure_ascii=False, default=str),
            })
    return rows


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: object, _instances: object) -> None:
    if session.info.get("tracking_disabled") or not session.deleted:
        return
    session.info.setdefault("pending_cascades", []).extend(tracking_cascade.pending_cascades(session))


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: object) -> None:
    session.info.pop("pending_cascades", None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: object) -> None:
    if session.info.get("tracking_disabled"):
        return
    connection = session.connection()
    rows = _audit_rows(session)
    pending = session.info.pop("pending_cascades", None)
    if pending:
        orm_deleted = {(obj.__tablename__, _entity_id(obj)) for obj in session.deleted}
        rows += tracking_cascade.audit_rows(pending, orm_deleted, session.info.get("audit_user") or os_user())
    if rows:
        connection.execute(insert(AuditEntry), rows)
    _update_search(session, connection)


def _update_search(session: Session, connection: Any) -> None:
    stale: set[tuple[str, int]] = set()
    fresh: list[dict[str, Any]] = []
    dirty = [obj for obj in session.dirty
             if search_docs.is_searched(obj) and search_docs.text_changed(obj, _changed_keys(obj))]
    for obj in [o for o in session.new if search_docs.is_searched(o)] + dirty:
        for doc in search_docs.documents_for(session, obj):
            stale.add((doc["kind"], doc["ref_id"]))
            if doc["title"] or doc["body"]:
                fresh.append(doc)
    for obj in session.deleted:
        for kind, ref_id in search_docs.keys_for(obj):
            stale.add((kind, ref_id))
    for kind, ref_id in stale:
        connection.execute(delete(SearchDocument).where(SearchDocument.kind == kind, SearchDocument.ref_id == ref_id))
    if fresh:
        connection.execute(insert(SearchDocument), fresh)


def _changed_keys(obj: Any) -> set[str]:
    state = inspect(obj)
    return {attr.key for attr in state.mapper.column_attrs if state.attrs[attr.key].history.has_changes()}


def record(session: Session, *, operation: str, entity: str, entity_id: int, changes: dict[str, Any]) -> None:
    """An explicit audit entry for events that are not plain field changes (unlocks, imports)."""
    session.add(AuditEntry(
        user=session.info.get("audit_user") or os_user(), operation=operation, entity=entity,
        entity_id=entity_id, changes=json.dumps(changes, ensure_ascii=False, default=str),
    ))

