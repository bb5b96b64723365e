"""Importing an action log from an Excel tracker or .csv: round trip, odd trackers, bad rows, hostile files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from interface_desktop.app import open_app_database
from interface_desktop.db.models import Action, ActionUpdate, AuditEntry, Person
from interface_desktop.exports import action_log
from interface_desktop.services.imports import action_import
from interface_desktop.services.actions import actions
from interface_desktop.services.documents import documents
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.dashboard import stats
from interface_desktop.services.imports.action_import import ActionImportError
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.safe_files import UnsafeFileError
from interface_desktop.services.imports.tracker_file import TrackerError
from tests.support.hostile_files import BILLION_LAUGHS, LAUGH, external_entity, rewrite_part, workbook

SECRET = "SECRET-MARKER-4410"


def _counts(s) -> tuple:
    return (s.scalar(select(func.count(Action.id))), s.scalar(select(func.count(Person.id))),
            s.scalar(select(func.count(ActionUpdate.id))), s.scalar(select(func.count(AuditEntry.id))))


def _lothian(s) -> int:
    return next(g.id for g in groups.list_groups(s) if g.name.startswith("Edinburgh"))


def hand_made_tracker(path, *, due_row7: object = date(2027, 1, 31), status_row9: str = "Not started"):
    """A tracker as a secretary keeps it: a merged title, a note, odd headers, blank rows, a section heading."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Action tracker"
    sheet["A1"] = "NHS Lothian Primary/Secondary Care Interface Group"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "Action tracker - updated after the November meeting"
    sheet.append([])
    sheet.append(["Ref", "Date Raised", "Action Point", "Responsible", "Target date (dd/mm/yyyy)", "Status",
                  "Progress Update"])
    rows = [
        [1, datetime(2026, 9, 10), "Agree the discharge letter template", "Dr. Ann Lee", "31/12/2026", "Complete",
         "Agreed at the October meeting"],
        [2, "10/09/2026", "Write to practices about results routing", "Fiona Grant / Ann Lee", due_row7,
         "In hand", ""],
        [None, None, None, None, None, None, None],
        [3, "March meeting", "Audit fit note requests", "New Locum", "TBC", status_row9, "CHI 0101701004 seen"],
        [None, "Closed actions", None, None, None, None, None],
        [4, None, "Cancel the old referral form", None, None, "No longer required", None],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def lothian(demo_db):
    with demo_db.session_scope() as s:
        group_id = _lothian(s)
        people.create_person(s, name="Ann Lee", role="gp", sector="primary")
        people.create_person(s, name="Fiona Grant", role="consultant", sector="secondary")
    return demo_db, group_id


def test_own_export_round_trips_into_another_group(demo_db, tmp_path):
    with demo_db.session_scope() as s:
        source = _lothian(s)
        target = groups.create_group(s, name="Borders Interface Group", board="BR").id
        doc = documents.action_log_doc(s, group_id=source)
    for suffix in (".xlsx", ".csv"):
        path = action_log.export(doc, tmp_path / f"log{suffix}")
        with demo_db.session_scope() as s:
            people_before = s.scalar(select(func.count(Person.id)))
            preview = action_import.preview_actions(s, group_id=target, path=path)
            assert preview.problems == [] and preview.new_people == ()
            result = action_import.import_actions(s, group_id=target, path=path)
            assert s.scalar(select(func.count(Person.id))) == people_before
            if suffix == ".xlsx":
                assert result.added == len(doc.rows) and result.skipped == 0
                imported = actions.list_actions(s, ActionFilter(group_id=target), order_by="id")
                # The new group has none of the meetings or issues, so their dates and references join the update.
                assert ([(a.description, a.owner_name, a.due_on, a.status_label, a.last_update) for a in imported]
                        == [(r.description, r.owner, r.due_on, r.status, "\n".join(filter(None, [
                            r.last_update, r.raised_on and f"Raised {r.raised_on:%d/%m/%Y}",
                            r.issue_reference and f"Issue: {r.issue_reference}"]))) for r in doc.rows])
                assert [a.completed_on for a in imported if a.status == "done"] == [
                    r.completed_on for r in doc.rows if r.status == "Done"]
            else:  # the same rows again, from the .csv: all already there
                assert result.added == 0 and result.skipped == len(doc.rows)


def test_importing_into_the_same_group_again_adds_nothing(demo_db, tmp_path):
    with demo_db.session_scope() as s:
        group_id = _lothian(s)
        path = action_log.export(documents.action_log_doc(s, group_id=group_id), tmp_path / "log.xlsx")
        book = openpyxl.load_workbook(path)
        book.active["E2"] = "Dr Someone New"  # a changed owner on a row that is already in the log
        book.save(path)
        before = _counts(s)
        preview = action_import.preview_actions(s, group_id=group_id, path=path)
        assert preview.to_add == [] and all(r.skipped.startswith("already in the log") for r in preview.rows)
        assert preview.new_people == ()
        action_import.import_actions(s, group_id=group_id, path=path)
        assert _counts(s)[:3] == before[:3]


def test_the_date_raised_links_the_meeting_of_that_day(demo_db, tmp_path):
    with demo_db.session_scope() as s:
        group_id = _lothian(s)
        meeting = meetings.list_meetings(s, group_id=group_id)[0]
        path = workbook(tmp_path / "t.xlsx", [["Action", "Date raised"], ["Chase the lab", meeting.starts_at]])
        (row,) = action_import.preview_actions(s, group_id=group_id, path=path).rows
    assert (row.meeting_id, row.update, row.notes) == (meeting.id, "", ())


def test_a_hand_made_tracker_is_read_with_its_odd_headers(lothian, tmp_path):
    db, group_id = lothian
    path = hand_made_tracker(tmp_path / "tracker.xlsx")
    with db.session_scope() as s:
        before = _counts(s)
        preview = action_import.preview_actions(s, group_id=group_id, path=path)
        assert _counts(s) == before  # the dry run wrote nothing
    assert (preview.sheet, preview.header_row, preview.ignored_columns) == ("Action tracker", 4, ("Ref",))
    assert preview.columns == {"raised": "Date Raised", "description": "Action Point", "owner": "Responsible",
                               "due": "Target date (dd/mm/yyyy)", "status": "Status", "update": "Progress Update"}
    rows = {r.row: r for r in preview.rows}
    assert sorted(rows) == [5, 6, 8, 9, 10]
    assert (rows[5].status, rows[5].due_on, rows[5].completed_on) == ("done", date(2026, 12, 31), date(2026, 11, 23))
    assert rows[6].status == "in_progress" and rows[6].owner == "Fiona Grant"
    assert "Also named as owner in the tracker: Ann Lee" in rows[6].update
    assert rows[8].due_on is None and rows[8].status == "open" and rows[8].owner_id is None
    assert "Raised: March meeting" in rows[8].update
    assert "possible CHI number: check before sharing" in rows[8].notes
    assert rows[9].skipped == "a heading or note, not an action ('Closed actions')"
    assert rows[10].status == "dropped" and rows[10].owner == ""
    assert preview.new_people == ("New Locum",) and set(preview.matched_people) == {"Dr. Ann Lee", "Fiona Grant"}
    assert preview.summary == ("4 actions to add to Edinburgh Primary and Secondary Care Interface Group; "
                               "1 new person; 1 row skipped")
    with db.session_scope() as s:
        result = action_import.import_actions(s, group_id=group_id, path=path)
        assert result.message == "Imported 4 actions; added 1 new person; skipped 1 row."
        locum = people.find_person_by_name(s, "New Locum")
        assert (locum.role, locum.sector) == ("other", "other")
        ann = people.find_person_by_name(s, "Ann Lee")
        agreed = actions.list_actions(s, ActionFilter(group_id=group_id, text="discharge letter template"))
        assert [(a.owner_id, a.last_update) for a in agreed if a.description.startswith("Agree the discharge")] == [
            (ann.id, "Agreed at the October meeting\nRaised 10/09/2026")]
        assert _counts(s)[:3] == (before[0] + 4, before[1] + 1, before[2] + 3)


@pytest.mark.parametrize(("due", "status", "problems"), [
    ("31/02/2026", "Open", ["Row 6, Target date (dd/mm/yyyy): '31/02/2026' is not a date (use dd/mm/yyyy)"]),
    (46100, "Open", ["Row 6, Target date (dd/mm/yyyy): '46100' is a number, not a date (format the cell as a "
                     "date, or type dd/mm/yyyy)"]),
    ("31/12/2206", "Amber", ["Row 6, Target date (dd/mm/yyyy): '31/12/2206' is not a likely date (the year is 2206)",
                             "Row 8, Status: 'Amber' is not a status (use Open, In progress, Done or Dropped)"]),
])
def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(lothian, tmp_path, due, status, problems):
    db, group_id = lothian
    path = hand_made_tracker(tmp_path / "tracker.xlsx", due_row7=due, status_row9=status)
    with db.session_scope() as s:
        before = _counts(s)
        assert action_import.preview_actions(s, group_id=group_id, path=path).problems == problems
    with db.session_scope() as s, pytest.raises(ActionImportError) as err:
        action_import.import_actions(s, group_id=group_id, path=path)
    assert str(err.value) == "tracker.xlsx: " + "; ".join(problems) + "; nothing was imported"
    with db.session_scope() as s:
        assert _counts(s) == before


def test_a_row_that_lost_its_action_text_is_a_problem(lothian, tmp_path):
    db, group_id = lothian
    path = workbook(tmp_path / "t.xlsx", [["Action", "Owner", "Due"], ["Chase", "Ann Lee", "01/02/2027"],
                                          [None, "Ann Lee", "01/03/2027"], ["x" * 5001, None, None]])
    with db.session_scope() as s:
        assert action_import.preview_actions(s, group_id=group_id, path=path).problems == [
            "Row 3, Action: is empty but the row has other details",
            "Row 4, Action: is too long (5,001 characters; the limit is 5,000)"]


def test_a_windows_csv_with_semicolons_and_pound_signs(lothian, tmp_path):
    db, group_id = lothian
    path = tmp_path / "tracker.csv"
    path.write_bytes("Action;Lead;Due date;Status\r\nCost the £5 kit;Ann Lee;1/2/27;Ongoing\r\n".encode("cp1252"))
    with db.session_scope() as s:
        (row,) = action_import.preview_actions(s, group_id=group_id, path=path).rows
    assert (row.description, row.due_on, row.status, row.problems) == ("Cost the £5 kit", date(2027, 2, 1),
                                                                       "in_progress", ())


@pytest.mark.parametrize("doctype", ["laughs", "external"])
def test_hostile_workbooks_are_refused_before_openpyxl_reads_them(lothian, tmp_path, monkeypatch, doctype):
    db, group_id = lothian
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    plain = workbook(tmp_path / "plain.xlsx", [["Action", "Owner"], ["Chase the lab", "Ann Lee"]])
    declaration, reference = (BILLION_LAUGHS, LAUGH) if doctype == "laughs" else (external_entity(secret), "&xxe;")
    path = rewrite_part(plain, tmp_path / "tracker.xlsx", "xl/worksheets/sheet1.xml", declaration,
                        "<t>Chase the lab</t>", f"<t>{reference}</t>")
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl was given the file"))
    with db.session_scope() as s:
        before = _counts(s)
        with pytest.raises(UnsafeFileError, match="tracker.xlsx: part xl/worksheets/sheet1.xml declares a DOCTYPE"):
            action_import.import_actions(s, group_id=group_id, path=path)
    with db.session_scope() as s:
        assert _counts(s) == before
        assert s.scalar(select(func.count(Action.id)).where(Action.description.contains(SECRET))) == 0


def test_files_that_are_not_trackers(lothian, tmp_path):
    db, group_id = lothian
    no_header = workbook(tmp_path / "notes.xlsx", [["Minutes"], ["Nothing here"]])
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_text("Action,Owner\n", encoding="utf-8")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(workbook(tmp_path / "b.xlsx", [["Action", "Owner"]])) as zin, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("xl/media/zeros.bin", bytes(4 * 1024 * 1024))
    expected = [(no_header, TrackerError, "notes.xlsx has no header row in its first 30 rows"),
                (renamed, UnsafeFileError, "renamed.xlsx is not an Excel workbook"),
                (bomb, UnsafeFileError, "which is how zip bombs are made"),
                (tmp_path / "old.xls", TrackerError, "save it from Excel as an Excel Workbook (.xlsx) or CSV")]
    with db.session_scope() as s:
        for path, error, message in expected:
            with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
                action_import.preview_actions(s, group_id=group_id, path=path)
        assert stats.counts(s)["actions"] > 0


def _cli(db, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")
    return subprocess.run([sys.executable, "-m", "interface_desktop", "import", "actions", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_dry_run_then_import_and_exit_codes(lothian, tmp_path, app_paths):
    db, group_id = lothian
    path = hand_made_tracker(tmp_path / "tracker.xlsx")
    with db.session_scope() as s:
        before = _counts(s)
    db.dispose()  # the command is another process: it needs the database's lock
    dry = _cli(db, str(path), "--group", str(group_id), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert ("tracker.xlsx, sheet 'Action tracker': header on row 4; columns read: Date Raised, Action Point"
            in dry.stdout)
    assert "Row 8    add    Audit fit note requests" in dry.stdout and "New Locum (new person)" in dry.stdout
    assert dry.stdout.strip().endswith("4 actions to add to Edinburgh Primary and Secondary Care Interface Group; "
                                       "1 new person; 1 row skipped.")
    reopened = open_app_database(str(db.file), paths=app_paths)
    with reopened.session_scope() as s:
        assert _counts(s) == before
    reopened.dispose()
    bad = hand_made_tracker(tmp_path / "bad.xlsx", due_row7="31/02/2026")
    for args in ([str(bad), "--group", str(group_id)], [str(bad), "--group", str(group_id), "--dry-run"],
                 [str(path), "--group", "999"], [str(tmp_path / "missing.xlsx"), "--group", str(group_id)]):
        result = _cli(db, *args)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("interface-desktop: error: ") and "Traceback" not in lines[0]
    assert "Row 6, Target date (dd/mm/yyyy): '31/02/2026' is not a date" in _cli(db, str(bad), "--group",
                                                                               str(group_id)).stderr
    done = _cli(db, str(path), "--group", str(group_id))
    assert (done.returncode, done.stdout.strip()) == (0, "Imported 4 actions; added 1 new person; skipped 1 row.")
    reopened = open_app_database(str(db.file), paths=app_paths)
    with reopened.session_scope() as s:
        assert _counts(s)[:3] == (before[0] + 4, before[1] + 1, before[2] + 3)
    reopened.dispose()
