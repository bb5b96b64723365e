"""The meeting pack: cover and contents, agenda, previous minutes, action log, open issues, then the papers.

Built in passes: the pack's own pages with reportlab (section starts recorded as they are drawn), the
papers read once with pypdf, the cover written last with the real page numbers (its contents entries
linked to their pages), then one stamping pass puts "Page X of Y" on every page, the agenda's paper number
on every page of each paper and DRAFT on every page of minutes not yet approved.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from interface_desktop.exports import pdf_fonts, pdf_links, pdf_styles
from interface_desktop.exports.agenda import agenda_blocks
from interface_desktop.exports.blocks import Block, table_block
from interface_desktop.exports.minutes_docx import minutes_blocks, record_line
from interface_desktop.exports.text import hhmm, long_date, medium_date, short_date, venue_text
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import PackDoc, PaperDoc

RAG_TEXT_WIDTHS = (2.3, 5.9, 3.0, 2.1, 2.2, 2.0)  # No. holds a reference such as A-2026-014
DRAFT_STAMP = "DRAFT"
DRAFT_RED = "#D5281B"
FOOTER_POINTS = 8


@dataclass
class Part:
    """A run of pages in the pack: a bookmark title, where it starts, and how to stamp it."""

    title: str
    start: int
    pages: int
    stamp: str = ""
    parent: str = ""


def _pack_title(doc: PackDoc) -> str:
    return f"{doc.agenda.head.group_name}: meeting pack, {short_date(doc.agenda.head.starts_at)}"


def _about(doc: PackDoc) -> pdf_styles.About:
    head = doc.agenda.head
    return pdf_styles.About(_pack_title(doc), head.group_name,
                            f"Meeting pack for the meeting on {medium_date(head.starts_at)}")


def action_log_blocks(doc: PackDoc) -> list[Block]:
    on = short_date(doc.actions_on or doc.prepared_on)
    blocks = [Block("h1", "Action log"),
              Block("para", f"Actions of the group open as the meeting of {on} began, as they stood then (those "
                            "agreed at the meeting are in its minutes). RAG: red = overdue, amber = due within "
                            "7 days, green = on track.")]
    if not doc.actions:
        return blocks + [Block("para", "There are no open actions.")]
    rows, fills = [], []
    for n, a in enumerate(doc.actions):
        rows.append((a.number, a.description + (f"\nLatest: {a.last_update}" if a.last_update else ""),
                     a.owner or "To be confirmed", short_date(a.due_on), a.status, a.rag_label))
        fills.append((5, n, pdf_styles.RAG_FILLS.get(a.rag, pdf_styles.PALE)))
    return blocks + [table_block(("No.", "Action", "Lead", "Due", "Status", "RAG"), rows, RAG_TEXT_WIDTHS, fills)]


def issues_blocks(doc: PackDoc) -> list[Block]:
    blocks = [Block("h1", "Open interface issues")]
    if not doc.issues:
        return blocks + [Block("para", "There are no open interface issues.")]
    rows = [(i.reference, i.title, i.category, i.direction, i.severity, i.status, short_date(i.raised_on))
            for i in doc.issues]
    return blocks + [table_block(("Ref.", "Issue", "Category", "Direction", "Severity", "Status", "Raised"), rows,
                                 (2.4, 4.4, 2.5, 2.2, 1.9, 1.9, 1.9))]


def _sections(doc: PackDoc) -> list[tuple[str, list[Block]]]:
    previous = doc.previous_minutes
    if previous is None:
        note = doc.previous_note[:1].upper() + doc.previous_note[1:] + "." if doc.previous_note else \
            "No previous meeting on record."
        minutes = [Block("h1", "Minutes of the previous meeting"), Block("para", note)]
        minutes_title = "Minutes of the previous meeting"
    else:
        minutes = minutes_blocks(previous)
        minutes_title = f"Minutes of the previous meeting ({short_date(previous.head.starts_at)})"
        if previous.is_draft:
            minutes.insert(0, Block("small", "DRAFT minutes, not yet approved by the group"))
        elif record_line(previous):
            minutes.append(Block("small", record_line(previous)))
    return [("Agenda", agenda_blocks(doc.agenda)), (minutes_title, minutes), ("Action log", action_log_blocks(doc)),
            ("Open interface issues", issues_blocks(doc))]


def _draft_pages(doc: PackDoc, starts: dict[str, int], pages: int) -> range:
    """The pack's pages (from 1) that hold minutes not yet approved: each is stamped DRAFT."""
    previous = doc.previous_minutes
    if previous is None or not previous.is_draft:
        return range(0)
    titles = list(starts)
    title = next(t for t in titles if t.startswith("Minutes of the previous meeting"))
    later = titles.index(title) + 1
    return range(starts[title], starts[titles[later]] if later < len(titles) else pages + 1)


