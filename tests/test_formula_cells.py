"""Formula look-alikes: no cell of an .xlsx or .csv export runs as a formula in Excel or LibreOffice;
the tracker import takes our mark off again and refuses an owner that looks like a formula."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from interface_desktop.cli import main
from interface_desktop.db.models import Action, Person
from interface_desktop.exports import action_log, history_csv, jobs
from interface_desktop.services.actions import actions
from interface_desktop.services.audit import trail
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents import documents
from interface_desktop.services.imports import action_import
from interface_desktop.services.imports.action_import import ActionImportError
from interface_desktop.services.people import groups, people

# What a spreadsheet reads as the start of a formula, in ASCII and in full width (as an IME types them).
FORMULA_START = "=+-@\uff1d\uff0b\uff0d\uff20"
# Led by spaces, tabs, line breaks, a no-break or an ideographic space, or written in full width.
HOSTILE = (" =1+2", "\t=1+2", "  +SUM(A1:A9)", "\u00a0-1+2", "\u3000@SUM(A1)", "\r\n=1+2", "\n-2", "\uff1d1+2",
           "\uff0b1", "\uff0d1", "\uff20SUM(A1)", " \uff1dHYPERLINK(\"http://x\")", "=1+2", "+1", "-1", "@A1",
           "\tTabbed", "\rReturn")


def would_run(value: object) -> bool:
    """Text whose first visible character starts a formula, or that starts with a tab or carriage return."""
    if not isinstance(value, str):
        return False
    visible = value.lstrip()
    return bool(visible) and visible[0] in FORMULA_START or value[:1] in ("\t", "\r")


def assert_no_formulas_in_xlsx(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert [c.value for c in cells if would_run(c.value)] == []
    return [c.value for c in cells if isinstance(c.value, str)]


def assert_no_formulas_in_csv(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert [cell for cell in cells if would_run(cell)] == []
    return cells


def test_every_hostile_text_is_marked_as_text_in_the_action_log(session, tmp_path):
    group = groups.create_group(session, name="Borders Interface Group", board="BR")
    actions.add_action(session, group_id=group.id, description="Placeholder")
    doc = documents.action_log_doc(session, group_id=group.id)
    # The services trim what is typed, so leading blanks arrive only from elsewhere (an import, a future field):
    # every text column of the log gets every hostile text.
    texts = ("group", "description", "owner", "status", "rag_label", "issue_reference", "last_update")
    rows = tuple(dataclasses.replace(doc.rows[0], id=n, **dict.fromkeys(texts, text)) for n, text in enumerate(HOSTILE))
    doc = dataclasses.replace(doc, rows=rows)
    written = assert_no_formulas_in_xlsx(action_log.export(doc, tmp_path / "log.xlsx"))
    for text in HOSTILE:
        assert written.count("'" + text) == len(texts), repr(text)  # the text itself is kept, marked as text
    written = assert_no_formulas_in_csv(action_log.export(doc, tmp_path / "log.csv"))
    for text in HOSTILE:
        assert written.count("'" + text) == len(texts), repr(text)


def test_history_rows_are_marked_as_text(tmp_path):
    rows = [history_csv.HistoryRow(date(2026, 11, 23), text, text, text, text, text) for text in HOSTILE]
    written = assert_no_formulas_in_csv(history_csv.export(rows, tmp_path / "history.csv"))
    for text in HOSTILE:
        assert written.count("'" + text) == 5, repr(text)


@pytest.fixture
def hostile_records(db, monkeypatch):
    # The login is kept as the system gives it, so it is the one text that reaches the audit trail untrimmed.
    monkeypatch.setenv("LOGNAME", " =1+2")
    with db.session_scope() as s:
        group = groups.create_group(s, name="\uff1d1+2 Interface Group", board="LO")
        owner = people.create_person(s, name="\uff20SUM(A1) Lee", role="gp", sector="primary")
        action = actions.add_action(s, group_id=group.id, description="\uff0b1 chase the lab", owner_id=owner.id,
                                    due_on=date(2026, 12, 1))
        actions.update_action(s, action.id, description="\uff0d1 chase the lab again")
        actions.add_update(s, action_id=action.id, text="\uff1dHYPERLINK(\"http://x\") sent")
    return {"db": db, "group": group.id, "action": action.id}


def test_every_spreadsheet_export_of_the_app_holds_no_formula(hostile_records, app_paths, tmp_path):
    db = hostile_records["db"]
    runner = ServiceRunner(db.session_scope, location=str(db.file))
    for name in ("actions.xlsx", "actions.csv"):
        request = jobs.ExportRequest(what="actions", target=tmp_path / name, subject_id=hostile_records["group"])
        path = jobs.run(runner, request, allow_identifiers=True)
        written = (assert_no_formulas_in_xlsx if name.endswith(".xlsx") else assert_no_formulas_in_csv)(path)
        assert "'\uff0d1 chase the lab again" in written and "'\uff1d1+2 Interface Group" in written
    with db.session_scope() as s:
        rows = history_csv.history_rows(trail.history(s, "action", hostile_records["action"]))
    written = assert_no_formulas_in_csv(history_csv.export(rows, tmp_path / "history.csv"))
    assert "' =1+2" in written
    argv = ["--db", str(db.file), "--backup-dir", str(app_paths.backup_dir), "audit-log", "-o",
            str(tmp_path / "audit.csv")]
    assert main(argv) == 0
    assert "' =1+2" in assert_no_formulas_in_csv(tmp_path / "audit.csv")


def _tracker_csv(path: Path, owner: str) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["Action", "Owner", "Due"], ["Chase the lab results", owner, "01/02/2027"],
                                      ["Write to practices", "Ann Lee", "01/03/2027"]])
    return path


def _tracker_xlsx(path: Path, owner: object) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Action", "Owner", "Due"])
    sheet.append(["Chase the lab results", owner, "01/02/2027"])
    sheet.append(["Write to practices", "Ann Lee", "01/03/2027"])
    if isinstance(owner, str):
        sheet["B2"].data_type = "s"  # text in the cell, as Excel keeps a cell formatted as Text, not a formula
    book.save(path)
    return path


def _counts(s) -> tuple[int, int]:
    return s.scalar(select(func.count(Action.id))), s.scalar(select(func.count(Person.id)))


@pytest.mark.parametrize(("owner", "shown"), [
    ("=1+2 Owner", "=1+2 Owner"), (" =1+2 Owner", "=1+2 Owner"), ("\uff1d1+2 Owner", "\uff1d1+2 Owner"),
    ("+Ann Lee", "+Ann Lee"), ("@Ann Lee", "@Ann Lee"), ("-1", "-1"),
])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_owner_that_looks_like_a_formula_is_a_problem_and_nothing_is_imported(session, tmp_path, owner, shown,
                                                                                  suffix):
    group = groups.create_group(session, name="Borders Interface Group", board="BR")
    people.create_person(session, name="Ann Lee", role="gp", sector="primary")
    make = _tracker_csv if suffix == ".csv" else _tracker_xlsx
    path = make(tmp_path / f"tracker{suffix}", owner)
    before = _counts(session)
    preview = action_import.preview_actions(session, group_id=group.id, path=path)
    assert preview.problems == [f"Row 2, Owner: {shown!r} looks like a formula, not a name"]
    assert preview.new_people == ()
    with pytest.raises(ActionImportError, match="looks like a formula, not a name; nothing was imported"):
        action_import.import_actions(session, group_id=group.id, path=path)
    assert _counts(session) == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_owner_our_export_marked_as_text_is_the_name_typed(session, tmp_path, suffix):
    """The apostrophe our own spreadsheets put first says "this is text": the name comes back as typed, and a
    marked '=1+2 Owner' still makes no person called '=1'."""
    group = groups.create_group(session, name="Borders Interface Group", board="BR")
    make = _tracker_csv if suffix == ".csv" else _tracker_xlsx
    preview = action_import.preview_actions(session, group_id=group.id, path=make(tmp_path / f"a{suffix}",
                                                                                  "'-Hyphen Smith"))
    assert preview.problems == [] and "-Hyphen Smith" in preview.new_people
    marked = action_import.preview_actions(session, group_id=group.id, path=make(tmp_path / f"b{suffix}",
                                                                                 "'=1+2 Owner"))
    assert marked.problems == ["Row 2, Owner: '=1' is not a name"] and "=1" not in marked.new_people


def test_a_formula_excel_worked_out_is_not_a_name_either(session, tmp_path):
    # Excel keeps what =1+2 showed (3); read as the owner, it would have become a person called "3".
    group = groups.create_group(session, name="Borders Interface Group", board="BR")
    path = _tracker_xlsx(tmp_path / "tracker.xlsx", 3)
    assert action_import.preview_actions(session, group_id=group.id, path=path).problems == [
        "Row 2, Owner: '3' is not a name"]


def test_formula_like_action_texts_come_back_from_our_own_export_unchanged(session, tmp_path):
    source = groups.create_group(session, name="Borders Interface Group", board="BR")
    target = groups.create_group(session, name="Fife Interface Group", board="FF")
    texts = ["\uff1d1+2 agree the form", "\uff0bReview the audit", "=HYPERLINK(\"http://x\") circulate",
             "-Tell practices", "Plain text"]
    for text in texts:
        actions.add_action(session, group_id=source.id, description=text)
    path = action_log.export(documents.action_log_doc(session, group_id=source.id), tmp_path / "log.xlsx")
    preview = action_import.preview_actions(session, group_id=target.id, path=path)
    assert preview.problems == [] and sorted(row.description for row in preview.rows) == sorted(texts)
