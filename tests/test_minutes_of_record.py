"""Minutes of record: approved minutes frozen as printed, approval with its meeting and date, no minutes for a
meeting not held, one action number everywhere, carried forward counted, the pack's action log as it was."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import date, datetime

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from interface_desktop.db.models import Action, AuditEntry
from interface_desktop.exports import action_log, minutes_docx, pack_pdf, sea
from interface_desktop.services.actions import actions, history
from interface_desktop.services.core.errors import LockedError, ValidationError
from interface_desktop.services.documents import documents, minutes_record, snapshot
from interface_desktop.services.documents.documents import MinutesDoc, NoMinutesError
from interface_desktop.services.meetings import agenda, approval, meetings, planning
from interface_desktop.services.people import groups, people
from tests.support import document_data


@pytest.fixture
def fx(session):
    return document_data.build(session)


def _action(session, text: str) -> actions.ActionDTO:
    return next(a for a in actions.list_actions(session) if a.description.startswith(text))


def _parts(path) -> dict[str, bytes]:
    """The document's content parts (body, header, footer), without the package's file times."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def _footer(path) -> str:
    return " ".join(p.text for p in docx.Document(path).sections[0].footer.paragraphs)


def _minutes(session, meeting_id: int, path) -> docx.document.Document:
    return docx.Document(minutes_docx.export(documents.minutes_doc(session, meeting_id), path))


# 1 -- approved minutes are frozen -------------------------------------------------------------------------------

def test_approved_minutes_print_as_approved_whatever_changes_afterwards(session, fx, tmp_path):
    first = minutes_docx.export(documents.minutes_doc(session, fx.previous_id), tmp_path / "first.docx")
    record = minutes_record.latest(session, fx.previous_id)
    assert record.version == 1 and record.sha256 == hashlib.sha256(record.content.encode()).hexdigest()
    assert f"Approved 23/11/2026 · record {record.sha256[:8]}" in _footer(first)
    # Later the action is dropped, the lead changes name and the venue is corrected in the meeting's record.
    actions.set_status(session, _action(session, "Write to labs").id, "dropped")
    people.update_person(session, _action(session, "Write to labs").owner_id, name="Professor Bob Jones")
    meetings.update_meeting(session, fx.previous_id, location="Somewhere else")
    second = minutes_docx.export(documents.minutes_doc(session, fx.previous_id), tmp_path / "second.docx")
    assert _parts(second) == _parts(first)
    table = docx.Document(second).tables[-1]
    assert [c.text for c in table.rows[1].cells] == ["A-2026-001", "Write to labs about +ve results routing",
                                                     "Dr Bob Jones", "31/10/2026", "Open"]


def test_the_record_reads_back_exactly_and_tolerates_fields_it_lacks(session, fx):
    doc = replace(documents.minutes_doc(session, fx.previous_id), record="")
    text = snapshot.canonical(doc)
    assert text == minutes_record.latest(session, fx.previous_id).content
    assert snapshot.load(MinutesDoc, text) == doc
    older = json.loads(text)
    del older["approved_here"], older["approval"]
    assert snapshot.load(MinutesDoc, json.dumps(older)) == replace(doc, approved_here=(), approval=None)


def test_correcting_approved_minutes_takes_an_unlock_and_keeps_a_new_version(session, fx):
    welcome = agenda.list_agenda(session, fx.previous_id)[0]
    with pytest.raises(LockedError):
        agenda.save_minutes(session, item_id=welcome.id, discussion="Changed", decisions="")
    with pytest.raises(ValidationError):
        meetings.unlock_minutes(session, fx.previous_id, reason="  ")
    meetings.unlock_minutes(session, fx.previous_id, reason="Guests were left out of the welcome")
    assert documents.minutes_doc(session, fx.previous_id).is_draft  # a correction is not the approved record
    agenda.save_minutes(session, item_id=welcome.id, discussion="The Chair welcomed members and guests.",
                        decisions="")
    approval.relock_minutes(session, fx.previous_id)
    first, second = minutes_record.versions(session, fx.previous_id)
    assert second.version == 2 and second.sha256 != first.sha256
    # The next meeting was not yet arranged at the approval; the corrected version names it, and says so.
    assert second.changes == "Changed: item 1 discussion; date of next meeting."
    assert second.reason == "Guests were left out of the welcome"
    assert documents.minutes_doc(session, fx.previous_id).record == second.sha256
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "meeting", AuditEntry.operation == "update")
                            .order_by(AuditEntry.id.desc())).first()
    assert json.loads(entry.changes)["minutes_record"] == [first.sha256[:8], second.sha256[:8]]
    meetings.unlock_minutes(session, fx.previous_id, reason="Checking")
    approval.relock_minutes(session, fx.previous_id)
    assert len(minutes_record.versions(session, fx.previous_id)) == 2  # nothing changed, nothing new to keep


