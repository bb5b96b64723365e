"""Each document declared once: its writers and loader exist, every writer module is declared, the command
line and the identifier guard read the declaration, and the guard scans exactly the stored text each
document prints (found by writing every document with a marker planted in every stored text field)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import String, text

from interface_desktop import exports
from interface_desktop.cli import build_parser
from interface_desktop.db.base import Base
from interface_desktop.exports import jobs
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents import narrative
from interface_desktop.services.documents.kinds import KINDS, Selection, resolve
from interface_desktop.services.identifiers import guard, scope
from interface_desktop.services.meetings import approval, meetings
from tests.support import document_data

# Machine values and vocabulary codes (documents print their labels): no marker goes in these.
CODES = {
    "activity": {"kind"}, "activity_participant": {"role"}, "activity_feedback": {"sector"}, "resource": {"kind"},
    "interface_issue": {"board", "raised_by_sector", "direction", "category", "specialty", "severity", "status",
                        "sea_harm"},
    "issue_status_change": {"status"}, "meeting": {"status", "minutes_status"}, "agenda_item": {"kind"},
    "attendance": {"status"}, "action": {"status"}, "lookup_value": {"kind", "code"},
    "interface_group": {"board"}, "group_standing_item": {"placement"}, "person": {"role", "sector"},
    "membership": {"group_role"}, "action_status_change": {"status"},
    "minutes_record": {"content", "sha256"},  # the frozen minutes as JSON, and its digest
}
# Records of the app's own bookkeeping, never printed in a document.
BOOKKEEPING = {"audit_entry", "search_document", "file_blob", "privacy_exception"}
# Printed by design and not scanned for patient identifiers: the names of members, groups and places, the
# roles and organisations that raise issues, generated references and the labels of configured lists. (A
# hospital's postcode in a venue is not a patient's.)
DIRECTORY = {
    ("person", "name"), ("person", "organisation"), ("person", "department"), ("interface_group", "name"),
    ("interface_group", "hscp"), ("interface_group", "default_location"), ("meeting", "location"),
    ("meeting", "call_link"), ("activity", "location"), ("activity", "host_department"),
    ("interface_issue", "reference"), ("interface_issue", "raised_by_role"),
    ("interface_issue", "raised_by_organisation"), ("lookup_value", "label"), ("action", "reference"),
}
# Declared fields a document prints only in some cases, so the planted data cannot show all of them at once.
SOMETIMES = {"sea": {("interface_issue", "impact")},  # printed when the analysis has no impact of its own
             # printed once the minutes are approved (the meeting's own are not, here)
             "minutes": {("minutes_record", "amendments")}}
MARKER = re.compile(r"Zq(\d+)r(\d+)z")
# Documents that are not about the group's records: the audit trail's CSV is written from the history dialog.
NOT_DOCUMENTS = {"interface_desktop.exports.history_csv"}


def _module(dotted: str) -> str:
    return dotted.partition(":")[0]


def test_every_declared_loader_and_writer_resolves():
    for kind in KINDS.values():
        assert callable(resolve(kind.loader)), kind.code
        assert kind.formats and all(suffix.startswith(".") for suffix in kind.formats), kind.code
        for suffix, dotted in kind.writers.items():
            parameters = inspect.signature(resolve(dotted)).parameters
            assert len(parameters) >= 2, dotted  # (record, path)
            assert ("template" in parameters) == (suffix == ".docx"), dotted


def test_every_exporter_module_is_declared():
    declared = {_module(dotted) for kind in KINDS.values() for dotted in kind.writers.values()}
    exporters = set()
    for info in pkgutil.iter_modules(exports.__path__, "interface_desktop.exports."):
        if hasattr(importlib.import_module(info.name), "export"):
            exporters.add(info.name)
    assert exporters - NOT_DOCUMENTS == declared


def test_printed_text_is_what_the_guard_knows_and_selects():
    for kind in KINDS.values():
        for printed in kind.printed:
            assert printed.entity in guard.TEXT_FIELDS, (kind.code, printed.entity)
            assert set(printed.fields) <= set(guard.fields_checked(printed.entity)), (kind.code, printed)
            assert printed.records in scope.SELECTIONS, (kind.code, printed.records)


def test_the_command_line_offers_every_document_with_its_subject():
    parser = build_parser()
    for kind in KINDS.values():
        subject = {"meeting": ["--meeting", "1"], "issue": ["--issue", "1"], "group": [],
                   "period": ["--from", "2026-01-01", "--to", "2026-03-31"]}[kind.subject]
        args = parser.parse_args(["export", kind.code, *subject, "-o", f"x{kind.formats[0]}"])
        assert args.document == kind.code and hasattr(args, "template") == kind.takes_template


# -- what each document prints --------------------------------------------------------------------------------
def _plant_markers(session) -> dict[int, tuple[str, str]]:  # a Session
    """Every stored text field of every row becomes 'Zq<field>r<row id>z'; returns field number -> (table, column)."""
    fields: dict[int, tuple[str, str]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in BOOKKEEPING:
            continue
        for column in table.columns:
            if isinstance(column.type, String) and column.name not in CODES.get(table.name, ()):
                number = len(fields)
                fields[number] = (table.name, column.name)
                session.execute(text(f"UPDATE {table.name} SET {column.name} = 'Zq{number}r' || id || 'z'"))
    return fields


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = " ".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
    return re.sub(r"<[^>]+>", "", xml)  # runs of one paragraph join up again


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages] + [str((reader.metadata or {}).get("/Title", ""))]

    def bookmarks(outline: list) -> None:
        for entry in outline:
            if isinstance(entry, list):
                bookmarks(entry)
            else:
                parts.append(entry.title)
    bookmarks(reader.outline)
    return " ".join(parts)


def _xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    return " ".join(cells + [book.properties.title or ""])


READERS = {".docx": _docx_text, ".pdf": _pdf_text, ".xlsx": _xlsx_text,
           ".csv": lambda path: path.read_text(encoding="utf-8-sig"),
           ".ics": lambda path: path.read_bytes().decode("utf-8").replace("\r\n ", "")}


def _printed(path: Path) -> set[tuple[int, int]]:
    """(field number, row id) of every marker in the file, however the format breaks lines."""
    found = "".join(READERS[path.suffix](path).split())
    return {(int(field), int(row)) for field, row in MARKER.findall(found)}


@pytest.fixture
def planted(db, session):  # the Database fixture; (fixture ids, field numbers)
    fx = document_data.build(session)
    for action in actions.list_actions(session, actions.ActionFilter(group_id=fx.group_id)):
        actions.add_update(session, action_id=action.id, text="Progress noted")
    for activity in activities.list_activities(session, group_id=fx.group_id):
        activities.add_feedback(session, activity_id=activity.id, score=4, comment="Useful")
    narrative.save_narrative(session, group_id=fx.group_id, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31),
                             text="A quarter of steady work.")
    session.flush()
    fields = _plant_markers(session)
    # Approved minutes print from their record: correcting them freezes the planted text in a new version.
    meetings.unlock_minutes(session, fx.previous_id, reason="Markers planted")
    approval.relock_minutes(session, fx.previous_id)
    session.commit()
    return fx, fields


def _selection(kind_code: str, fx: document_data.Fixture) -> Selection:
    subject = KINDS[kind_code].subject
    if subject == "meeting":
        return Selection(fx.meeting_id)
    if subject == "issue":
        return Selection(fx.sea_issue_id)
    if subject == "group":
        return Selection(fx.group_id)
    return Selection(fx.group_id, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31))


@pytest.mark.parametrize("what", list(KINDS))
def test_the_guard_scans_exactly_the_stored_text_each_document_prints(db, planted, tmp_path, what):
    fx, fields = planted
    kind = KINDS[what]
    selection = _selection(what, fx)
    runner = ServiceRunner(db.session_scope, location=str(db.file))
    printed: set[tuple[str, str, int]] = set()
    for suffix in kind.formats:
        request = jobs.ExportRequest(what, tmp_path / f"{what}{suffix}", selection.subject_id,
                                     date_from=selection.date_from, date_to=selection.date_to)
        written = jobs.run(runner, request, allow_identifiers=True)
        printed |= {(*fields[field], row) for field, row in _printed(written)}
    text_printed = {(table, column, row) for table, column, row in printed if (table, column) not in DIRECTORY}
    with db.session_scope() as s:
        scanned = {(entity, field, record_id) for entity, record_id, scanned_fields in
                   scope.records_for(s, what, selection) for field in scanned_fields}
    unscanned = sorted(text_printed - scanned)
    assert not unscanned, f"the {kind.label.lower()} prints text the identifier guard does not scan: {unscanned}"
    declared = {(p.entity, field) for p in kind.printed for field in p.fields}
    assert declared - SOMETIMES.get(what, set()) == {(table, column) for table, column, _ in text_printed}
