"""What a secretary expects on the page of the minutes and the agenda: the title block and close, who was there in
the right order, the chair's signature, action tables that keep their rows together, agenda purposes and leads,
the pack's own papers cited, the close time, and columns wide enough for names and dates."""

from __future__ import annotations

import io
from datetime import date, datetime

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from interface_desktop.exports import agenda, minutes_docx, pdf_styles
from interface_desktop.exports.blocks import table_block
from interface_desktop.services.actions import actions
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents import documents
from interface_desktop.services.meetings import agenda as agenda_service
from interface_desktop.services.meetings import approval, attendance, meetings
from interface_desktop.services.people import people
from tests.support import document_data

CELL_POINTS = 9.5  # the table text of the built-in Word template


@pytest.fixture
def fx(session):
    return document_data.build(session)


def _minutes(session, meeting_id: int, tmp_path) -> docx.Document:
    return docx.Document(minutes_docx.export(documents.minutes_doc(session, meeting_id), tmp_path / "m.docx"))


def _texts(d: docx.Document) -> list[str]:
    return [p.text for p in d.paragraphs]


def _section(texts: list[str], heading: str) -> list[str]:
    """The attendee lines under a heading of the register."""
    start = texts.index(heading) + 1
    end = next(n for n in range(start, len(texts)) if texts[n] in ("In attendance", "Apologies", "Quorum"))
    return texts[start:end]


def _person_id(session, name: str) -> int:
    return people.find_person_by_name(session, name).id


def test_minutes_open_with_the_meeting_title_its_start_and_close_and_the_video_link(session, fx, tmp_path):
    meetings.update_meeting(session, fx.meeting_id, title="Extraordinary meeting: winter pressures",
                            closed_at=datetime(2026, 11, 25, 15, 40))
    texts = _texts(_minutes(session, fx.meeting_id, tmp_path))
    assert texts[:4] == ["Lothian Interface Group", "Extraordinary meeting: winter pressures",
                         "Minutes of the meeting held on Wednesday 25 November 2026 from 14:00 to 15:40, "
                         "Waverley Gate, Room 2.4 and by video call",
                         "Video call: https://teams.example/meet"]
    closing = texts.index("The meeting closed at 15:40.")
    assert closing > texts.index("6\tResults routing to practices")
    assert texts[closing + 1] == "Actions agreed at this meeting"


def test_a_close_time_must_fall_after_the_start(session, fx):
    with pytest.raises(ValidationError, match="closed_at: must be after the start"):
        meetings.update_meeting(session, fx.meeting_id, closed_at="2026-11-25 13:50")
    assert meetings.get_meeting(session, fx.meeting_id).closed_at is None


def test_the_minute_taker_is_in_attendance_and_names_go_by_surname_with_the_chair_first(session, fx, tmp_path):
    erin = _person_id(session, "Ms Erin Black")
    attendance.set_attendance(session, meeting_id=fx.meeting_id, person_id=erin, status="present")
    attendance.set_attendance(session, meeting_id=fx.meeting_id, person_id=_person_id(session, "Dr Carol White"),
                              status="apologies")
    texts = _texts(_minutes(session, fx.meeting_id, tmp_path))
    assert _section(texts, "Present") == [
        "Dr Ann Smith (Chair), GP, Leith Medical Practice", "Mr David Brown, Consultant, Western General Hospital",
        "Dr Bob Jones, Consultant, Royal Infirmary of Edinburgh"]
    assert _section(texts, "In attendance") == ["Ms Erin Black (minutes), Manager, Edinburgh HSCP",
                                                "Dr Gus Grey, Consultant, St John's Hospital"]
    assert _section(texts, "Apologies") == ["Dr Carol White, GP, Craigmillar Medical Group"]


def test_a_minute_taker_who_sent_apologies_stays_under_apologies(session, fx, tmp_path):
    texts = _texts(_minutes(session, fx.meeting_id, tmp_path))
    assert _section(texts, "Apologies") == ["Ms Erin Black, Manager, Edinburgh HSCP"]
    assert not any("(minutes)" in line for line in texts)


def test_approved_minutes_close_with_a_place_for_the_chair_to_sign(session, fx, tmp_path, monkeypatch):
    meetings.update_meeting(session, fx.meeting_id, closed_at=datetime(2026, 11, 25, 15, 40))
    assert not any(line.startswith("Signed (Chair)") for line in _texts(_minutes(session, fx.meeting_id, tmp_path)))
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-03")  # approved after the meeting
    approval.approve_minutes(session, fx.meeting_id, approved_on=date(2026, 12, 2))
    d = _minutes(session, fx.meeting_id, tmp_path)
    texts = _texts(d)
    close = texts.index("The meeting closed at 15:40.")
    assert texts[close + 1:close + 3] == ["\u00a0", "These minutes were approved on 02/12/2026 as a true record."]
    assert texts[close + 3].startswith("Signed (Chair) \u2026") and "Date \u2026" in texts[close + 3]
    assert texts[close + 4] == "Actions agreed at this meeting"
    # The signature never starts a page alone: the close, the space and the approval keep with it.
    assert all(d.paragraphs[n].paragraph_format.keep_with_next for n in range(close, close + 3))


def _add_action(session, fx, text: str) -> None:
    item = next(i for i in agenda_service.list_agenda(session, fx.meeting_id) if i.title.startswith("Discharge"))
    actions.add_action(session, agenda_item_id=item.id, description=text, due_on="2027-02-01")


def _keeps(row) -> bool:
    return all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)


