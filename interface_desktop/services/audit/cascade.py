"""Audit entries for rows the database itself removes or clears (ON DELETE CASCADE / SET NULL).

Those rows never pass through the ORM, so before a flush deletes a record, the rows that reference it
are read, recursively, and recorded as deletes (or, for SET NULL, as updates) once the flush is done.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from interface_desktop.db.base import Base, utcnow

UNAUDITED_TABLES = {"audit_entry", "search_document", "file_blob"}
SKIPPED_FIELDS = {"created_at", "updated_at"}


def _row_id(table: Table, row: Any) -> int:
    if table.name == "issue_meeting":
        return row.issue_id
    return getattr(row, "id", None) or row[0]


def plain(value: Any) -> Any:
    """A JSON-friendly form of a column value for the audit trail."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _referencing(table: Table) -> list[tuple[Table, str, str, str]]:
    """(child table, child column, parent column, ondelete) for each foreign key pointing at `table`."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"):
                found.append((child, fk.parent.name, fk.column.name, fk.ondelete.upper()))
    return found


def _collect(conn: Connection, table: Table, rows: list[Any], out: list[dict[str, Any]], seen: set) -> None:
    for child, column, parent_column, ondelete in _referencing(table):
        keys = [getattr(r, parent_column) for r in rows]
        if not keys:
            continue
        children = conn.execute(select(child).where(child.c[column].in_(keys))).all()
        for row in children:
            key = (child.name, _row_id(child, row), ondelete)
            if key in seen or child.name in UNAUDITED_TABLES:
                continue
            seen.add(key)
            if ondelete == "SET NULL":
                changes = {column: [plain(getattr(row, column)), None]}
                out.append({"entity": child.name, "entity_id": key[1], "operation": "update", "changes": changes})
                continue
            changes = {c: [plain(v), None] for c, v in row._mapping.items()
                       if c not in SKIPPED_FIELDS and v not in (None, "")}
            out.append({"entity": child.name, "entity_id": key[1], "operation": "delete", "changes": changes})
        cascaded = [r for r in children if ondelete == "CASCADE"]
        if cascaded:
            _collect(conn, child, cascaded, out, seen)


def pending_cascades(session: Session) -> list[dict[str, Any]]:
    """Before a flush: what the database will remove or clear alongside the records being deleted."""
    deleted = [obj for obj in session.deleted if obj.__tablename__ not in UNAUDITED_TABLES]
    if not deleted:
        return []
    conn = session.connection()
    out: list[dict[str, Any]] = []
    seen: set = set()
    for obj in deleted:
        table = inspect(obj).mapper.local_table
        row = conn.execute(select(table).where(*[c == getattr(obj, c.key) for c in table.primary_key])).first()
        if row is not None:
            _collect(conn, table, [row], out, seen)
    return out


def audit_rows(pending: list[dict[str, Any]], orm_deleted: set[tuple[str, int]], user: str) -> list[dict[str, Any]]:
    """Audit rows for the cascades, leaving out the records the ORM deleted (and audited) itself."""
    now = utcnow()
    return [{"at": now, "user": user, "operation": p["operation"], "entity": p["entity"], "entity_id": p["entity_id"],
             "changes": json.dumps(p["changes"], ensure_ascii=False, default=str)}
            for p in pending if (p["entity"], p["entity_id"]) not in orm_deleted]
