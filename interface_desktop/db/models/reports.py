"""What a group's lead writes for a report period: the narrative the quarterly report prints."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from interface_desktop.db.base import Base, utcnow


class ReportNarrative(Base):
    """One text per group and period; the report on every group keeps its own under no group."""

    __tablename__ = "report_narrative"
    __table_args__ = (
        UniqueConstraint("group_id", "date_from", "date_to"),
        CheckConstraint("date_to >= date_from", name="period"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
