"""Writes the whole database, or one group, as an interchange document (see interchange_schema)."""

from __future__ import annotations

import base64
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.base import utcnow
from interface_desktop.db.models import FileBlob, Group, IssueMeeting, LookupValue, Person
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.interchange.schema import FORMAT, PEOPLE, SEA_FIELDS, TOP_LEVEL, VERSION, F, Kind


class _Export:
    def __init__(self, session: Session, group_id: int | None) -> None:
        self.session = session
        self.group_id = group_id
        self.rows: dict[str, list[Any]] = {}
        self.children: dict[tuple[str, str], dict[int, list[Any]]] = {}
        self.refs: dict[str, dict[int, str]] = defaultdict(dict)
        self.blob_ids: list[int] = []
        self.issue_meetings: dict[int, list[int]] = defaultdict(list)

    def load(self) -> None:
        for kind in TOP_LEVEL:
            if kind is not PEOPLE:
                self.rows[kind.key] = list(self.session.scalars(self._top_query(kind)))
                self._load_children(kind, self.rows[kind.key])
        self.rows[PEOPLE.key] = self._people()
        for kind in TOP_LEVEL:
            self._assign_refs(kind, self.rows[kind.key])
        links = select(IssueMeeting.issue_id, IssueMeeting.meeting_id).order_by(IssueMeeting.issue_id,
                                                                                 IssueMeeting.meeting_id)
        for issue_id, meeting_id in self.session.execute(links):
            self.issue_meetings[issue_id].append(meeting_id)

    def _top_query(self, kind: Kind):  # noqa: ANN202 - a Select
        model = kind.model
        query = select(model).order_by(model.id)
        if model is LookupValue:
            return query.where(LookupValue.group_id.is_(None))
        if self.group_id is None:
            return query
        if model is Group:
            return query.where(Group.id == self.group_id)
        return query.where(model.group_id == self.group_id)

    def _load_children(self, kind: Kind, parents: list[Any]) -> None:
        ids = [p.id for p in parents]
        for child in kind.children:
            fk = getattr(child.model, child.parent_fk)
            query = select(child.model).order_by(fk, getattr(child.model, child.order), child.model.id)
            if self.group_id is not None:
                query = query.where(fk.in_(ids))
            grouped: dict[int, list[Any]] = defaultdict(list)
            for row in self.session.scalars(query):
                grouped[getattr(row, child.parent_fk)].append(row)
            self.children[(kind.key, child.key)] = grouped
            self._load_children(child, [row for rows in grouped.values() for row in rows])

    def _people(self) -> list[Person]:
        """Everyone, or for one group everyone its records mention (members, chairs, owners, ...)."""
        query = select(Person).order_by(Person.id)
        if self.group_id is None:
            return list(self.session.scalars(query))
        wanted: set[int] = set()
        for kind in TOP_LEVEL:
            if kind is not PEOPLE:
                self._mentioned_people(kind, self.rows[kind.key], wanted)
        return list(self.session.scalars(query.where(Person.id.in_(wanted)))) if wanted else []

    def _mentioned_people(self, kind: Kind, rows: list[Any], wanted: set[int]) -> None:
        for f in kind.fields:
            if f.kind == "ref" and f.target == "person":
                wanted.update(getattr(row, f.column) for row in rows if getattr(row, f.column) is not None)
        for child in kind.children:
            grouped = self.children[(kind.key, child.key)]
            self._mentioned_people(child, [r for row in rows for r in grouped.get(row.id, [])], wanted)

    def _assign_refs(self, kind: Kind, rows: list[Any]) -> None:
        for row in rows:
            if kind.prefix:
                self.refs[kind.prefix][row.id] = f"{kind.prefix}-{len(self.refs[kind.prefix]) + 1}"
        for child in kind.children:
            grouped = self.children[(kind.key, child.key)]
            self._assign_refs(child, [r for row in rows for r in grouped.get(row.id, [])])

    def record(self, kind: Kind, row: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"ref": self.refs[kind.prefix][row.id]} if kind.prefix else {}
        for f in kind.fields:
            out[f.name] = self.value(row, f)
        for child in kind.children:
            out[child.key] = [self.record(child, c) for c in self.children[(kind.key, child.key)].get(row.id, [])]
        return out

    def value(self, row: Any, f: F) -> Any:
        if f.kind == "sea":
            return {s.name: self.value(row, F(s.name, s.kind, attr="sea_" + s.name)) for s in SEA_FIELDS} \
                if row.has_sea else None
        if f.kind == "refs":
            return [self.refs["meeting"][m] for m in self.issue_meetings.get(row.id, []) if m in self.refs["meeting"]]
        value = getattr(row, f.column)
        if f.kind == "ref":
            return self.refs[f.target].get(value) if value is not None else None
        if f.kind == "file":
            if value not in self.blob_ids:
                self.blob_ids.append(value)
            return self.session.get(FileBlob, value).sha256  # type: ignore[union-attr]
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        if isinstance(value, date):
            return value.isoformat()
        if f.kind == "text" and value is None:
            return ""
        return value

    def files(self) -> list[dict[str, Any]]:
        result = []
        for blob_id in self.blob_ids:
            blob = self.session.get(FileBlob, blob_id)
            assert blob is not None
            result.append({"sha256": blob.sha256, "size": blob.size,
                           "content_base64": base64.b64encode(blob.content).decode("ascii")})
        return result


def export_data(session: Session, *, group_id: int | None = None) -> dict[str, Any]:
    """The interchange document: every record of the database, or of one group (with the people it mentions)."""
    scope: Any = "all"
    if group_id is not None:
        scope = {"group": get_or_raise(session, Group, group_id, "group").name}
    export = _Export(session, group_id)
    export.load()
    from interface_desktop import __version__

    document: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                                "exported_at": utcnow().isoformat(timespec="seconds") + "Z",
                                "app_version": __version__, "scope": scope}
    for kind in TOP_LEVEL:
        document[kind.key] = [export.record(kind, row) for row in export.rows[kind.key]]
    document["files"] = export.files()
    return document
