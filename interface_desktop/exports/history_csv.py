"""A record's history as rows (one per changed field) and as a .csv safe to open in Excel."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interface_desktop.exports.clean import neutralise
from interface_desktop.exports.safe_write import ExportError, write_file
from interface_desktop.services.audit.trail import AuditEntryDTO
from interface_desktop.vocab import AUDIT_OPERATION_LABELS as OPERATION_LABELS

HEADERS = ("When", "Who", "What", "Field", "Old value", "New value")


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    user: str
    what: str
    field: str
    old: str
    new: str

    def values(self) -> list[str]:
        return [f"{self.at:%d/%m/%Y %H:%M:%S}", self.user, self.what, self.field, self.old, self.new]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def field_label(name: str) -> str:
    """'sea_what_happened' -> 'SEA what happened'; 'due_on' -> 'Due on'; 'owner_id' -> 'Owner'."""
    words = ["SEA" if word == "sea" else word for word in name.removesuffix("_id").split("_")]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def history_rows(entries: list[AuditEntryDTO]) -> list[HistoryRow]:
    """One row per field an entry touched; a creation lists only the fields it filled in."""
    rows = []
    for entry in entries:
        what = OPERATION_LABELS.get(entry.operation, entry.operation.capitalize())
        for name, change in entry.changes.items():
            if name == "id":  # the record's own number says nothing to a reader
                continue
            old, new = change if isinstance(change, list) and len(change) == 2 else (None, change)
            if entry.operation == "create" and new in (None, ""):
                continue
            if entry.operation == "delete" and old in (None, ""):
                continue
            rows.append(HistoryRow(entry.at, entry.user, what, field_label(name), _text(old), _text(new)))
        if not entry.changes:
            rows.append(HistoryRow(entry.at, entry.user, what, "", "", ""))
    return rows


def build_csv(rows: list[HistoryRow], path: Path) -> None:
    # utf-8-sig writes the byte-order mark Excel needs to read the file as UTF-8.
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([neutralise(v) for v in row.values()])


def export(rows: list[HistoryRow], target: Path | str) -> Path:
    if Path(target).suffix.lower() != ".csv":
        raise ExportError(f"a history is saved as .csv, not {Path(target).suffix or 'a file without an extension'}")
    return write_file(target, lambda temp: build_csv(rows, temp))