# 2 -- approval has a date and a meeting -------------------------------------------------------------------------

def test_minutes_approved_at_the_next_meeting_say_so_and_that_meeting_records_it(session, fx, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-30")
    assert approval.default_approving_meeting(session, fx.previous_id).id == fx.meeting_id
    meetings.unlock_minutes(session, fx.previous_id, reason="Approved at the November meeting, not by e-mail")
    approval.approve_minutes(session, fx.previous_id, at_meeting_id=fx.meeting_id,
                             amendments="Item 1: Dr Gus Grey was in attendance.")
    text = [p.text for p in _minutes(session, fx.previous_id, tmp_path / "previous.docx").paragraphs]
    said = text.index("These minutes were approved at the meeting held on 25/11/2026 with the following "
                      "amendments: Item 1: Dr Gus Grey was in attendance.")
    assert text[said + 1].startswith("Signed (Chair)")  # the chair signs under how the minutes were approved
    text = [p.text for p in _minutes(session, fx.meeting_id, tmp_path / "next.docx").paragraphs]
    item = text.index("3\tMinutes of the previous meeting")
    assert text[item + 1] == ("The minutes of the meeting held on 30/09/2026 were approved with the following "
                              "amendments: Item 1: Dr Gus Grey was in attendance.")
    assert "approval" in minutes_record.latest(session, fx.previous_id).changes


def test_approval_as_a_true_record_at_a_held_meeting(session, fx, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-01")
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2026, 11, 30, 14, 0))
    meetings.mark_held(session, later.id)
    assert approval.default_approving_meeting(session, fx.meeting_id).id == later.id
    approval.approve_minutes(session, fx.meeting_id, at_meeting_id=later.id, approved_on="2026-12-01")
    text = [p.text for p in _minutes(session, fx.meeting_id, tmp_path / "m.docx").paragraphs]
    assert "These minutes were approved on 01/12/2026, at the meeting held on 30/11/2026, as a true record." in text
    text = [p.text for p in _minutes(session, later.id, tmp_path / "later.docx").paragraphs]
    item = text.index("3\tMinutes of the previous meeting")
    assert text[item + 1] == "The minutes of the meeting held on 25/11/2026 were approved as a true record."


def test_approval_is_checked(session, fx, monkeypatch):
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-30")
    other = groups.create_group(session, name="Fife Interface Group", board="FF")
    elsewhere = meetings.create_meeting(session, group_id=other.id, starts_at=datetime(2026, 11, 26, 14, 0))
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2026, 11, 28, 10, 0))
    with pytest.raises(LockedError, match="already approved"):
        approval.approve_minutes(session, fx.previous_id)
    for kwargs, field in ((dict(at_meeting_id=elsewhere.id), "at_meeting_id"),
                          (dict(at_meeting_id=fx.previous_id), "at_meeting_id"),
                          (dict(approved_on="2026-11-24"), "approved_on"),
                          (dict(approved_on="2026-12-25"), "approved_on"),
                          (dict(at_meeting_id=later.id, approved_on="2026-11-26"), "approved_on")):
        with pytest.raises(ValidationError) as err:
            approval.approve_minutes(session, fx.meeting_id, **kwargs)
        assert set(err.value.errors) == {field}, kwargs
    assert meetings.get_meeting(session, fx.meeting_id).minutes_status == "draft"


# 3 -- no minutes for a meeting that has not happened ------------------------------------------------------------

def test_no_minutes_for_a_planned_or_cancelled_meeting(session, fx):
    planned = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 27, 14, 0))
    with pytest.raises(NoMinutesError, match="the meeting of 27/01/2027 has not been marked as held"):
        documents.minutes_doc(session, planned.id)
    meetings.set_status(session, planned.id, "cancelled")
    with pytest.raises(NoMinutesError, match="was cancelled"):
        documents.minutes_doc(session, planned.id)


def test_a_pack_after_a_meeting_not_held_says_why_it_has_no_minutes(session, fx, tmp_path):
    meetings.set_status(session, fx.meeting_id, "planned")
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 27, 14, 0))
    reader = PdfReader(pack_pdf.export(documents.pack_doc(session, later.id), tmp_path / "pack.pdf"))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "The meeting of 25/11/2026 has not been marked as held, so it has no minutes yet." in " ".join(text.split())


# 4 -- one action number everywhere -------------------------------------------------------------------------------

def test_actions_are_numbered_per_group_and_year_in_the_order_they_are_made(session, fx):
    assert [a.reference for a in actions.list_actions(session, order_by="id")] == [
        f"A-2026-{n:03d}" for n in range(1, 7)]
    next_year = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 27, 14, 0))
    assert actions.add_action(session, meeting_id=next_year.id, description="First of 2027").reference == "A-2027-001"
    other = groups.create_group(session, name="Fife Interface Group", board="FF")
    assert actions.add_action(session, group_id=other.id, description="Fife's first").reference == "A-2026-001"
    actions.delete_action(session, _action(session, "Audit practice codes").id)
    assert actions.add_action(session, group_id=fx.group_id, description="After a deletion").reference == "A-2026-007"


