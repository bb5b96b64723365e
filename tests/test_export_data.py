"""Action log spreadsheets and calendar invitations read back with openpyxl, csv and icalendar."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date, datetime

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.support import document_data
from interface_desktop.exports import action_log, ics
from interface_desktop.services.actions import actions
from interface_desktop.services.documents import documents, invitation


@pytest.fixture
def fx(session):
    return document_data.build(session)


def test_xlsx_has_real_dates_frozen_header_filters_and_rag(session, fx, tmp_path):
    doc = documents.action_log_doc(session, group_id=fx.group_id)
    ws = load_workbook(action_log.export(doc, tmp_path / "actions.xlsx")).active
    assert [c.value for c in ws[1]][:8] == ["No.", "Group", "Raised", "Action", "Lead", "Due", "Status", "RAG"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{len(doc.rows) + 1}"
    by_id = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    assert len(by_id) == len(actions.list_actions(session, actions.ActionFilter(group_id=fx.group_id)))
    overdue = next(r for r in doc.rows if r.description.startswith("Write to labs"))
    assert overdue.reference == "A-2026-001"
    row = by_id[overdue.reference]
    assert isinstance(row[5].value, datetime) and row[5].value.date() == date(2026, 10, 31)
    assert row[5].number_format == "dd/mm/yyyy"
    assert row[7].value == "Overdue" and row[7].fill.fgColor.rgb.endswith("F4C7C3")
    soon = next(r for r in doc.rows if r.due_on == date(2026, 11, 26))
    assert by_id[soon.reference][7].value == "Due soon" and by_id[soon.reference][7].fill.fgColor.rgb.endswith("FCE8B2")
    assert ws.column_dimensions["D"].width >= 50


def test_formulas_are_neutralised_in_xlsx_and_csv(session, fx, tmp_path):
    for text in ("@SUM(A1)", "+1"):
        actions.add_action(session, group_id=fx.group_id, description=text)
    doc = documents.action_log_doc(session, group_id=fx.group_id)
    # The services strip leading whitespace; a tab or carriage return can still arrive from a future import.
    extra = [dataclasses.replace(doc.rows[0], id=900 + n, description=text, owner=text)
             for n, text in enumerate(("\tTabbed", "\rReturn"))]
    doc = dataclasses.replace(doc, rows=doc.rows + tuple(extra))
    ws = load_workbook(action_log.export(doc, tmp_path / "a.xlsx")).active
    cells = [row[3] for row in ws.iter_rows(min_row=2)]
    dangerous = [c.value for c in cells if c.value[1:2] in ("=", "+", "-", "@", "\t", "\r")]
    assert len(dangerous) == 6 and all(v.startswith("'") for v in dangerous)
    assert all(c.data_type == "s" for c in cells)
    raw = (tmp_path / "a.csv")
    action_log.export(doc, raw)
    assert raw.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(raw, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "No."
    described = {r[3] for r in rows[1:]}
    assert "'=HYPERLINK(\"http://x\") circulate ToR" in described and "'-Tell practices about the change" in described
    assert "'@SUM(A1)" in described and "'\tTabbed" in described and "'\rReturn" in described
    assert not any(v[:1] in ("=", "+", "-", "@", "\t", "\r") for r in rows[1:] for v in r)
    assert any(r[5] == "31/10/2026" for r in rows[1:])


def test_status_filter(session, fx, tmp_path):
    doc = documents.action_log_doc(session, status=("done",))
    assert [r.status for r in doc.rows] == ["Done"]


def test_ics_is_one_event_in_london_time_with_the_agenda(session, fx, tmp_path):
    doc = invitation.invitation_doc(session, fx.meeting_id)
    cal = Calendar.from_ical(ics.export(doc, tmp_path / "meeting.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == f"meeting-{fx.meeting_id}-{doc.created_at:%Y%m%dT%H%M%S%f}@interface-desktop"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.replace(tzinfo=None) == datetime(2026, 11, 25, 14, 0) and str(start.tzinfo) == "Europe/London"
    assert (end - start).total_seconds() == 7200
    assert start.utcoffset().total_seconds() == 0
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    description = str(event["DESCRIPTION"])
    assert "5. 14:27 Discharge letters: medication changes (Dr Bob Jones)" in description
    assert "Waverley Gate" in str(event["LOCATION"])


def test_summer_meeting_is_in_british_summer_time(session, fx, tmp_path):
    from interface_desktop.services.meetings import meetings

    meetings.update_meeting(session, fx.meeting_id, starts_at=datetime(2027, 6, 2, 9, 30))
    cal = Calendar.from_ical(ics.calendar_bytes(invitation.invitation_doc(session, fx.meeting_id)))
    start = cal.walk("VEVENT")[0].decoded("DTSTART")
    assert start.utcoffset().total_seconds() == 3600
