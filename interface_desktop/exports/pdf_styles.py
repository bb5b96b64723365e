"""The house style of the PDF documents: A4, plain NHS-blue headings, tables, and 'Page X of Y' footers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from xml.sax.saxutils import escape

from interface_desktop.exports import pdf_fonts, table_layout
from interface_desktop.exports.blocks import Block
from interface_desktop.exports.charts import drawing

if TYPE_CHECKING:
    from reportlab.platypus import Table

NHS_BLUE = "#005EB8"
DARK = "#231F20"
GREY = "#425563"
PALE = "#E8EDEE"
RAG_FILLS = {"red": "#F4C7C3", "amber": "#FCE8B2", "green": "#C6E7C9", "grey": "#E8EDEE"}
MARGIN_CM = 2.0


def clean(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph (markup escaped)."""
    return escape(text)


@lru_cache(maxsize=1)
def styles() -> dict:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = pdf_fonts.font(), pdf_fonts.font(bold=True)
    base = ParagraphStyle("Body", fontName=regular, fontSize=10, leading=13.5, textColor=HexColor(DARK),
                          spaceAfter=5)
    return {
        "body": base,
        "title": ParagraphStyle("Title", parent=base, fontName=bold, fontSize=18, leading=22,
                                textColor=HexColor(NHS_BLUE), spaceAfter=4),
        "subtitle": ParagraphStyle("Subtitle", parent=base, fontSize=12, leading=16, spaceAfter=12),
        "h1": ParagraphStyle("H1", parent=base, fontName=bold, fontSize=13, leading=17,
                             textColor=HexColor(NHS_BLUE), spaceBefore=12, spaceAfter=5, keepWithNext=1),
        "h2": ParagraphStyle("H2", parent=base, fontName=bold, fontSize=10.5, leading=14,
                             spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "cell": ParagraphStyle("Cell", parent=base, fontSize=8.8, leading=11, spaceAfter=0),
        "cellhead": ParagraphStyle("CellHead", parent=base, fontName=bold, fontSize=8.8, leading=11,
                                   spaceAfter=0, textColor=HexColor("#FFFFFF")),
        "small": ParagraphStyle("Small", parent=base, fontSize=8.5, leading=11, textColor=HexColor(GREY)),
        "indent": ParagraphStyle("Indent", parent=base, leftIndent=14),
    }


def para(text: str, style: str = "body"):  # noqa: ANN201 - a Paragraph
    from reportlab.platypus import Paragraph

    return Paragraph(clean(text), styles()[style])


def labelled(label: str, text: str, style: str = "indent"):  # noqa: ANN201 - a Paragraph
    from reportlab.platypus import Paragraph

    return Paragraph(f"<b>{clean(label)}</b> {clean(text)}", styles()[style])


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths_cm: Sequence[float],
          fills: Sequence[tuple[int, int, str]] = ()) -> Table:
    """A table with a blue header row repeated on each page; cells are wrapped text.

    fills: (column, row, colour) for RAG cells, rows counted from the first data row.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, TableStyle

    cell, head = styles()["cell"], styles()["cellhead"]
    data = [[Paragraph(clean(h), head) for h in headers]]
    data += [[v if not isinstance(v, str) else Paragraph(clean(v).replace("\n", "<br/>"), cell) for v in row]
             for row in rows]
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(NHS_BLUE)),
        ("FONTNAME", (0, 0), (-1, -1), pdf_fonts.font()),  # the cells' own font; Helvetica by default
        ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#AEB7BD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (col, row + 1), (col, row + 1), HexColor(colour)) for col, row, colour in fills]
    result = table_layout.kept_table()(data, colWidths=[w * cm for w in widths_cm], repeatRows=1)
    result.setStyle(TableStyle(commands))
    return result


PDF_STYLES = {"title": "title", "subtitle": "subtitle", "h1": "h1", "h2": "h2", "para": "body", "attendee": "indent",
              "small": "small"}
CONTENT_WIDTH_CM = 17.0
CELL_PADDING = 13  # points: reportlab's 6 on each side of a cell, and one to spare
SMALLEST_POINTS = 6  # running headers and footers shrink to this before they take a second line


def column_widths(block: Block) -> list[float]:
    """The table's columns sized to their text across the text width, in cm (the block's widths say where
    spare width goes)."""
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cell, head = styles()["cell"], styles()["cellhead"]

    def measure(text: str, bold: bool) -> float:
        style = head if bold else cell
        return stringWidth(text, style.fontName, style.fontSize)

    points = table_layout.fit_widths(block.headers, block.rows, block.widths, CONTENT_WIDTH_CM * cm, measure,
                                     CELL_PADDING)
    return [p / cm for p in points]


def render(blocks: Sequence[Block]) -> list:
    """Flowables for the blocks; table columns are sized to their text across the PDF's text width."""
    from reportlab.platypus import PageBreak

    story: list = []
    for block in blocks:
        if block.kind == "table":
            story.append(table(block.headers, block.rows, column_widths(block), block.fills))
        elif block.kind == "labelled":
            story.append(labelled(block.label, block.text))
        elif block.kind == "pagebreak":
            story.append(PageBreak())
        elif block.kind == "chart":
            story.append(drawing(block.chart))
        else:
            story.append(para(block.text, PDF_STYLES[block.kind]))
    return story