def test_word_action_tables_never_leave_one_row_alone_at_a_page_break(session, fx, tmp_path):
    table = _minutes(session, fx.meeting_id, tmp_path).tables[-1]
    assert [_keeps(row) for row in table.rows] == [True, True, False]  # a short table moves whole
    for n in range(6):
        _add_action(session, fx, f"Extra action {n}")
    rows = _minutes(session, fx.meeting_id, tmp_path).tables[-1].rows
    assert len(rows) == 9
    for row in rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # no row broken across pages
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header repeats on the next page
    # The header holds to the first two rows, the last two rows hold together, and the table may break between.
    assert [_keeps(row) for row in rows] == [True, True, False, False, False, False, False, True, False]


def _pages_holding(pdf: bytes, marker: str) -> list[int]:
    """How many rows carrying the marker each page holds, for the pages that hold any."""
    counts = [page.extract_text().count(marker) for page in PdfReader(io.BytesIO(pdf)).pages]
    return [count for count in counts if count]


def _table_pages(rows: int, gap: int) -> list[int]:
    """How the rows of an action table fall on the pages when it starts `gap` points down the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    block = table_block(minutes_docx.ACTION_HEADERS, [
        (str(n), f"Row marker {n} about discharge letters", "Dr Bob Jones", "31/01/2027", "Open")
        for n in range(1, rows + 1)], minutes_docx.ACTION_WIDTHS)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Spacer(1, gap), *pdf_styles.render([block])])
    return _pages_holding(out.getvalue(), "Row marker")


def test_pdf_tables_never_leave_one_row_alone_at_a_page_break():
    splits = set()
    for gap in range(400, 660, 6):  # the table starts lower and lower on the first page
        counts = _table_pages(10, gap)
        assert sum(counts) == 10 and min(counts) >= 2, (gap, counts)
        splits.add(tuple(counts))
        assert _table_pages(4, gap) == [4]  # a short table moves to the next page whole
    assert len(splits) > 2  # the gaps did make the long table break across pages, at different rows


def test_agenda_standing_items_have_a_purpose_a_lead_and_the_packs_own_papers(session, fx, tmp_path):
    d = docx.Document(agenda.export(documents.agenda_doc(session, fx.meeting_id), tmp_path / "agenda.docx"))
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    standing = {row[2].split("\n")[0]: (row[3], row[4]) for row in rows[1:]}
    assert standing["Welcome and apologies"] == ("For noting", "Dr Ann Smith")
    assert standing["Declarations of interest"] == ("For noting", "Dr Ann Smith")
    assert standing["Minutes of the previous meeting"] == ("For approval", "Dr Ann Smith")
    assert standing["Matters arising and action log"] == ("For review", "Dr Ann Smith")
    assert standing["Date of next meeting"] == ("For noting", "Dr Ann Smith")
    assert standing["Results routing to practices"] == ("For discussion", "Dr Gus Grey")
    by_title = {row[2].split("\n")[0]: row[2] for row in rows[1:]}
    assert "Paper 3.1: Minutes of the meeting held on 30/09/2026" in by_title["Minutes of the previous meeting"]
    assert "Paper 4.1: Action log" in by_title["Matters arising and action log"]
    assert rows[-1] == ["", "16:00", "Close", "", ""]
    assert "from 14:00 to 16:00" in " ".join(_texts(d))


def test_draft_previous_minutes_are_cited_as_a_draft(session, fx, tmp_path):
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 13, 14, 0))
    items = documents.agenda_doc(session, later.id).items
    cited = {item.title: item.cited for item in items if item.cited}
    assert cited == {"Minutes of the previous meeting": ("Minutes of the meeting held on 25/11/2026 (draft)",),
                     "Matters arising and action log": ("Action log",)}


def test_an_agenda_running_past_its_end_closes_when_its_items_end(session, fx):
    meetings.update_meeting(session, fx.meeting_id, duration_minutes=60)
    doc = documents.agenda_doc(session, fx.meeting_id)
    assert doc.closes_at == datetime(2026, 11, 25, 15, 19)
    assert agenda.agenda_blocks(doc)[1].text.startswith("Meeting to be held on Wednesday 25 November 2026 from "
                                                        "14:00 to 15:19")


def _grid_points(table) -> list[float]:
    return [int(col.get(qn("w:w"))) / 20 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_word_agenda_columns_fit_each_lead_and_time_on_one_line(session, fx, tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    people.update_person(session, _person_id(session, "Dr Gus Grey"), name="Dr Catriona Henderson-Grey")
    d = docx.Document(agenda.export(documents.agenda_doc(session, fx.meeting_id), tmp_path / "agenda.docx"))
    table = d.tables[0]
    widths = _grid_points(table)
    assert abs(sum(widths) - (d.sections[0].page_width - d.sections[0].left_margin
                              - d.sections[0].right_margin) / 12700) < 2
    margins = 2 * 85 / 20  # the template's cell margins
    for column in (1, 4):  # time, lead
        for row in table.rows:
            text = row.cells[column].text
            assert stringWidth(text, "Helvetica", CELL_POINTS) + margins <= widths[column], (text, widths[column])


def test_pdf_columns_never_break_a_word_or_a_date():
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    rows = [("LO-2026-009", "Mental health discharge plans not reaching practices", "Communication",
             "Secondary to primary", "High", "Under review", "19/11/2026")]
    block = table_block(("Ref.", "Issue", "Category", "Direction", "Severity", "Status", "Raised"), rows,
                        (2.4, 4.4, 2.5, 2.2, 1.9, 1.9, 1.9))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * 28.35, rightMargin=2 * 28.35).build(pdf_styles.render([block]))
    lines = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text().splitlines()
    for word in ("LO-2026-009", "Communication", "Secondary", "19/11/2026", "Raised", "Severity"):
        assert any(word in line for line in lines), (word, lines)
