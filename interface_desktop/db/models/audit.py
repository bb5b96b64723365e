"""The append-only audit trail and the plain-table search documents (FTS5 indexes them on SQLite)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import AUDIT_OPERATIONS


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (
        CheckConstraint(in_list("operation", AUDIT_OPERATIONS), name="operation"),
        Index(None, "entity", "entity_id"),
        Index(None, "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120))
    operation: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text, default="{}")


class SearchDocument(Base):
    """One searchable record: kind + ref_id name it; title and body are what is matched."""

    __tablename__ = "search_document"
    __table_args__ = (UniqueConstraint("kind", "ref_id"), Index(None, "group_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int] = mapped_column(Integer)
    group_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
