"""JSON interchange of the whole database or one group: export, read, validate, and import in one transaction.

Import rules (documented for users in the README):
- groups are added, never merged: a group whose name is already in the database refuses the whole file;
- people are matched to existing people by name and e-mail (or name and organisation when either has no
  e-mail) and reused unchanged; everyone else is added;
- list entries (categories, specialties, roles) are added when missing and existing ones are kept;
- an issue reference already used in the database is given the next free number, and the summary says so;
- files are stored once by their sha256.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import InterfaceIssue, IssueMeeting, LookupValue, Person
from interface_desktop.services.core import safe_files
from interface_desktop.services.audit import tracking
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.documents.files import store_blob
from interface_desktop.services.interchange.check import REFERENCE, InterchangeError, check_document
from interface_desktop.services.interchange.export import export_data
from interface_desktop.services.interchange.schema import PEOPLE, SEA_FIELDS, TOP_LEVEL, Kind
from interface_desktop.services.issues.issues import next_reference

MAX_IMPORT_BYTES = 1024 * 1024 * 1024
SINGULAR = {"people": "person", "groups": "group", "issues": "issue", "meetings": "meeting", "actions": "action",
            "activities": "activity", "resources": "resource"}


@dataclass(frozen=True)
class ImportSummary:
    added: dict[str, int]
    people_matched: int
    lookups_added: int
    renumbered: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        parts = [f"{count} {key if count != 1 else SINGULAR[key]}" for key, count in self.added.items() if count]
        text = "Imported " + (", ".join(parts) if parts else "nothing new")
        if self.people_matched:
            text += f"; {self.people_matched} people were already here and were reused"
        if self.renumbered:
            text += "; issue references renumbered: " + ", ".join(f"{a} → {b}" for a, b in self.renumbered)
        return text + "."


def read_document(path: Path | str) -> dict[str, Any]:
    """Parse a data file within the size and nesting limits; problems name the file and, for broken JSON,
    the line and column."""
    try:
        return safe_files.read_json(path, max_bytes=MAX_IMPORT_BYTES)
    except safe_files.UnsafeFileError as exc:
        raise InterchangeError("", str(exc)) from None


def write_document(document: dict[str, Any], path: Path | str) -> int:
    """Write atomically: a temporary file beside the target, flushed, then renamed over it. Returns bytes."""
    path = Path(path)
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InterchangeError("", f"cannot write {path}: {exc.strerror or exc}") from None
    return len(data)


class _Import:
    def __init__(self, session: Session, checked: Any) -> None:
        self.session = session
        self.checked = checked
        self.ids: dict[str, dict[str, int]] = defaultdict(dict)
        self.blobs: dict[str, int] = {}
        self.added: dict[str, int] = {}
        self.people_matched = 0
        self.lookups_added = 0
        self.renumbered: list[tuple[str, str]] = []

    def run(self) -> ImportSummary:
        self.blobs = {sha: store_blob(self.session, data) for sha, data in self.checked.files.items()}
        self._lookups(self.checked.records["lookups"], None)
        self._people(self.checked.records["people"])
        for kind in TOP_LEVEL[2:]:
            rows = self.checked.records[kind.key]
            self._write(kind, rows, {})
            self.added[kind.key] = len(rows)
        self._issue_meetings()
        return ImportSummary(self.added, self.people_matched, self.lookups_added, tuple(self.renumbered))

    def _lookups(self, rows: list[dict[str, Any]], group_id: int | None) -> None:
        for row in rows:
            exists = self.session.scalar(select(LookupValue.id).where(
                LookupValue.kind == row["kind"], LookupValue.code == row["code"],
                LookupValue.group_id.is_(None) if group_id is None else LookupValue.group_id == group_id))
            if exists is None:
                self.session.add(LookupValue(group_id=group_id, kind=row["kind"], code=row["code"], label=row["label"],
                                             sort_order=row["sort_order"] or 0, active=row["active"] is not False))
                self.lookups_added += 1
        self.session.flush()

    def _people(self, rows: list[dict[str, Any]]) -> None:
        created = []
        for row in rows:
            match = self._existing_person(row)
            if match is not None:
                self.ids["person"][row["ref"]] = match
                self.people_matched += 1
                continue
            person = Person(**self._columns(PEOPLE, row))
            self.session.add(person)
            created.append((row["ref"], person))
        self.session.flush()
        for ref, person in created:
            self.ids["person"][ref] = person.id
        self.added["people"] = len(created)

    def _existing_person(self, row: dict[str, Any]) -> int | None:
        """Same name, and the same e-mail; or the same organisation when either has no e-mail."""
        candidates = self.session.scalars(select(Person).where(func.lower(Person.name) == row["name"].strip().lower())
                                          .order_by(Person.id))
        for person in candidates:
            if person.email and row["email"]:
                if person.email.lower() == row["email"].strip().lower():
                    return person.id
            elif person.organisation.strip().lower() == row["organisation"].strip().lower():
                return person.id
        return None

    def _columns(self, kind: Kind, row: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for f in kind.fields:
            value = row[f.name]
            if f.kind == "ref":
                values[f.column] = self.ids[f.target][value] if value else None
            elif f.kind == "file":
                values[f.column] = self.blobs[value]
            elif f.kind == "sea":
                values["has_sea"] = value is not None
                for s in SEA_FIELDS:
                    values["sea_" + s.name] = (value or {}).get(s.name, None if s.kind != "text" else "")
            elif f.kind != "refs" and value is not None:
                values[f.column] = value
        return values

    def _write(self, kind: Kind, rows: list[dict[str, Any]], parent: dict[str, Any]) -> None:
        made = []
        for n, row in enumerate(rows):
            values = {**parent, **self._columns(kind, row)}
            if kind.position:
                values[kind.position] = n + (1 if kind.key == "papers" else 0)
            if kind.model is InterfaceIssue:
                values.update(self._reference(values["reference"]))
            obj = kind.model(**values)
            self.session.add(obj)
            made.append((row, obj))
        self.session.flush()
        for row, obj in made:
            if kind.prefix:
                self.ids[kind.prefix][row["ref"]] = obj.id
            if kind.key == "groups":
                self._lookups(row["lookups"], obj.id)
            for child in kind.children:
                if not (kind.key == "groups" and child.key == "lookups"):
                    self._write(child, row[child.key], {child.parent_fk: obj.id})

    def _reference(self, reference: str) -> dict[str, Any]:
        board, year, number = REFERENCE.match(reference).groups()  # type: ignore[union-attr]
        taken = self.session.scalar(select(InterfaceIssue.id).where(InterfaceIssue.reference == reference))
        clash = self.session.scalar(select(InterfaceIssue.id).where(
            InterfaceIssue.board == board, InterfaceIssue.year == int(year), InterfaceIssue.number == int(number)))
        if taken is None and clash is None:
            return {"board": board, "year": int(year), "number": int(number)}
        new_reference, new_number = next_reference(self.session, board, int(year))
        self.renumbered.append((reference, new_reference))
        return {"board": board, "year": int(year), "number": new_number, "reference": new_reference}

    def _issue_meetings(self) -> None:
        for row in self.checked.records["issues"]:
            for meeting_ref in row["meetings"]:
                self.session.add(IssueMeeting(issue_id=self.ids["issue"][row["ref"]],
                                              meeting_id=self.ids["meeting"][meeting_ref]))
        self.session.flush()


def import_data(session: Session, document: Any, *, source: str = "") -> ImportSummary:
    """Validates the whole document, then writes it; any problem raises before a single row is written."""
    checked = check_document(session, document)
    summary = _Import(session, checked).run()
    tracking.record(session, operation="import", entity="database", entity_id=0,
                    changes={"source": source, "added": summary.added, "people_matched": summary.people_matched,
                             "renumbered": summary.renumbered})
    session.flush()
    return summary


__all__ = ["ImportSummary", "InterchangeError", "ServiceError", "export_data", "import_data", "read_document",
           "write_document"]
