"""The learning network: national themes of a group's categories and items, and the library of other groups' digests.

The library tables hold what other groups shared, apart from this database's own records, and are written only by
a digest import: shared learning is read-only here and always carries where it came from.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import LEARNING_KINDS, LEARNING_STAGES, THEMES


class ThemeMapping(Base):
    """A category's national theme: the board-wide choice (no group) or one group's own."""

    __tablename__ = "theme_mapping"
    __table_args__ = (
        UniqueConstraint("group_id", "category"),
        CheckConstraint(in_list("theme", THEMES), name="theme"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(60))
    theme: Mapped[str] = mapped_column(String(24))


class ShareTheme(Base):
    """The theme a person confirmed for one issue or activity before it was shared."""

    __tablename__ = "share_theme"
    __table_args__ = (
        UniqueConstraint("issue_id"),
        UniqueConstraint("activity_id"),
        CheckConstraint(in_list("theme", THEMES), name="theme"),
        CheckConstraint("(issue_id IS NULL) <> (activity_id IS NULL)", name="one_record"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("interface_issue.id", ondelete="CASCADE"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    theme: Mapped[str] = mapped_column(String(24))
    user: Mapped[str] = mapped_column(String(120), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NetworkDigest(Base):
    """One imported digest: who shared it (board, group, database), for which period, and its summary."""

    __tablename__ = "network_digest"
    __table_args__ = (
        UniqueConstraint("digest_uid"),
        Index(None, "source_key"),
        Index(None, "board"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    digest_uid: Mapped[str] = mapped_column(String(36))
    format_version: Mapped[int] = mapped_column(Integer)
    source_key: Mapped[str] = mapped_column(String(300))
    database_identity: Mapped[str] = mapped_column(String(36), default="")
    group_name: Mapped[str] = mapped_column(String(200))
    board: Mapped[str] = mapped_column(String(8))
    hscp: Mapped[str] = mapped_column(String(200), default="")
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    lead_name: Mapped[str] = mapped_column(String(200), default="")
    lead_role: Mapped[str] = mapped_column(String(120), default="")
    lead_organisation: Mapped[str] = mapped_column(String(200), default="")
    lead_email: Mapped[str] = mapped_column(String(200), default="")
    file_sha256: Mapped[str] = mapped_column(String(64))
    summary_pdf: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[NetworkItem]] = relationship(back_populates="digest", cascade="all, delete-orphan",
                                                    passive_deletes=True)


class NetworkItem(Base):
    """One shared record of another group, as its digest carried it; kept once per (source, item)."""

    __tablename__ = "network_item"
    __table_args__ = (
        UniqueConstraint("source_key", "item_key"),
        CheckConstraint(in_list("kind", LEARNING_KINDS), name="kind"),
        CheckConstraint(in_list("stage", LEARNING_STAGES), name="stage"),
        CheckConstraint(in_list("theme", THEMES), name="theme"),
        Index(None, "digest_id"),
        Index(None, "theme"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("network_digest.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(300))
    item_key: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))
    reference: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(24))
    theme_confirmed: Mapped[bool] = mapped_column(default=False)
    direction: Mapped[str] = mapped_column(String(24), default="")
    category: Mapped[str] = mapped_column(String(120), default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    what_was_done: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    learned: Mapped[str] = mapped_column(Text, default="")
    changed: Mapped[str] = mapped_column(Text, default="")
    activity_kind: Mapped[str] = mapped_column(String(20), default="")
    feedback_average: Mapped[float | None] = mapped_column(Float)
    feedback_count: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(16))
    raised_on: Mapped[date | None] = mapped_column(Date)
    stage_on: Mapped[date | None] = mapped_column(Date)
    quality_flags: Mapped[str] = mapped_column(String(120), default="")

    digest: Mapped[NetworkDigest] = relationship(back_populates="items")
