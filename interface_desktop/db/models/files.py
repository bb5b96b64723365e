"""File content stored once by hash, meeting papers, and the group's resource library."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint, DateTime, ForeignKey, Index, Integer, LargeBinary, String,
    Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from interface_desktop.db.base import Base, in_list, utcnow
from interface_desktop.vocab import RESOURCE_KINDS


class FileBlob(Base):
    """Content-addressed file bytes; the hash is checked on every read."""

    __tablename__ = "file_blob"
    __table_args__ = (UniqueConstraint("sha256"), CheckConstraint("size >= 0", name="size"))
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Paper(Base):
    __tablename__ = "paper"
    __table_args__ = (Index(None, "meeting_id", "position"), Index(None, "agenda_item_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(300))
    blob_id: Mapped[int] = mapped_column(ForeignKey("file_blob.id", ondelete="RESTRICT"))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    blob: Mapped[FileBlob] = relationship()


class Resource(Base):
    """A library document; group_id NULL means it is shared by every group."""

    __tablename__ = "resource"
    __table_args__ = (
        CheckConstraint(in_list("kind", RESOURCE_KINDS), name="kind"),
        Index(None, "group_id", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("interface_group.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(300))
    blob_id: Mapped[int] = mapped_column(ForeignKey("file_blob.id", ondelete="RESTRICT"))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    blob: Mapped[FileBlob] = relationship()
