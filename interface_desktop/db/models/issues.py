"""Interface issues with their Significant Event Analysis, status history and meeting links."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String,
    Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import ISSUE_DIRECTIONS, ISSUE_STATUSES, SEA_HARM, SECTORS, SEVERITIES


class InterfaceIssue(Base):
    __tablename__ = "interface_issue"
    __table_args__ = (
        UniqueConstraint("reference"),
        UniqueConstraint("board", "year", "number"),
        CheckConstraint(in_list("direction", ISSUE_DIRECTIONS), name="direction"),
        CheckConstraint(in_list("status", ISSUE_STATUSES), name="status"),
        CheckConstraint(in_list("severity", SEVERITIES), name="severity"),
        CheckConstraint(in_list("raised_by_sector", SECTORS), name="raised_by_sector"),
        CheckConstraint("sea_harm IS NULL OR " + in_list("sea_harm", SEA_HARM), name="sea_harm"),
        CheckConstraint("sea_risk_grade IS NULL OR sea_risk_grade BETWEEN 1 AND 5", name="sea_risk_grade"),
        CheckConstraint("number > 0", name="number"),
        Index(None, "status", "category"),
        Index(None, "group_id", "status"),
        Index(None, "category"),
        Index(None, "raised_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(String(24))
    board: Mapped[str] = mapped_column(String(8))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    raised_on: Mapped[date] = mapped_column(Date)
    raised_by_role: Mapped[str] = mapped_column(String(60))
    raised_by_sector: Mapped[str] = mapped_column(String(12))
    raised_by_organisation: Mapped[str] = mapped_column(String(200), default="")
    direction: Mapped[str] = mapped_column(String(24))
    category: Mapped[str] = mapped_column(String(60))
    specialty: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(12), default="moderate")
    status: Mapped[str] = mapped_column(String(16), default="new")
    status_changed_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str] = mapped_column(Text, default="")
    learning: Mapped[str] = mapped_column(Text, default="")
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    has_sea: Mapped[bool] = mapped_column(Boolean, default=False)
    sea_what_happened: Mapped[str] = mapped_column(Text, default="")
    sea_why: Mapped[str] = mapped_column(Text, default="")
    sea_learned: Mapped[str] = mapped_column(Text, default="")
    sea_changed: Mapped[str] = mapped_column(Text, default="")
    sea_impact: Mapped[str] = mapped_column(Text, default="")
    sea_contributory_factors: Mapped[str] = mapped_column(Text, default="")
    sea_harm: Mapped[str | None] = mapped_column(String(16))
    sea_risk_grade: Mapped[int | None] = mapped_column(Integer)
    sea_learning_needs: Mapped[str] = mapped_column(Text, default="")
    sea_event_on: Mapped[date | None] = mapped_column(Date)
    # The SEA meeting: when it was held, who took part and who facilitated and wrote it up (roles, not patients).
    sea_meeting_on: Mapped[date | None] = mapped_column(Date)
    sea_participants: Mapped[str] = mapped_column(Text, default="")
    sea_facilitator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    status_changes: Mapped[list[IssueStatusChange]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueStatusChange.id"
    )


class IssueStatusChange(Base):
    __tablename__ = "issue_status_change"
    __table_args__ = (
        CheckConstraint(in_list("status", ISSUE_STATUSES), name="status"),
        Index(None, "issue_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("interface_issue.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    issue: Mapped[InterfaceIssue] = relationship(back_populates="status_changes")


class IssueMeeting(Base):
    """An issue discussed at a meeting."""

    __tablename__ = "issue_meeting"
    __table_args__ = (Index(None, "meeting_id"),)
    issue_id: Mapped[int] = mapped_column(ForeignKey("interface_issue.id", ondelete="CASCADE"), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
