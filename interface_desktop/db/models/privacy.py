"""Decisions to keep a suspected patient identifier in a record, with the reason given."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from interface_desktop.db.base import Base, utcnow


class PrivacyException(Base):
    """A finding (by fingerprint, never the identifier itself) the user chose to keep in one field."""

    __tablename__ = "privacy_exception"
    __table_args__ = (
        UniqueConstraint("entity", "entity_id", "field", "digest"),
        Index(None, "entity", "entity_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))
    digest: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
