"""Relationship-building activities: work shadowing, shared learning, teaching, webinars, visits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import ACTIVITY_KINDS, PARTICIPANT_ROLES, SECTORS


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint(in_list("kind", ACTIVITY_KINDS), name="kind"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),
        Index(None, "group_id", "starts_on"),
        Index(None, "starts_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    host_department: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    participants: Mapped[list[ActivityParticipant]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityParticipant.id"
    )
    feedback: Mapped[list[ActivityFeedback]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityFeedback.id"
    )


class ActivityParticipant(Base):
    __tablename__ = "activity_participant"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id"),
        CheckConstraint(in_list("role", PARTICIPANT_ROLES), name="role"),
        Index(None, "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(12), default="attendee")
    reflection: Mapped[str] = mapped_column(Text, default="")
    activity: Mapped[Activity] = relationship(back_populates="participants")


class ActivityFeedback(Base):
    __tablename__ = "activity_feedback"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
        CheckConstraint("sector IS NULL OR " + in_list("sector", SECTORS), name="sector"),
        Index(None, "activity_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str | None] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, default="")
    activity: Mapped[Activity] = relationship(back_populates="feedback")
