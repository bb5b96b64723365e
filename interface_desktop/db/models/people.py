"""Groups, people, memberships, standing agenda items and the configurable lookup lists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String,
    Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import BOARDS, GROUP_ROLES, LOOKUP_KINDS, SECTORS, STANDING_PLACEMENTS


class LookupValue(Base):
    """An entry of a configurable list; group_id NULL means the board-wide default list."""

    __tablename__ = "lookup_value"
    __table_args__ = (
        UniqueConstraint("kind", "group_id", "code"),
        CheckConstraint(in_list("kind", LOOKUP_KINDS), name="kind"),
        Index(None, "kind", "sort_order"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Group(Base):
    __tablename__ = "interface_group"
    __table_args__ = (
        CheckConstraint(in_list("board", tuple(BOARDS)), name="board"),
        CheckConstraint("quorum_gp >= 0 AND quorum_secondary >= 0 AND quorum_total >= 0", name="quorum"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    board: Mapped[str] = mapped_column(String(8))
    hscp: Mapped[str] = mapped_column(String(200), default="")
    terms_of_reference: Mapped[str] = mapped_column(Text, default="")
    quorum_gp: Mapped[int] = mapped_column(Integer, default=1)
    quorum_secondary: Mapped[int] = mapped_column(Integer, default=1)
    quorum_total: Mapped[int] = mapped_column(Integer, default=3)
    # Person roles (codes, comma-separated) that count as secondary-care clinicians towards the quorum;
    # empty: every clinical role (services.meetings.attendance.NON_CLINICAL_ROLES are not clinical).
    quorum_secondary_roles: Mapped[str] = mapped_column(String(300), default="")
    default_location: Mapped[str] = mapped_column(String(300), default="")
    default_duration: Mapped[int] = mapped_column(Integer, default=120)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    memberships: Mapped[list[Membership]] = relationship(back_populates="group", cascade="all, delete-orphan")
    standing_items: Mapped[list[GroupStandingItem]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupStandingItem.position"
    )


class GroupStandingItem(Base):
    """Template item copied into every new agenda; placement puts it before or after the business."""

    __tablename__ = "group_standing_item"
    __table_args__ = (
        CheckConstraint(in_list("placement", STANDING_PLACEMENTS), name="placement"),
        CheckConstraint("minutes >= 0", name="minutes"),
        Index(None, "group_id", "position"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    minutes: Mapped[int] = mapped_column(Integer, default=5)
    placement: Mapped[str] = mapped_column(String(8), default="start")
    group: Mapped[Group] = relationship(back_populates="standing_items")


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(in_list("sector", SECTORS), name="sector"),
        Index(None, "name"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(60))
    sector: Mapped[str] = mapped_column(String(12))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    memberships: Mapped[list[Membership]] = relationship(back_populates="person", cascade="all, delete-orphan")


class Membership(Base):
    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("group_id", "person_id"),
        CheckConstraint(in_list("group_role", GROUP_ROLES), name="group_role"),
        Index(None, "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    group_role: Mapped[str] = mapped_column(String(12), default="member")
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    group: Mapped[Group] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships")
