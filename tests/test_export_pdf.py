"""PDF documents read back with pypdf: the meeting pack's sections, bookmarks, stamps and page numbers."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from tests.support import document_data
from interface_desktop.exports import agenda, pack_pdf, report, sea
from interface_desktop.services.documents import documents
from interface_desktop.services.documents import files
from interface_desktop.services.documents import report_data


@pytest.fixture
def fx(session):
    return document_data.build(session)


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, page index, depth) for every bookmark."""
    result = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                result.append((item.title, reader.get_destination_page_number(item), depth))
    walk(reader.outline, 0)
    return result


def test_pack_has_every_section_bookmarked_and_numbered(session, fx, tmp_path):
    doc = documents.pack_doc(session, fx.meeting_id)
    out = pack_pdf.export(doc, tmp_path / "pack.pdf")
    reader = PdfReader(out)
    texts = _pages(out)
    total = len(texts)
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {total}" in text, n
    outline = _outline(reader)
    titles = [t for t, _, _ in outline]
    assert titles[:5] == ["Cover and contents", "Agenda", "Minutes of the previous meeting (30/09/2026)",
                          "Action log", "Open interface issues"]
    assert ("Paper 5.1: Discharge letter audit", 1) in [(t, d) for t, _, d in outline]
    assert ("Paper 6.1: Results routing proposal", 1) in [(t, d) for t, _, d in outline]
    pages = {t: p for t, p, _ in outline}
    assert "Agenda" in texts[pages["Agenda"]] and "14:27" in texts[pages["Agenda"]]
    assert "Minutes of the meeting held on Wednesday 30 September 2026" in texts[pages[titles[2]]]
    # The action log as the meeting began: earlier actions still open then, not those agreed at the meeting.
    assert "Write to labs about +ve results routing" in " ".join(texts[pages["Action log"]].split())
    assert "Pilot the letter template on ward 101" not in texts[pages["Action log"]]
    assert "Overdue" in texts[pages["Action log"]]
    assert "LO-2026-001" in texts[pages["Open interface issues"]]
    audit = pages["Paper 5.1: Discharge letter audit"]
    for n in range(fx.paper_pages):
        assert f"Discharge letter audit - paper page {n + 1}" in texts[audit + n]
        assert "Paper 5.1" in texts[audit + n]
    divider = texts[pages["Paper 6.1: Results routing proposal"]]
    assert "routing.docx" in divider and "Paper 6.1" in divider
    assert total == pages["Paper 6.1: Results routing proposal"] + 1
    contents = texts[0]
    for title, page, _ in outline[1:]:
        if title != "Papers":
            assert re.search(re.escape(title.split(" (")[0]) + r".*?\s" + str(page + 1), contents, re.S), title


def test_pack_without_previous_meeting_or_papers(session, fx, tmp_path):
    for paper in files.list_papers(session, fx.meeting_id):
        files.delete_paper(session, paper.id)
    doc = documents.pack_doc(session, fx.previous_id)
    reader = PdfReader(pack_pdf.export(doc, tmp_path / "pack.pdf"))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "No previous meeting on record." in text
    assert "Papers" not in [t for t, _, _ in _outline(reader)]


def test_damaged_pdf_paper_gets_a_divider_not_a_failure(session, fx, tmp_path):
    files.add_paper(session, meeting_id=fx.meeting_id, filename="broken.pdf", title="Broken", data=b"%PDF-1.4 junk")
    out = pack_pdf.export(documents.pack_doc(session, fx.meeting_id), tmp_path / "pack.pdf")
    last = _pages(out)[-1]
    assert "broken.pdf" in last and "could not be read" in last


def test_agenda_sea_and_report_pdfs_have_content_and_page_numbers(session, fx, tmp_path):
    a = agenda.export(documents.agenda_doc(session, fx.meeting_id), tmp_path / "agenda.pdf")
    s = sea.export(documents.sea_doc(session, fx.sea_issue_id), tmp_path / "sea.pdf")
    r = report.export(report_data.report_doc(session, date_from=date(2026, 8, 1), date_to=date(2026, 10, 31)),
                      tmp_path / "report.pdf")
    for path, needle in ((a, "Results routing to practices"), (s, "What has been learned?"),
                         (r, "Issues by category")):
        texts = _pages(path)
        assert needle in " ".join(texts)
        for n, text in enumerate(texts, 1):
            assert f"Page {n} of {len(texts)}" in text
    assert "Check practice codes at source." in " ".join(_pages(r))


def test_rotated_and_landscape_papers_are_stamped_too(session, fx, tmp_path):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(document_data.pdf_bytes(2, "Budget"))))
    writer.pages[0].rotate(90)
    writer.add_blank_page(842, 595)
    data = io.BytesIO()
    writer.write(data)
    files.add_paper(session, meeting_id=fx.meeting_id, filename="budget.pdf", title="Budget", data=data.getvalue())
    texts = _pages(pack_pdf.export(documents.pack_doc(session, fx.meeting_id), tmp_path / "pack.pdf"))
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {len(texts)}" in text
    assert "Budget - paper page 1" in texts[-3] and "Paper" in texts[-1]