def _body(doc: PackDoc) -> tuple[bytes, dict[str, int]]:
    """The pack's own pages; returns the PDF and the page (from 1) where each section starts."""
    from reportlab.platypus import Flowable, PageBreak

    starts: dict[str, int] = {}

    class Anchor(Flowable):
        def __init__(self, key: str):
            super().__init__()
            self.key = key

        def wrap(self, *_: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            starts[self.key] = self.canv.getPageNumber()

    story: list = []
    for n, (title, blocks) in enumerate(_sections(doc)):
        if n:
            story.append(PageBreak())
        story += [Anchor(title), *pdf_styles.render(blocks)]
    return _render(story, doc), starts


def _render(story: list, doc: PackDoc) -> bytes:
    out = io.BytesIO()
    pdf_styles.document(out, _about(doc)).build(story)
    return out.getvalue()


def _paper_label(paper: PaperDoc) -> str:
    """'Paper 5.1', as the agenda numbers it."""
    return f"Paper {paper.number}" if paper.number else "Paper"


def _divider(paper: PaperDoc, reason: str) -> bytes:
    label = _paper_label(paper)
    story = [pdf_styles.para(label, "h1"), pdf_styles.para(paper.title, "title"),
             pdf_styles.para(f"File: {paper.filename}", "subtitle"), pdf_styles.para(reason)]
    out = io.BytesIO()
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(out, pagesize=A4, topMargin=200, initialFontName=pdf_fonts.font()).build(story)
    return out.getvalue()


def _paper_reader(paper: PaperDoc):  # noqa: ANN202 - (PdfReader, note)
    """A paper's PDF, or a divider page explaining why it is not merged in."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if paper.is_pdf:
        try:
            reader = PdfReader(io.BytesIO(paper.data))
            if reader.is_encrypted:
                reader.decrypt("")
            if len(reader.pages):
                return reader
            reason = "The PDF has no pages; see the original file."
        except (PdfReadError, ValueError, KeyError, NotImplementedError):
            reason = "The PDF could not be read (damaged or password-protected); it is circulated separately."
    else:
        reason = "This paper is not a PDF and is circulated as a separate file with the pack."
    return PdfReader(io.BytesIO(_divider(paper, reason)))


def _cover(doc: PackDoc, parts: list[Part], offset: int) -> tuple[bytes, list[pdf_links.Spot]]:
    """The cover and its contents, and where on it each contents entry was drawn (for its link)."""
    head = doc.agenda.head
    blocks = [Block("title", head.group_name), Block("h1", "Meeting pack"),
              Block("subtitle", f"{head.title}\n"), Block("para", f"{long_date(head.starts_at)}, "
                                                              f"{hhmm(head.starts_at)} to {hhmm(head.ends_at)}")]
    where = venue_text(head.venue, head.call_link)
    if where:
        blocks.append(Block("para", where.capitalize() if where == "by video call" else where))
    if head.chair:
        blocks.append(Block("para", f"Chair: {head.chair}"))
    rows = [("\u00a0" * 6 + p.title if p.parent else p.title, str(p.start + offset)) for p in parts]
    spots: list[pdf_links.Spot] = []
    story = pdf_styles.render(blocks + [Block("h2", "Contents")])
    story += [pdf_links.traced(table, spots) for table in pdf_styles.render([table_block(("Section", "Page"), rows,
                                                                                         (14.5, 2.5))])]
    story += pdf_styles.render([Block("small", f"Prepared {short_date(doc.prepared_on)}")])
    return _render(story, doc), spots


def build(doc: PackDoc, path: Path) -> None:
    from pypdf import PdfReader

    body, starts = _body(doc)
    body_reader = PdfReader(io.BytesIO(body))
    parts = [Part(title, start, 0) for title, start in starts.items()]
    draft = _draft_pages(doc, starts, len(body_reader.pages))
    readers = [_paper_reader(paper) for paper in doc.papers]
    page = len(body_reader.pages) + 1
    if doc.papers:
        parts.append(Part("Papers", page, 0))
    for paper, reader in zip(doc.papers, readers):
        label = f"{_paper_label(paper)}: {paper.title}" if paper.number else paper.title
        parts.append(Part(label, page, len(reader.pages), stamp=_paper_label(paper), parent="Papers"))
        page += len(reader.pages)
    cover_pdf, spots = _cover(doc, parts, 1)
    cover = PdfReader(io.BytesIO(cover_pdf))
    offset = len(cover.pages)
    if offset > 1:
        cover_pdf, spots = _cover(doc, parts, offset)
        cover = PdfReader(io.BytesIO(cover_pdf))
    stamps = {page + offset - 1: DRAFT_STAMP for page in draft}
    for part in parts:
        stamps.update({part.start + offset - 1 + n: part.stamp for n in range(part.pages)})
    _assemble(path, doc, (cover, body_reader, *readers), stamps, parts, offset, spots)


def _assemble(path: Path, doc: PackDoc, readers, stamps: dict[int, str], parts: list[Part],  # noqa: ANN001
              offset: int, spots: list[pdf_links.Spot]) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    _stamp(writer, stamps, _pack_title(doc))
    pdf_links.add_links(writer, spots, [part.start + offset - 1 for part in parts])
    writer.add_outline_item("Cover and contents", 0)
    parents = {}
    for part in parts:
        parent = parents.get(part.parent)
        parents[part.title] = writer.add_outline_item(part.title, part.start + offset - 1, parent=parent)
    _describe(writer, _about(doc))
    writer.page_mode = "/UseOutlines"
    with open(path, "wb") as out:
        writer.write(out)


def _describe(writer, about: pdf_styles.About) -> None:  # noqa: ANN001 - a PdfWriter
    """The pack's title, author, subject and language; pypdf keeps none of its parts' own."""
    from pypdf.generic import NameObject, TextStringObject

    writer.add_metadata({"/Title": about.title, "/Author": about.author, "/Subject": about.subject,
                         "/Creator": pdf_fonts.CREATOR})
    writer.root_object[NameObject("/Lang")] = TextStringObject(pdf_fonts.LANGUAGE)


def _stamp(writer, stamps: dict[int, str], title: str) -> None:  # noqa: ANN001 - a PdfWriter
    """One overlay page per pack page, made in one reportlab pass and merged page by page."""
    from pypdf import PdfReader, Transformation
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen import canvas

    total = len(writer.pages)
    out = io.BytesIO()
    c = canvas.Canvas(out, initialFontName=pdf_fonts.font())
    boxes = []
    for index, page in enumerate(writer.pages):
        if page.rotation:
            page.transfer_rotation_to_content()
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        boxes.append((float(box.left), float(box.bottom)))
        c.setPageSize((width, height))
        _footer(c, width, f"Page {index + 1} of {total}", title if index else "")
        label = stamps.get(index)
        if label:
            colour = HexColor(DRAFT_RED if label == DRAFT_STAMP else pdf_styles.NHS_BLUE)
            c.setFillColor(HexColor("#FFFFFF"))
            c.setStrokeColor(colour)
            c.rect(width - 110, height - 34, 92, 22, fill=1, stroke=1)
            c.setFillColor(colour)
            c.setFont(pdf_fonts.font(bold=True), 11)
            c.drawCentredString(width - 64, height - 27, label)
        c.showPage()
    c.save()
    overlay = PdfReader(io.BytesIO(out.getvalue()))
    opening = writer._add_object(_stream(b"q\n"))
    for index, (page, stamp, (left, bottom)) in enumerate(zip(writer.pages, overlay.pages, boxes)):
        if "/Resources" in page and "/Contents" in page:
            _draw_over(writer, page, stamp, f"/PackStamp{index}", (left, bottom), opening)
        else:
            page.merge_transformed_page(stamp, Transformation().translate(left, bottom))


def _footer(c, width: float, number: str, title: str) -> None:  # noqa: ANN001 - a reportlab Canvas
    """The page number at the right, the pack's title at the left in whatever size lets it read whole."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = pdf_fonts.font()
    c.setFillColor(HexColor(pdf_styles.GREY))
    c.setFont(font, FOOTER_POINTS)
    c.drawRightString(width - 40, 18, number)
    room = width - 80 - stringWidth(number, font, FOOTER_POINTS) - 12
    lines, size = pdf_styles.fit_text(title, font, FOOTER_POINTS, room)
    c.setFont(font, size)
    for n, line in enumerate(reversed(lines)):  # a second line goes above, clear of the page's edge
        c.drawString(40, 18 + n * (size + 1), line)


def _stream(data: bytes, **entries: object):  # noqa: ANN202 - a pypdf stream object
    from pypdf.generic import DecodedStreamObject, NameObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in entries.items():
        stream[NameObject("/" + key)] = value
    return stream


def _draw_over(writer, page, stamp, name: str, origin: tuple[float, float], opening) -> None:  # noqa: ANN001
    """Draws the stamp page over the page as a form XObject.

    pypdf's merge_page re-parses both content streams of every page; appending a form and wrapping the
    original content in q/Q leaves the paper's content untouched and costs almost nothing.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    box = stamp.mediabox
    form = _stream(stamp.get_contents().get_data(), Type=NameObject("/XObject"), Subtype=NameObject("/Form"),
                   BBox=ArrayObject([FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)]),
                   Resources=stamp["/Resources"].clone(writer))
    resources = page["/Resources"]
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"][NameObject(name)] = writer._add_object(form)
    contents = page.raw_get("/Contents")
    parts = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    closing = _stream(f"\nQ q 1 0 0 1 {origin[0]:g} {origin[1]:g} cm {name} Do Q\n".encode())
    page[NameObject("/Contents")] = ArrayObject([opening, *parts, writer._add_object(closing)])


def export(doc: PackDoc, target: Path | str) -> Path:
    return write("pack", doc, target)
