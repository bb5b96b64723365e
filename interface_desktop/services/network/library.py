"""The network library: other groups' digests, imported read-only, and the learning they carry with its origin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import NetworkDigest, NetworkItem
from interface_desktop.services.core.validation import Check
from interface_desktop.services.network.package import ReadDigest
from interface_desktop.vocab import BOARDS, LEARNING_KIND_LABELS, THEME_LABELS, THEMES


@dataclass(frozen=True)
class ImportOutcome:
    name: str
    status: str  # "added", "replaced", "unchanged" or "older"
    items: int
    stages_moved: int

    @property
    def message(self) -> str:
        return {
            "added": f"{self.name}: added {self.items} shared records",
            "replaced": f"{self.name}: replaced the group's earlier digest for this period ({self.items} records)",
            "unchanged": f"{self.name}: already in the library; nothing changed",
            "older": f"{self.name}: the library holds a newer digest of this group for this period; nothing changed",
        }[self.status] + (f", {self.stages_moved} earlier records moved on a stage" if self.stages_moved else "")


@dataclass(frozen=True)
class LearningRow:
    """One shared record, always with where it came from."""

    id: int
    board: str
    board_name: str
    group: str
    period_from: date
    period_to: date
    kind: str
    kind_label: str
    theme: str
    theme_label: str
    reference: str
    title: str
    stage: str
    direction: str
    category: str


def _digest_row(digest: ReadDigest) -> NetworkDigest:
    manifest = digest.manifest
    source, period, lead = manifest["source"], manifest["period"], manifest["lead"] or {}
    return NetworkDigest(
        digest_uid=manifest["digest_id"], format_version=manifest["version"], source_key=source["key"],
        database_identity=source["database_identity"], group_name=source["group"], board=source["board"],
        hscp=source["hscp"], period_from=date.fromisoformat(period["from"]),
        period_to=date.fromisoformat(period["to"]), created_at=datetime.fromisoformat(manifest["created_at"]),
        lead_name=lead.get("name", ""), lead_role=lead.get("role", ""),
        lead_organisation=lead.get("organisation", ""), lead_email=lead.get("email", ""),
        file_sha256=digest.file_sha256, summary_pdf=digest.summary_pdf)


def _item_values(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "key"}


def _store_items(session: Session, row: NetworkDigest, items: list[dict]) -> int:
    """Adds the digest's records; a record the group shared before is updated where it is. Returns how many
    earlier records moved on a stage."""
    keys = [item["key"] for item in items]
    earlier = {i.item_key: i for i in session.scalars(select(NetworkItem).where(
        NetworkItem.source_key == row.source_key, NetworkItem.item_key.in_(keys)))}
    moved = 0
    for item in items:
        known = earlier.get(item["key"])
        if known is None:
            session.add(NetworkItem(digest_id=row.id, source_key=row.source_key, item_key=item["key"],
                                    **_item_values(item)))
            continue
        moved += known.stage != item["stage"]
        for key, value in _item_values(item).items():
            setattr(known, key, value)
    return moved


def import_digest(session: Session, digest: ReadDigest) -> ImportOutcome:
    """Stores one checked digest. The same digest again changes nothing; a newer digest of the same group for an
    overlapping period replaces the older one; records shared before are brought up to date (their stage)."""
    manifest = digest.manifest
    if session.scalar(select(NetworkDigest.id).where(NetworkDigest.digest_uid == manifest["digest_id"])):
        return ImportOutcome(digest.name, "unchanged", 0, 0)
    row = _digest_row(digest)
    overlapping = list(session.scalars(select(NetworkDigest).where(
        NetworkDigest.source_key == row.source_key, NetworkDigest.period_from <= row.period_to,
        NetworkDigest.period_to >= row.period_from)))
    if any(old.created_at >= row.created_at for old in overlapping):
        return ImportOutcome(digest.name, "older", 0, 0)
    if overlapping:
        ids = [old.id for old in overlapping]
        session.execute(delete(NetworkItem).where(NetworkItem.digest_id.in_(ids)))
        session.execute(delete(NetworkDigest).where(NetworkDigest.id.in_(ids)))
    session.add(row)
    session.flush()
    moved = _store_items(session, row, digest.items)
    session.flush()
    return ImportOutcome(digest.name, "replaced" if overlapping else "added", len(digest.items), moved)


def import_digests(session: Session, digests: list[ReadDigest]) -> list[ImportOutcome]:
    """Stores digests already checked in full, oldest first, so a later one always wins."""
    ordered = sorted(digests, key=lambda d: d.manifest["created_at"])
    return [import_digest(session, digest) for digest in ordered]


def list_learning(session: Session, *, theme: str | None = None, board: str | None = None) -> list[LearningRow]:
    """Every shared record in the library, newest period first, optionally of one theme or board."""
    check = Check()
    if theme is not None:
        check.choice("theme", theme, THEMES)
    if board is not None:
        check.choice("board", board, tuple(BOARDS))
    check.done()
    query = select(NetworkItem, NetworkDigest).join(NetworkDigest, NetworkItem.digest_id == NetworkDigest.id)
    if theme is not None:
        query = query.where(NetworkItem.theme == theme)
    if board is not None:
        query = query.where(NetworkDigest.board == board)
    query = query.order_by(NetworkDigest.period_to.desc(), NetworkDigest.board, NetworkItem.id)
    return [LearningRow(item.id, d.board, BOARDS.get(d.board, d.board), d.group_name, d.period_from, d.period_to,
                        item.kind, LEARNING_KIND_LABELS[item.kind], item.theme, THEME_LABELS[item.theme],
                        item.reference, item.title, item.stage, item.direction, item.category)
            for item, d in session.execute(query)]