def numbered_canvas(header: str = "", marker: str = ""):  # noqa: ANN201 - a Canvas subclass
    """A canvas that writes 'Page X of Y' (and an optional header line and marker) once the total is known."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._states: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            for state in self._states:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total, header, marker)
                super().showPage()
            super().save()

    def decorate(c, number: int, total: int, head: str, mark: str) -> None:  # noqa: ANN001 - a Canvas
        width, height = c._pagesize
        c.saveState()
        c.setFont(pdf_fonts.font(), 8)
        c.setFillColor(HexColor(GREY))
        c.drawCentredString(width / 2, 28, f"Page {number} of {total}")
        if head:
            _draw_header(c, width, height, head, mark)
        if mark:
            c.setFont(pdf_fonts.font(bold=True), 10)
            c.setFillColor(HexColor("#D5281B"))
            c.drawRightString(width - 56, height - 34, mark)
        c.restoreState()

    return NumberedCanvas


def _draw_header(c, width: float, height: float, head: str, mark: str) -> None:  # noqa: ANN001 - a Canvas
    """The running header at the top left, whole, clear of the marker at the right."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - 112 - (stringWidth(mark, pdf_fonts.font(bold=True), 10) + 12 if mark else 0)
    lines, size = fit_text(head, pdf_fonts.font(), 8, room)
    c.setFont(pdf_fonts.font(), size)
    for n, line in enumerate(lines):
        c.drawString(56, height - 34 - n * (size + 1), line)


def fit_text(text: str, font: str, size: float, room: float) -> tuple[list[str], float]:
    """A running header or footer that reads whole in `room` points: one line, smaller if need be (down to
    SMALLEST_POINTS), else two lines broken between words. Returns the lines and the size to draw them in."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(text, font, size)
    words = text.split()
    if width <= room or width * SMALLEST_POINTS / size <= room or len(words) < 2:
        return [text], min(size, size * room / max(width, 1.0))
    halves = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
    lines = min(halves, key=lambda pair: max(stringWidth(part, font, size) for part in pair))
    widest = max(stringWidth(part, font, size) for part in lines)
    return list(lines), min(size, size * room / widest)


@dataclass(frozen=True)
class About:
    """What a PDF says about itself (File > Properties): its title, whose it is, what it is about."""

    title: str
    author: str  # the group (or "All Interface Groups")
    subject: str


def document(out: Path | BinaryIO, about: About):  # noqa: ANN201 - a SimpleDocTemplate
    """An A4 document template carrying the title, author, subject, creator and language (en-GB).

    Its pages start in the embedded font: reportlab otherwise opens each page in Helvetica, which then
    sits unembedded in the PDF's resources.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=A4, leftMargin=MARGIN_CM * cm,
                             rightMargin=MARGIN_CM * cm, topMargin=2.2 * cm, bottomMargin=2.0 * cm,
                             title=about.title, author=about.author, subject=about.subject,
                             creator=pdf_fonts.CREATOR, lang=pdf_fonts.LANGUAGE, initialFontName=pdf_fonts.font())


def build(path: Path, story: list, about: About, *, header: str = "", marker: str = "") -> None:
    document(path, about).build(story, canvasmaker=numbered_canvas(header, marker))
