"""Meetings with their agenda, attendance, and the actions that come out of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import (
    ACTION_STATUSES,
    AGENDA_KINDS,
    ATTENDANCE_STATUSES,
    MEETING_STATUSES,
    MINUTES_STATUSES,
)


class Meeting(Base):
    """starts_at is the local wall-clock time of the meeting (what appears in the minutes)."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint(in_list("status", MEETING_STATUSES), name="status"),
        CheckConstraint(in_list("minutes_status", MINUTES_STATUSES), name="minutes_status"),
        CheckConstraint("duration_minutes > 0", name="duration"),
        Index(None, "group_id", "starts_at"),
        Index(None, "starts_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    # When the chair closed the meeting (the minutes' "The meeting closed at 15:52"); None until recorded.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    location: Mapped[str] = mapped_column(String(300), default="")
    call_link: Mapped[str] = mapped_column(String(500), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    minute_taker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default="planned")
    minutes_status: Mapped[str] = mapped_column(String(12), default="draft")
    minutes_approved_on: Mapped[date | None] = mapped_column(Date)
    minutes_unlocked: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(back_populates="meeting", cascade="all, delete-orphan")


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint(in_list("kind", AGENDA_KINDS), name="kind"),
        CheckConstraint("minutes_allotted >= 0", name="minutes_allotted"),
        Index(None, "meeting_id", "position"),
        Index(None, "issue_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    minutes_allotted: Mapped[int] = mapped_column(Integer, default=10)
    kind: Mapped[str] = mapped_column(String(12), default="discussion")
    discussion: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("interface_issue.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        CheckConstraint(in_list("status", ATTENDANCE_STATUSES), name="status"),
        Index(None, "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="present")
    is_guest: Mapped[bool] = mapped_column(default=False)
    declaration: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")


class Action(Base):
    """An action; RAG is derived from status and due date, never stored."""

    __tablename__ = "action"
    __table_args__ = (
        CheckConstraint(in_list("status", ACTION_STATUSES), name="status"),
        CheckConstraint("carried_forward >= 0", name="carried_forward"),
        Index(None, "status", "due_on"),
        Index(None, "owner_id", "status"),
        Index(None, "group_id", "status", "due_on"),
        Index(None, "meeting_id"),
        Index(None, "issue_id"),
        Index(None, "due_on"),
        UniqueConstraint("group_id", "reference"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    # The action's number everywhere it is shown (A-2026-014): given once, when it is first saved.
    reference: Mapped[str] = mapped_column(String(20))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("interface_issue.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open")
    completed_on: Mapped[date | None] = mapped_column(Date)
    carried_forward: Mapped[int] = mapped_column(Integer, default=0)
    last_carried_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionUpdate.on_date"
    )
    # The database removes the history with its action (ON DELETE CASCADE); the ORM need not load it first.
    status_changes: Mapped[list[ActionStatusChange]] = relationship(
        cascade="all", passive_deletes=True, order_by="ActionStatusChange.id"
    )


class ActionNumber(Base):
    """The last action number given in a group in a year: a number is never given twice, not even once the
    action that had it is deleted."""

    __tablename__ = "action_number"
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class ActionStatusChange(Base):
    """An action's status from a day on: the action log as it stood on any day is read from these."""

    __tablename__ = "action_status_change"
    __table_args__ = (
        CheckConstraint(in_list("status", ACTION_STATUSES), name="status"),
        Index(None, "action_id", "changed_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12))
    changed_on: Mapped[date] = mapped_column(Date)


class ActionUpdate(Base):
    __tablename__ = "action_update"
    __table_args__ = (Index(None, "action_id", "on_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))
    on_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    action: Mapped[Action] = relationship(back_populates="updates")


class MinutesRecord(Base):
    """Approved minutes as they were printed, one version per approval; a version is never changed.

    `content` is the minutes document as canonical JSON and `sha256` its digest; `changes` says what
    differs from the version before and `reason` why the minutes were unlocked for it.
    """

    __tablename__ = "minutes_record"
    __table_args__ = (
        UniqueConstraint("meeting_id", "version"),
        Index(None, "approved_at_meeting_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    approved_on: Mapped[date] = mapped_column(Date)
    approved_at_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    amendments: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    changes: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
