"""The house style of the PDF documents: A4, plain NHS-blue headings, tables, and 'Page X of Y' footers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from interface_desktop.exports.blocks import Block
from interface_desktop.exports.charts import drawing
from interface_desktop.exports.glyphs import clean_plain

if TYPE_CHECKING:
    from reportlab.platypus import Table

NHS_BLUE = "#005EB8"
DARK = "#231F20"
GREY = "#425563"
PALE = "#E8EDEE"
RAG_FILLS = {"red": "#F4C7C3", "amber": "#FCE8B2", "green": "#C6E7C9", "grey": "#E8EDEE"}
MARGIN_CM = 2.0


def clean(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph (markup escaped, missing glyphs replaced)."""
    return escape(clean_plain(text))


@lru_cache(maxsize=1)
def styles() -> dict:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("Body", fontName="Helvetica", fontSize=10, leading=13.5, textColor=HexColor(DARK),
                          spaceAfter=5)
    return {
        "body": base,
        "title": ParagraphStyle("Title", parent=base, fontName="Helvetica-Bold", fontSize=18, leading=22,
                                textColor=HexColor(NHS_BLUE), spaceAfter=4),
        "subtitle": ParagraphStyle("Subtitle", parent=base, fontSize=12, leading=16, spaceAfter=12),
        "h1": ParagraphStyle("H1", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=17,
                             textColor=HexColor(NHS_BLUE), spaceBefore=12, spaceAfter=5, keepWithNext=1),
        "h2": ParagraphStyle("H2", parent=base, fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                             spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "cell": ParagraphStyle("Cell", parent=base, fontSize=8.8, leading=11, spaceAfter=0),
        "cellhead": ParagraphStyle("CellHead", parent=base, fontName="Helvetica-Bold", fontSize=8.8, leading=11,
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
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell, head = styles()["cell"], styles()["cellhead"]
    data = [[Paragraph(clean(h), head) for h in headers]]
    data += [[v if not isinstance(v, str) else Paragraph(clean(v).replace("\n", "<br/>"), cell) for v in row]
             for row in rows]
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(NHS_BLUE)),
        ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#AEB7BD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (col, row + 1), (col, row + 1), HexColor(colour)) for col, row, colour in fills]
    result = Table(data, colWidths=[w * cm for w in widths_cm], repeatRows=1)
    result.setStyle(TableStyle(commands))
    return result


PDF_STYLES = {"title": "title", "subtitle": "subtitle", "h1": "h1", "h2": "h2", "para": "body", "attendee": "indent",
              "small": "small"}
CONTENT_WIDTH_CM = 17.0


def render(blocks: Sequence[Block]) -> list:
    """Flowables for the blocks; Word column widths are scaled to the PDF's text width."""
    from reportlab.platypus import PageBreak

    story: list = []
    for block in blocks:
        if block.kind == "table":
            scale = CONTENT_WIDTH_CM / sum(block.widths)
            story.append(table(block.headers, block.rows, [w * scale for w in block.widths], block.fills))
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
        c.setFont("Helvetica", 8)
        c.setFillColor(HexColor(GREY))
        c.drawCentredString(width / 2, 28, f"Page {number} of {total}")
        if head:
            c.drawString(56, height - 34, clean_plain(head))
        if mark:
            c.setFont("Helvetica-Bold", 10)
            c.setFillColor(HexColor("#D5281B"))
            c.drawRightString(width - 56, height - 34, mark)
        c.restoreState()

    return NumberedCanvas


def build(path: Path, story: list, *, title: str, header: str = "", marker: str = "") -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN_CM * cm, rightMargin=MARGIN_CM * cm,
                            topMargin=2.2 * cm, bottomMargin=2.0 * cm, title=clean_plain(title),
                            author="Interface Desktop")
    doc.build(story, canvasmaker=numbered_canvas(header, marker))
