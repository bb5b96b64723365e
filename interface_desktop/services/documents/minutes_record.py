"""The minutes of record read back: a meeting's frozen versions, and the approvals given at a meeting (what
its own minutes say under the previous minutes). services.meetings.approval writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Meeting, MinutesRecord


@dataclass(frozen=True)
class RecordDTO:
    """One frozen version of a meeting's minutes."""

    id: int
    meeting_id: int
    version: int
    approved_on: date
    approved_at_meeting_id: int | None
    amendments: str
    content: str
    sha256: str
    changes: str
    reason: str
    user: str
    created_at: datetime

    @property
    def short_hash(self) -> str:
        return self.sha256[:8]


def _dto(r: MinutesRecord) -> RecordDTO:
    return RecordDTO(r.id, r.meeting_id, r.version, r.approved_on, r.approved_at_meeting_id, r.amendments,
                     r.content, r.sha256, r.changes, r.reason, r.user, r.created_at)


def versions(session: Session, meeting_id: int) -> list[RecordDTO]:
    """Every frozen version of the meeting's minutes, the first approval first."""
    rows = session.scalars(select(MinutesRecord).where(MinutesRecord.meeting_id == meeting_id)
                           .order_by(MinutesRecord.version))
    return [_dto(r) for r in rows]


def latest(session: Session, meeting_id: int) -> RecordDTO | None:
    row = session.scalars(select(MinutesRecord).where(MinutesRecord.meeting_id == meeting_id)
                          .order_by(MinutesRecord.version.desc()).limit(1)).first()
    return _dto(row) if row is not None else None


def printed_ids(session: Session, meeting_id: int) -> list[int]:
    """The versions whose amendments the meeting's minutes may print: those of its own minutes and of the
    minutes approved at it. Every version, not only the latest: locking corrected minutes again carries the
    approval's amendments into the new version."""
    return list(session.scalars(select(MinutesRecord.id).where(
        (MinutesRecord.meeting_id == meeting_id) | (MinutesRecord.approved_at_meeting_id == meeting_id))
        .order_by(MinutesRecord.id)))


def approving_meeting_start(session: Session, record: RecordDTO) -> datetime | None:
    at = session.get(Meeting, record.approved_at_meeting_id) if record.approved_at_meeting_id else None
    return at.starts_at if at else None


def approved_at(session: Session, meeting_id: int) -> list[tuple[datetime, str]]:
    """(meeting start, amendments) of the minutes approved at this meeting, as their latest versions record it,
    earliest meeting first."""
    newest = (select(MinutesRecord.meeting_id, func.max(MinutesRecord.version).label("version"))
              .group_by(MinutesRecord.meeting_id).subquery())
    rows = session.execute(
        select(Meeting.starts_at, MinutesRecord.amendments)
        .join(newest, (newest.c.meeting_id == MinutesRecord.meeting_id) & (newest.c.version == MinutesRecord.version))
        .join(Meeting, Meeting.id == MinutesRecord.meeting_id)
        .where(MinutesRecord.approved_at_meeting_id == meeting_id).order_by(Meeting.starts_at))
    return list(rows.tuples())
