"""Global search across meetings, minutes, actions, issues, SEAs, activities and people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from interface_desktop.db import sqlite_adapter
from interface_desktop.db.models import (
    Action, Activity, AgendaItem, InterfaceIssue, Meeting, Person, SearchDocument,
)
from interface_desktop.services.search import documents as search_docs

KIND_LABELS = {"meeting": "Meetings", "minutes": "Minutes", "action": "Actions", "issue": "Interface issues",
               "sea": "Significant event analyses", "activity": "Activities", "person": "People"}
KIND_ORDER = tuple(KIND_LABELS)
KIND_RANK = {kind: n for n, kind in enumerate(KIND_ORDER)}
WORD = re.compile(r"\w+", re.UNICODE)
# A word matching more documents than this ranks only the most recently written ones (see _fts_rows).
RANK_WINDOW = 1000
WINDOW_SQL = (f"SELECT rowid FROM {sqlite_adapter.FTS_TABLE} WHERE {sqlite_adapter.FTS_TABLE} MATCH :q "
              "ORDER BY rowid DESC LIMIT 1 OFFSET :skip")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_id: int
    title: str
    snippet: str
    group_id: int | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _snippet(body: str, words: list[str], width: int = 160) -> str:
    lower = body.lower()
    positions = [at for at in (lower.find(w.lower()) for w in words) if at >= 0]
    start = max(0, min(positions) - 40) if positions else 0
    piece = body[start:start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")


def search(session: Session, query: str, *, group_id: int | None = None, limit: int = 60) -> list[SearchHit]:
    """Every word must match (as a prefix); hits are grouped by kind in KIND_ORDER, best first."""
    words = WORD.findall(query)[:12]
    if not words:
        return []
    conn = session.connection()
    if _has_fts(conn):
        rows = _fts_rows(session, words, group_id, limit)
    else:
        rows = _plain_rows(session, words, group_id, limit)
    hits = [SearchHit(kind, ref_id, title, _snippet(body or title, words), gid)
            for kind, ref_id, title, body, gid in rows]
    return sorted(hits, key=lambda h: KIND_RANK[h.kind])


def _has_fts(conn: Connection) -> bool:
    """Asked once per database connection (`info` lives as long as the pooled connection), not per search."""
    if "has_fts" not in conn.info:
        conn.info["has_fts"] = sqlite_adapter.fts_available(conn)
    return conn.info["has_fts"]


def _fts_rows(session: Session, words: list[str], group_id: int | None, limit: int) -> list[tuple]:
    """Best matches by bm25 among the RANK_WINDOW most recently written matching documents.

    Ranking reads every candidate's statistics, so ranking all matches of a common word grows with the
    archive; its newest RANK_WINDOW matches are found in rowid order without ranking (rowids follow the
    order documents were written, as records are added and edited). When the window leaves fewer than
    `limit` hits (a narrow group filter), the older matches are ranked too.
    """
    match = sqlite_adapter.fts_query(words)
    floor = session.execute(text(WINDOW_SQL), {"q": match, "skip": RANK_WINDOW - 1}).scalar()
    rows = _ranked(session, match, group_id, limit, floor or 0)
    if floor and len(rows) < limit:
        rows = _ranked(session, match, group_id, limit, 0)
    return rows


def _ranked(session: Session, match: str, group_id: int | None, limit: int, floor: int) -> list[tuple]:
    group_clause = "AND (d.group_id = :group_id OR d.group_id IS NULL)" if group_id is not None else ""
    join = "JOIN search_document d ON d.id = f.rowid" if group_id is not None else ""
    fts = sqlite_adapter.FTS_TABLE
    # Only the best `limit` rows are joined to their (long) titles and bodies, not every candidate.
    sql = text(
        f"SELECT d.kind, d.ref_id, d.title, d.body, d.group_id FROM ("
        f"SELECT f.rowid AS id, bm25({fts}, 5.0, 1.0) AS score FROM {fts} f {join} "
        f"WHERE {fts} MATCH :q AND f.rowid >= :floor {group_clause} ORDER BY score LIMIT :limit"
        f") best JOIN search_document d ON d.id = best.id ORDER BY best.score"
    )
    params = {"q": match, "limit": limit, "group_id": group_id, "floor": floor}
    return [tuple(r) for r in session.execute(sql, params)]


def _plain_rows(session: Session, words: list[str], group_id: int | None, limit: int) -> list[tuple]:
    query = select(SearchDocument.kind, SearchDocument.ref_id, SearchDocument.title, SearchDocument.body,
                   SearchDocument.group_id)
    for word in words:
        like = f"%{word.lower()}%"
        query = query.where(or_(func.lower(SearchDocument.title).like(like),
                                func.lower(SearchDocument.body).like(like)))
    if group_id is not None:
        query = query.where(or_(SearchDocument.group_id == group_id, SearchDocument.group_id.is_(None)))
    return [tuple(r) for r in session.execute(query.limit(limit))]


def rebuild_index(session: Session, batch: int = 2000) -> int:
    """Recreates every search document from the records (after bulk loads or imports)."""
    session.execute(delete(SearchDocument))
    total = 0
    for model in (Meeting, AgendaItem, Action, InterfaceIssue, Activity, Person):
        offset = 0
        while True:
            objects = list(session.scalars(select(model).order_by(model.id).offset(offset).limit(batch)))
            if not objects:
                break
            rows = [d for obj in objects for d in search_docs.documents_for(session, obj) if d["title"] or d["body"]]
            if rows:
                session.execute(insert(SearchDocument), rows)
            total += len(rows)
            offset += batch
            session.expunge_all()
    session.flush()
    return total
