"""The database's identity: one row, written when the schema is created, that its backups carry too."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from interface_desktop.db.base import Base, utcnow


class DatabaseIdentity(Base):
    """Tells two databases of the same file name apart (for example sharing one backup folder)."""

    __tablename__ = "database_identity"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