def test_the_same_number_in_minutes_pack_action_log_and_sea(session, fx, tmp_path):
    labs = _action(session, "Write to labs")
    codes = _action(session, "Audit practice codes")
    pilot = _action(session, "Pilot the letter template")
    assert (labs.reference, pilot.reference, codes.reference) == ("A-2026-001", "A-2026-004", "A-2026-006")
    minutes = _minutes(session, fx.meeting_id, tmp_path / "m.docx")
    assert f"Action {pilot.reference}: Pilot the letter template on ward 101 (Dr Bob Jones by 31/01/2027)" in [
        p.text for p in minutes.paragraphs]
    assert minutes.tables[-1].rows[1].cells[0].text == pilot.reference
    pack = documents.pack_doc(session, fx.meeting_id)
    assert [a.number for a in pack.actions] == [labs.reference, codes.reference, "A-2026-002"]  # by due date
    ws = load_workbook(action_log.export(documents.action_log_doc(session, group_id=fx.group_id),
                                         tmp_path / "log.xlsx")).active
    assert {row[0].value for row in ws.iter_rows(min_row=2)} == {f"A-2026-{n:03d}" for n in range(1, 7)}
    sea_doc = docx.Document(sea.export(documents.sea_doc(session, fx.sea_issue_id), tmp_path / "sea.docx"))
    assert sea_doc.tables[0].rows[1].cells[0].text == codes.reference


# 5 -- carried forward is counted ---------------------------------------------------------------------------------

def test_carried_forward_counts_held_meetings_at_which_the_action_was_open(session):
    g = groups.create_group(session, name="Borders Interface Group", board="BR")
    first = meetings.create_meeting(session, group_id=g.id, starts_at=datetime(2026, 9, 2, 14, 0))
    meetings.mark_held(session, first.id)
    still_open = actions.add_action(session, meeting_id=first.id, description="Still open")
    done_early = actions.add_action(session, meeting_id=first.id, description="Done before the next")
    actions.set_status(session, done_early.id, "done", on=date(2026, 9, 20))
    second, _ = planning.create_next_meeting(session, after_meeting_id=first.id)
    planning.create_next_meeting(session, after_meeting_id=second.id)
    # Two meetings prepared, none held since: nothing has been carried yet.
    assert actions.get_action(session, still_open.id).carried_forward == 0
    meetings.mark_held(session, second.id)
    assert actions.get_action(session, still_open.id).carried_forward == 1
    assert actions.get_action(session, done_early.id).carried_forward == 0
    assert history.carried_counts(session, [still_open.id], up_to=first.starts_at) == {still_open.id: 0}
    meetings.set_status(session, second.id, "planned")
    assert actions.get_action(session, still_open.id).carried_forward == 0


# 7 -- the pack's action log is as at the meeting ----------------------------------------------------------------

def test_pack_action_log_is_the_log_as_the_meeting_began(session, fx):
    labs, tor = _action(session, "Write to labs"), _action(session, "=HYPERLINK")
    actions.set_status(session, labs.id, "in_progress", on=date(2026, 11, 10))
    actions.set_status(session, labs.id, "done", on=date(2026, 11, 26))  # done after the meeting
    actions.set_status(session, tor.id, "dropped", on=date(2026, 11, 20))  # dropped before it
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 27, 14, 0))
    actions.add_action(session, meeting_id=later.id, description="Agreed at a later meeting")
    pack = documents.pack_doc(session, fx.meeting_id)
    lines = {a.number: a for a in pack.actions}
    assert list(lines) == ["A-2026-001", "A-2026-006"]  # not those agreed at the meeting or after it
    assert (lines["A-2026-001"].status, lines["A-2026-001"].rag_label) == ("In progress", "Overdue")
    assert lines["A-2026-001"].carried_forward == 1 and pack.actions_on == date(2026, 11, 25)
    assert session.get(Action, labs.id).status == "done"


def test_a_change_dated_before_an_action_was_entered_moves_its_start_back(session, fx):
    codes = _action(session, "Audit practice codes")  # entered on 23/11/2026, outside a meeting
    actions.set_status(session, codes.id, "done", on=date(2026, 10, 30))
    assert history.histories(session, [codes.id])[codes.id] == [(date(2026, 10, 30), "open"),
                                                                (date(2026, 10, 30), "done")]
    assert history.statuses_on(session, [codes.id], date(2026, 11, 24)) == {codes.id: "done"}
    assert "A-2026-006" not in [a.number for a in documents.pack_doc(session, fx.meeting_id).actions]
