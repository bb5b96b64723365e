"""Hostile text in every document: each export re-opens in its own library and still holds the text.

Control characters that XML cannot carry are dropped from documents on purpose (exports.clean), so the
text looked for is each line of the saved text without them, with runs of whitespace read as one space.
PDFs are checked for the ASCII marker that starts each text: the PDF fonts have no glyphs for some
scripts, so not every character can be read back from a PDF.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from interface_desktop.exports import jobs
from interface_desktop.exports.clean import printable
from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda
from interface_desktop.services.meetings import attendance
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.core.runner import ServiceRunner
from tests.support.hostile_data import HOSTILE, long_text, short_text

LONG = st.one_of(short_text, long_text.filter(lambda t: len(t.strip()) <= 100_000))
KEYS = ("meeting", "location", "item", "discussion", "decisions", "action", "issue", "what_happened", "learned",
        "person")
TEXTS = st.fixed_dictionaries({key: LONG if key in ("discussion", "what_happened") else short_text for key in KEYS})
# Laying out 100,000 characters takes reportlab over ten seconds, so PDFs get one long example, not many.
SHORT_TEXTS = st.fixed_dictionaries({key: short_text for key in KEYS})
LONG_EXAMPLE = {key: ("Long \u202eعربي😀\x0c " * 12_500 if key == "what_happened" else key) for key in KEYS}


def flat(text: str) -> str:
    """Printable text with each run of whitespace read as one space."""
    return " ".join(printable(text).split())


@pytest.fixture
def world(db):  # the Database fixture; ids of the records every document draws on
    with db.session_scope() as s:
        group = groups.create_group(s, name="Western Isles Interface Group", board="WI")
        person = people.create_person(s, name="Dr Ann Smith", role="gp", sector="primary")
        people.set_membership(s, group_id=group.id, person_id=person.id, group_role="lead")
        meeting = meetings.create_meeting(s, group_id=group.id, starts_at=datetime(2026, 10, 7, 14, 0),
                                          chair_id=person.id)
        item = agenda.add_agenda_item(s, meeting_id=meeting.id, title="Item")
        action = actions.add_action(s, agenda_item_id=item.id, description="Action", owner_id=person.id,
                                    due_on=date(2026, 12, 1))
        issue = issues.create_issue(s, group_id=group.id, title="Issue", raised_by_role="GP",
                                    raised_by_sector="primary", direction="both", category="referrals",
                                    raised_on=date(2026, 9, 1))
        attendance.set_attendance(s, meeting_id=meeting.id, person_id=person.id, status="present")
        meetings.mark_held(s, meeting.id)  # a meeting has minutes once it is held
        # The next meeting's pack carries the meeting's minutes and, in its action log, the action still open.
        following = meetings.create_meeting(s, group_id=group.id, starts_at=datetime(2026, 11, 4, 14, 0))
    return {"group": group.id, "person": person.id, "meeting": meeting.id, "item": item.id, "action": action.id,
            "issue": issue.id, "next": following.id}


def _write_texts(db, ids: dict, texts: dict) -> dict:  # the Database
    """Give every record its hostile text (each led by an ASCII marker so it is never blank); the saved texts."""
    marked = {key: f"Mk{n}x {value}"[:100_000] for n, (key, value) in enumerate(texts.items())}
    with db.session_scope() as s:
        people.update_person(s, ids["person"], name=marked["person"][:200])
        meetings.update_meeting(s, ids["meeting"], title=marked["meeting"][:300], location=marked["location"][:300])
        agenda.update_agenda_item(s, ids["item"], title=marked["item"][:300], discussion=marked["discussion"],
                                  decisions=marked["decisions"])
        actions.update_action(s, ids["action"], description=marked["action"][:5000])
        issues.update_issue(s, ids["issue"], title=marked["issue"][:300], shared=True)
        issues.save_sea(s, ids["issue"], what_happened=marked["what_happened"], learned=marked["learned"],
                        harm="no_harm", risk_grade=2)
    with db.session_scope() as s:
        item = agenda.get_agenda_item(s, ids["item"])
        sea = issues.get_issue(s, ids["issue"]).sea
        return {"person": people.get_person(s, ids["person"]).name,
                "meeting": meetings.get_meeting(s, ids["meeting"]).title,
                "item": item.title, "discussion": item.discussion, "decisions": item.decisions,
                "action": actions.get_action(s, ids["action"]).description,
                "issue": issues.get_issue(s, ids["issue"]).title, "what_happened": sea.what_happened,
                "learned": sea.learned}


def _export(db, folder: Path, what: str, name: str, subject: int | None, **extra) -> Path:
    runner = ServiceRunner(db.session_scope, location=str(db.file))
    request = jobs.ExportRequest(what=what, target=folder / name, subject_id=subject, **extra)
    return jobs.run(runner, request, allow_identifiers=True)  # hostile text may well look like a CHI number


def _word_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return flat(" ".join(parts))


def _pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 1
    return " ".join(page.extract_text() or "" for page in reader.pages)


def _assert_holds(document_text: str, saved: dict, keys: tuple[str, ...]) -> None:
    """Every line of each text is there (a document may set each line apart, e.g. one 'Decision:' per line)."""
    for key in keys:
        for line in saved[key].splitlines():
            assert flat(line) in document_text, key


@settings(HOSTILE, max_examples=12)
@given(texts=TEXTS)
def test_word_documents_hold_the_text(db, world, tmp_path, texts):
    saved = _write_texts(db, world, texts)
    minutes = _word_text(_export(db, tmp_path, "minutes", "minutes.docx", world["meeting"]))
    _assert_holds(minutes, saved, ("item", "discussion", "decisions", "action", "person"))
    _assert_holds(_word_text(_export(db, tmp_path, "agenda", "agenda.docx", world["meeting"])), saved, ("item",))
    _assert_holds(_word_text(_export(db, tmp_path, "sea", "sea.docx", world["issue"])), saved,
                  ("issue", "what_happened", "learned"))
    report = _export(db, tmp_path, "report", "report.docx", world["group"], date_from=date(2026, 7, 1),
                     date_to=date(2026, 9, 30))
    assert "Western Isles Interface Group" in _word_text(report)


@settings(HOSTILE, max_examples=10)
@given(texts=SHORT_TEXTS)
@example(texts=LONG_EXAMPLE)
def test_pdfs_open_and_hold_every_text(db, world, tmp_path, texts):
    saved = _write_texts(db, world, texts)
    documents = {"sea.pdf": ("sea", world["issue"], ("issue", "what_happened", "learned")),
                 "pack.pdf": ("pack", world["next"], ("item", "action")),
                 "agenda.pdf": ("agenda", world["meeting"], ("item",))}
    for name, (what, subject, keys) in documents.items():
        text = _pdf_text(_export(db, tmp_path, what, name, subject))
        for key in keys:
            assert saved[key].split()[0] in text, (name, key)
    report = _export(db, tmp_path, "report", "report.pdf", world["group"], date_from=date(2026, 7, 1),
                     date_to=date(2026, 9, 30))
    assert "Western Isles" in _pdf_text(report)


@settings(HOSTILE, max_examples=20)
@given(texts=TEXTS)
def test_action_logs_and_calendar_invitations_hold_the_text(db, world, tmp_path, texts):
    saved = _write_texts(db, world, texts)
    sheet = load_workbook(_export(db, tmp_path, "actions", "actions.xlsx", world["group"])).active
    cells = flat(" ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None))
    _assert_holds(cells, saved, ("action", "person"))
    table = _export(db, tmp_path, "actions", "actions.csv", world["group"]).read_text(encoding="utf-8-sig")
    _assert_holds(flat(" ".join(" ".join(row) for row in csv.reader(io.StringIO(table)))), saved, ("action",))
    calendar = Calendar.from_ical(_export(db, tmp_path, "ics", "meeting.ics", world["meeting"]).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert flat(saved["meeting"]) in flat(str(event["SUMMARY"]))
    assert flat(saved["item"]) in flat(str(event["DESCRIPTION"]))
