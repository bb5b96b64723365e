"""Word documents read back with python-docx: minutes, agenda, SEA and report carry the database's content."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.shared import Cm

from tests.support import document_data
from interface_desktop.exports import agenda, minutes_docx, report, sea
from interface_desktop.exports.safe_write import ExportError
from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import attendance
from interface_desktop.services.documents import documents
from interface_desktop.services.documents import report_data


@pytest.fixture
def fx(session):
    return document_data.build(session)


def _text(d) -> list[str]:
    return [p.text for p in d.paragraphs]


def _header(d) -> str:
    return " ".join(p.text for p in d.sections[0].header.paragraphs)


def _footer_fields(d) -> str:
    return "".join(d.sections[0].footer._element.xpath(".//w:instrText/text()"))


def test_minutes_follow_the_board_layout(session, fx, tmp_path):
    doc = documents.minutes_doc(session, fx.meeting_id)
    out = minutes_docx.export(doc, tmp_path / "minutes.docx")
    d = docx.Document(out)
    text = _text(d)
    assert text[0] == "Lothian Interface Group" and d.paragraphs[0].style.name == "Title"
    assert text[1].startswith("Minutes of the meeting held on Wednesday 25 November 2026 at 14:00, Waverley Gate")
    present = text.index("Present")
    assert text[present + 1] == "Dr Ann Smith (Chair), GP, Leith Medical Practice"
    register = attendance.list_attendance(session, fx.meeting_id)
    for a in register:
        assert any(line.startswith(a.person_name) for line in text), a.person_name
    assert text[text.index("Apologies") + 1].startswith("Ms Erin Black")
    assert text[text.index("In attendance") + 1] == "Dr Gus Grey, Consultant, St John's Hospital"
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1\tWelcome and apologies"
    assert "5\tDischarge letters: medication changes (LO-2026-001)" in headings
    assert "Decision: Adopt the new letter template from January." in text
    assert "Action A-2026-004: Pilot the letter template on ward 101 (Dr Bob Jones by 31/01/2027)" in text
    assert "Dr Gus Grey: Sits on the lab services board." in text
    table = d.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["No.", "Action", "Lead", "Due", "Status"]
    assert [c.text for c in table.rows[1].cells] == ["A-2026-004", "Pilot the letter template on ward 101",
                                                     "Dr Bob Jones", "31/01/2027", "Open"]
    assert table.style.name == "Minutes Table"
    assert "DRAFT" in _header(d)
    assert "PAGE" in _footer_fields(d) and "NUMPAGES" in _footer_fields(d)
    section = d.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)


def test_minutes_use_styles_not_direct_formatting(session, fx, tmp_path):
    d = docx.Document(minutes_docx.export(documents.minutes_doc(session, fx.meeting_id), tmp_path / "m.docx"))
    for p in d.paragraphs:
        assert p.paragraph_format.alignment is None
        for run in p.runs:
            assert run.bold is None and run.font.size is None and run.font.name is None


def test_approved_minutes_lose_the_draft_marker(session, fx, tmp_path):
    d = docx.Document(minutes_docx.export(documents.minutes_doc(session, fx.previous_id), tmp_path / "m.docx"))
    assert "DRAFT" not in _header(d)
    assert "These minutes were approved on 23/11/2026 as a true record." in _text(d)


def test_a_boards_template_supplies_styles_and_header(session, fx, tmp_path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "NHS Lothian letterhead"
    template.add_paragraph("Sample text that must not survive")
    template.save(tmp_path / "board.docx")
    doc = documents.minutes_doc(session, fx.meeting_id)
    d = docx.Document(minutes_docx.export(doc, tmp_path / "m.docx", template=tmp_path / "board.docx"))
    assert "NHS Lothian letterhead" in _header(d) and "DRAFT" in _header(d)
    assert "Sample text that must not survive" not in _text(d)
    assert d.paragraphs[0].text == "Lothian Interface Group"
    assert "PAGE" in _footer_fields(d)
    assert d.tables[-1].style.name == "Table Grid"


def test_a_template_that_is_not_a_word_file_is_refused(session, fx, tmp_path):
    (tmp_path / "bad.docx").write_text("not a zip")
    with pytest.raises(ExportError, match="bad.docx"):
        minutes_docx.export(documents.minutes_doc(session, fx.meeting_id), tmp_path / "m.docx",
                            template=tmp_path / "bad.docx")
    assert not (tmp_path / "m.docx").exists()


def test_agenda_lists_times_presenters_and_papers(session, fx, tmp_path):
    doc = documents.agenda_doc(session, fx.meeting_id)
    d = docx.Document(agenda.export(doc, tmp_path / "agenda.docx"))
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["No.", "Time", "Item", "Purpose", "Lead"]
    letters = next(r for r in rows if r[2].startswith("Discharge letters"))
    assert letters[1] == "14:27" and letters[4] == "Dr Bob Jones" and letters[3] == "For decision"
    assert "Paper 5.1: Discharge letter audit" in letters[2]
    assert rows[-2][1:3] == ["15:17", "Date of next meeting"]
    assert rows[-1] == ["", "16:00", "Close", "", ""]
    assert "from 14:00 to 16:00" in " ".join(_text(d))


def test_sea_report_has_the_nes_headings(session, fx, tmp_path):
    doc = documents.sea_doc(session, fx.sea_issue_id)
    d = docx.Document(sea.export(doc, tmp_path / "sea.docx"))
    text = _text(d)
    for heading in ("1  What happened?", "2  Why did it happen?", "3  What has been learned?",
                    "4  What has been changed?", "Impact", "Grading", "Learning needs"):
        assert heading in text
    assert doc.issue.sea.what_happened in text
    assert "Risk grade: 3 - moderate" in text and "Harm: Potential harm" in text
    assert d.tables[0].rows[1].cells[1].text == "Audit practice codes quarterly"


def test_sea_of_an_issue_without_one_is_refused(session, fx, tmp_path):
    with pytest.raises(ExportError, match="no Significant Event Analysis"):
        sea.export(documents.sea_doc(session, fx.issue_id), tmp_path / "sea.docx")


def test_report_docx_has_figures_charts_and_highlights(session, fx, tmp_path):
    doc = report_data.report_doc(session, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31))
    assert doc.issues.raised == 2 and doc.issues.resolved == 1
    assert [(c.label, c.first, c.second) for c in doc.issues.by_category] == [
        ("Results and investigations", 1, 1), ("Discharge and clinic letters", 1, 0)]
    d = docx.Document(report.export(doc, tmp_path / "report.docx"))
    glance = {r.cells[0].text: r.cells[1].text for r in d.tables[0].rows}
    assert glance["Interface issues raised"] == "2" and glance["Work-shadowing participants"] == "2"
    assert len(d.inline_shapes) == 5
    text = _text(d)
    assert "Learning: Check practice codes at source." in text
    assert any(c.text == "Fit notes webinar" for t in d.tables for r in t.rows for c in r.cells)


def test_report_without_the_bitmap_renderer_shows_charts_as_tables(session, fx, tmp_path, monkeypatch):
    from interface_desktop.exports import charts

    monkeypatch.setattr(charts, "png", lambda chart: None)
    doc = report_data.report_doc(session, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31), group_id=fx.group_id)
    d = docx.Document(report.export(doc, tmp_path / "report.docx"))
    assert len(d.inline_shapes) == 0
    category = next(t for t in d.tables if t.rows[0].cells[1].text == "Raised")
    assert [c.text for c in category.rows[1].cells] == ["Results and investigations", "1", "1"]


def test_overdue_actions_in_report_count_actions_open_past_due_at_the_period_end(session, fx):
    """'Share the prescribing guide' (due 15/10) was done only on 23/11; an action saved today outside a
    meeting did not exist on 31/10, whatever its due date."""
    actions.add_action(session, meeting_id=fx.previous_id, description="Old", due_on="2026-10-01")
    actions.add_action(session, group_id=fx.group_id, description="Noted today", due_on="2026-09-01")
    doc = report_data.report_doc(session, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31))
    assert (doc.actions.overdue_at_end, doc.actions.open_at_end, doc.actions.completed) == (2, 4, 0)
