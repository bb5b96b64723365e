"""Meeting papers and library resources: file bytes stored once by SHA-256 and verified when read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import AgendaItem, FileBlob, Group, Meeting, Paper, Resource
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.core.validation import TITLE_MAX, Check
from interface_desktop.vocab import RESOURCE_KIND_LABELS, RESOURCE_KINDS

MAX_FILE_BYTES = 50 * 1024 * 1024


class CorruptFileError(ServiceError):
    """Stored bytes no longer match their hash."""


@dataclass(frozen=True)
class PaperDTO:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    title: str
    filename: str
    size: int
    sha256: str
    added_at: datetime


@dataclass(frozen=True)
class ResourceDTO:
    id: int
    group_id: int | None
    kind: str
    title: str
    description: str
    filename: str
    size: int
    added_at: datetime

    @property
    def kind_label(self) -> str:
        return RESOURCE_KIND_LABELS[self.kind]


def read_source(path: Path | str) -> tuple[str, bytes]:
    """Read a user's file with size checks; errors name the file."""
    path = Path(path)
    check = Check()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            check.fail("file", f"{path.name} is {size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB")
            check.done()
        return path.name, path.read_bytes()
    except OSError as exc:
        check.fail("file", f"cannot read {path.name}: {exc.strerror or exc}")
        check.done()
        raise  # unreachable: done() raised


def store_blob(session: Session, data: bytes) -> int:
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalar(select(FileBlob.id).where(FileBlob.sha256 == digest))
    if existing is not None:
        return existing
    blob = FileBlob(sha256=digest, size=len(data), content=data)
    session.add(blob)
    session.flush()
    return blob.id


def read_blob(session: Session, blob_id: int) -> bytes:
    blob = get_or_raise(session, FileBlob, blob_id, "file")
    if hashlib.sha256(blob.content).hexdigest() != blob.sha256:
        raise CorruptFileError("the stored copy of this file is damaged (its checksum does not match)")
    return blob.content


def _check_file(check: Check, filename: str, data: bytes, title: str) -> str:
    if not filename.strip():
        check.fail("filename", "is required")
    if len(data) > MAX_FILE_BYTES:
        check.fail("file", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return check.text("title", title or Path(filename).stem, required=True, max_len=TITLE_MAX)


def add_paper(session: Session, *, meeting_id: int, filename: str, data: bytes, title: str = "",
              agenda_item_id: int | None = None) -> PaperDTO:
    get_or_raise(session, Meeting, meeting_id, "meeting")
    check = Check()
    title = _check_file(check, filename, data, title)
    if agenda_item_id is not None:
        item = session.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            check.fail("agenda_item_id", "is not an item of this meeting")
    check.done()
    position = (session.scalar(select(func.max(Paper.position)).where(Paper.meeting_id == meeting_id)) or 0) + 1
    paper = Paper(meeting_id=meeting_id, agenda_item_id=agenda_item_id, title=title, filename=Path(filename).name,
                  blob_id=store_blob(session, data), position=position)
    session.add(paper)
    session.flush()
    return _paper_dto(paper)


def _paper_dto(paper: Paper) -> PaperDTO:
    return PaperDTO(paper.id, paper.meeting_id, paper.agenda_item_id, paper.title, paper.filename, paper.blob.size,
                    paper.blob.sha256, paper.added_at)


def list_papers(session: Session, meeting_id: int) -> list[PaperDTO]:
    """Papers in agenda order (unattached papers last)."""
    query = (select(Paper).outerjoin(AgendaItem, AgendaItem.id == Paper.agenda_item_id)
             .where(Paper.meeting_id == meeting_id)
             .order_by(AgendaItem.position.is_(None), AgendaItem.position, Paper.position, Paper.id))
    return [_paper_dto(p) for p in session.scalars(query)]


def read_paper(session: Session, paper_id: int) -> tuple[str, bytes]:
    paper = get_or_raise(session, Paper, paper_id, "paper")
    return paper.filename, read_blob(session, paper.blob_id)


def update_paper(session: Session, paper_id: int, *, title: str | None = None,
                 agenda_item_id: int | None | str = "unchanged") -> PaperDTO:
    paper = get_or_raise(session, Paper, paper_id, "paper")
    check = Check()
    if title is not None:
        paper.title = check.text("title", title, required=True, max_len=TITLE_MAX)
    if agenda_item_id != "unchanged":
        item = session.get(AgendaItem, agenda_item_id) if agenda_item_id is not None else None
        if agenda_item_id is not None and (item is None or item.meeting_id != paper.meeting_id):
            check.fail("agenda_item_id", "is not an item of this meeting")
        else:
            paper.agenda_item_id = agenda_item_id  # type: ignore[assignment]
    check.done()
    session.flush()
    return _paper_dto(paper)


def delete_paper(session: Session, paper_id: int) -> None:
    session.delete(get_or_raise(session, Paper, paper_id, "paper"))
    session.flush()


def add_resource(session: Session, *, kind: str, filename: str, data: bytes, title: str = "",
                 description: str = "", group_id: int | None = None) -> ResourceDTO:
    check = Check()
    check.choice("kind", kind, RESOURCE_KINDS)
    title = _check_file(check, filename, data, title)
    description = check.text("description", description, max_len=5000)
    if group_id is not None and session.get(Group, group_id) is None:
        check.fail("group_id", f"no group with id {group_id}")
    check.done()
    resource = Resource(kind=kind, title=title, description=description, filename=Path(filename).name,
                        blob_id=store_blob(session, data), group_id=group_id)
    session.add(resource)
    session.flush()
    return _resource_dto(resource)


def _resource_dto(r: Resource) -> ResourceDTO:
    return ResourceDTO(r.id, r.group_id, r.kind, r.title, r.description, r.filename, r.blob.size, r.added_at)


def list_resources(session: Session, *, group_id: int | None = None, kind: str | None = None) -> list[ResourceDTO]:
    """The group's resources plus those shared by every group."""
    query = select(Resource)
    if group_id is not None:
        query = query.where((Resource.group_id == group_id) | Resource.group_id.is_(None))
    if kind:
        query = query.where(Resource.kind == kind)
    return [_resource_dto(r) for r in session.scalars(query.order_by(Resource.kind, Resource.title))]


def read_resource(session: Session, resource_id: int) -> tuple[str, bytes]:
    resource = get_or_raise(session, Resource, resource_id, "resource")
    return resource.filename, read_blob(session, resource.blob_id)


def delete_resource(session: Session, resource_id: int) -> None:
    session.delete(get_or_raise(session, Resource, resource_id, "resource"))
    session.flush()
