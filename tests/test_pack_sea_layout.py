"""The meeting pack and the SEA report as a secretary reads them: papers stamped with the agenda's numbers, DRAFT on
every page of unapproved minutes, contents that link to their pages, a footer that reads whole, no pack for an
empty agenda; the SEA meeting, who took part and who wrote it up, overdue actions flagged, a closing line whole."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime

import docx
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from interface_desktop.exports import pack_pdf, pdf_fonts, sea
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents import documents
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import agenda, meetings
from interface_desktop.services.people import groups
from tests.support import document_data


@pytest.fixture
def fx(session):
    return document_data.build(session)


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    result = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                result.append((item.title, reader.get_destination_page_number(item)))
    walk(reader.outline)
    return result


def _pack(session, meeting_id: int, tmp_path) -> PdfReader:
    return PdfReader(pack_pdf.export(documents.pack_doc(session, meeting_id), tmp_path / "pack.pdf"))


def test_papers_are_stamped_with_the_agendas_paper_numbers(session, fx, tmp_path):
    reader = _pack(session, fx.meeting_id, tmp_path)
    pages = dict(_outline(reader))
    assert {"Paper 5.1: Discharge letter audit", "Paper 6.1: Results routing proposal"} <= set(pages)
    agenda_text = reader.pages[pages["Agenda"]].extract_text()
    assert "Paper 5.1: Discharge letter audit" in agenda_text and "Paper 6.1: Results routing proposal" in agenda_text
    first = pages["Paper 5.1: Discharge letter audit"]
    for n in range(fx.paper_pages):
        assert "Paper 5.1" in reader.pages[first + n].extract_text()
    assert "Paper 6.1" in reader.pages[pages["Paper 6.1: Results routing proposal"]].extract_text()


def test_contents_entries_link_to_their_pages(session, fx, tmp_path):
    reader = _pack(session, fx.meeting_id, tmp_path)
    links = [annotation.get_object() for annotation in reader.pages[0].get("/Annots", [])]
    targets = [reader.get_page_number(link["/Dest"][0].get_object()) for link in links if link["/Subtype"] == "/Link"]
    assert targets == [page for title, page in _outline(reader)[1:]]
    tops = [float(link["/Rect"][3]) for link in links]
    assert tops == sorted(tops, reverse=True)  # one under another, as the entries are listed


def _long_minutes(session, meeting_id: int) -> None:
    item = agenda.list_agenda(session, meeting_id)[3]
    agenda.save_minutes(session, item_id=item.id, decisions="",
                        discussion="\n".join(f"Point {n}: the group went through the action log at length."
                                             for n in range(60)))


def test_unapproved_previous_minutes_carry_draft_on_every_page(session, fx, tmp_path):
    _long_minutes(session, fx.meeting_id)
    later = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 13, 14, 0))
    agenda.add_agenda_item(session, meeting_id=later.id, title="Winter plan")
    reader = _pack(session, later.id, tmp_path)
    outline = _outline(reader)
    titles = [title for title, _ in outline]
    start = dict(outline)["Minutes of the previous meeting (25/11/2026)"]
    end = dict(outline)[titles[titles.index("Minutes of the previous meeting (25/11/2026)") + 1]]
    assert end - start >= 2
    texts = [page.extract_text() for page in reader.pages]
    for page in range(start, end):
        assert "DRAFT" in texts[page], page
    for page in [*range(0, start), *range(end, len(texts))]:
        assert "DRAFT" not in texts[page], page


def test_approved_previous_minutes_carry_no_draft_stamp(session, fx, tmp_path):
    texts = [page.extract_text() for page in _pack(session, fx.meeting_id, tmp_path).pages]
    assert not any("DRAFT" in text for text in texts)


def test_the_footer_of_a_long_group_name_reads_whole_beside_the_page_number(session, fx, tmp_path):
    name = "Greater Glasgow and Clyde Primary and Secondary Care Interface Group (North East and North West Sectors)"
    groups.update_group(session, fx.group_id, name=name)
    page = _pack(session, fx.meeting_id, tmp_path).pages[1]
    drawn = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: drawn.append((text.strip(), tm[4], size)))
    title = next((x, size) for text, x, size in drawn if text == f"{name}: meeting pack, 25/11/2026")
    number = next(x for text, x, _ in drawn if text.startswith("Page 2 of"))
    x, size = title
    assert x + stringWidth(f"{name}: meeting pack, 25/11/2026", pdf_fonts.font(), size) < number


def test_a_meeting_without_agenda_items_has_no_pack(db, session, fx, tmp_path):
    bare = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 13, 14, 0),
                                   with_standing_items=False)
    with pytest.raises(ValidationError, match="no agenda items"):
        documents.pack_doc(session, bare.id)
    session.commit()
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")
    result = subprocess.run([sys.executable, "-m", "interface_desktop", "export", "pack", "--meeting", str(bare.id),
                             "-o", str(tmp_path / "pack.pdf")], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the meeting of 13/01/2027 has no agenda items" in lines[0], result.stderr
    assert not (tmp_path / "pack.pdf").exists()


def _sea_with_meeting(session, fx) -> None:
    issues.save_sea(session, fx.sea_issue_id, meeting_on=date(2026, 8, 24),
                    participants="GP, Leith Medical Practice\nConsultant biochemist, Royal Infirmary",
                    facilitator="Interface group lead (GP)")


def test_the_sea_names_its_meeting_who_took_part_and_who_wrote_it(session, fx, tmp_path):
    _sea_with_meeting(session, fx)
    doc = documents.sea_doc(session, fx.sea_issue_id)
    text = [p.text for p in docx.Document(sea.export(doc, tmp_path / "sea.docx")).paragraphs]
    assert "SEA meeting: 24 August 2026" in text
    assert "Taking part: GP, Leith Medical Practice; Consultant biochemist, Royal Infirmary" in text
    assert "Facilitator and author: Interface group lead (GP)" in text
    pdf = " ".join(page.extract_text() for page in PdfReader(sea.export(doc, tmp_path / "sea.pdf")).pages)
    assert "24 August 2026" in pdf and "Interface group lead (GP)" in pdf


def test_the_sea_flags_its_overdue_actions(session, fx, tmp_path):
    d = docx.Document(sea.export(documents.sea_doc(session, fx.sea_issue_id), tmp_path / "sea.docx"))
    row = [c.text for c in d.tables[0].rows[1].cells]
    assert row[1:] == ["Audit practice codes quarterly", "Dr Gus Grey", "01/11/2026", "Open, overdue"]
    assert "1 of 1 actions is overdue at 23/11/2026." in [p.text for p in d.paragraphs]


def test_the_seas_closing_line_reads_whole(session, fx, tmp_path):
    reader = PdfReader(sea.export(documents.sea_doc(session, fx.sea_issue_id), tmp_path / "sea.pdf"))
    last = " ".join(reader.pages[-1].extract_text().split())
    assert ("NHS Lothian, Lothian Interface Group. Prepared 23/11/2026. This analysis records roles and "
            "organisations only, never patient details.") in last


def _running_header(page, height: float) -> list[tuple[str, float, float]]:
    """(text, x, size) of what is drawn above the top margin."""
    drawn = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: drawn.append((text.strip(), tm[4], tm[5], size)))
    return [(text, x, size) for text, x, y, size in drawn if text and y > height - 50]


def test_the_seas_running_header_reads_whole_for_a_long_group_name(session, fx, tmp_path):
    name = ("Lothian Primary and Secondary Care Interface Group for the City of Edinburgh, East Lothian, Midlothian "
            "and West Lothian Health and Social Care Partnerships and the acute hospital sites")
    groups.update_group(session, fx.group_id, name=name)
    reader = PdfReader(sea.export(documents.sea_doc(session, fx.sea_issue_id), tmp_path / "sea.pdf"))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        header = _running_header(page, height)
        assert " ".join(text for text, _, _ in header) == f"{name}: Significant Event Analysis"
        for text, x, size in header:
            assert x + stringWidth(text, pdf_fonts.font(), size) <= width - 56, (text, size)
