"""Word documents built on a board's template: styles looked up once, DRAFT in the header, page numbers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from interface_desktop.exports import table_layout
from interface_desktop.exports.blocks import Block
from interface_desktop.exports.safe_write import ExportError
from interface_desktop.paths import resource
from interface_desktop.services.core import safe_files

FALLBACKS = {"Attendee": "Normal", "Minute Line": "Normal", "Draft Marker": "Header",
             "Minutes Table": "Table Grid", "Subtitle": "Normal", "Title": "Heading 1"}
WORD_STYLES = {"title": "Title", "subtitle": "Subtitle", "h1": "Heading 1", "h2": "Heading 2", "para": "Normal",
               "attendee": "Attendee", "small": "Normal", "labelled": "Minute Line"}
# Table text is measured with Helvetica's metrics (Arial's), widened for a template font or a stand-in that
# sets wider (DejaVu Sans, where Arial is missing: up to 16% wider, its bold up to 26%); cell margins of
# 85 twips a side.
WORD_FONT_SPREAD = {False: 1.16, True: 1.26}
WORD_CELL_PADDING = 10.0
EMU_PER_POINT = 12700
POINTS_PER_CM = 72 / 2.54
FIELD_XML = ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r {ns}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
             '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r><w:r {ns}><w:t>1</w:t></w:r>'
             '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>')


def _keep_rows(table) -> None:  # noqa: ANN001 - a python-docx Table
    """No row breaks across a page, and a short table moves to the next page whole; in a longer one the header
    stays with the first two rows and the last two rows stay together, so no row is left alone at a break."""
    from docx.oxml import OxmlElement

    rows = table.rows
    last = len(rows) - 1
    for n, row in enumerate(rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if n < last and (last <= table_layout.SHORT_TABLE or n <= 1 or n == last - 1):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


class TemplateError(ExportError):
    """The board's Word template cannot be used; nothing was written."""


def default_template() -> Path:
    return resource("templates", "minutes-template.docx")


def open_template(template: Path | str | None = None):  # noqa: ANN201 - a python-docx Document
    """The template as a document, after the file guard has checked it (size, zip, no DOCTYPE in any part)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    path = Path(template) if template else default_template()
    try:
        safe_files.check_zip_file(path, safe_files.DOCX)
        return Document(str(path))
    except safe_files.UnsafeFileError as exc:
        raise TemplateError(f"the Word template cannot be used: {exc}") from None
    except (PackageNotFoundError, KeyError, ValueError, OSError, XMLSyntaxError) as exc:
        raise TemplateError(f"the Word template {path.name} cannot be opened as a .docx file ({exc})") from None


class WordDoc:
    """A document opened from the template; content is added with style names only, never direct formatting."""

    def __init__(self, template: Path | str | None = None):
        self.doc = open_template(template)
        self._styles: dict[str, object] = {}
        self._clear_body()

    def _clear_body(self) -> None:
        """A board's template may carry sample text; its letterhead lives in the header, which is kept."""
        from docx.oxml.ns import qn

        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def style(self, name: str):  # noqa: ANN201 - a python-docx style
        """Resolves a style once; a template without it falls back to a built-in one."""
        if name not in self._styles:
            styles = self.doc.styles
            found = None
            for candidate in (name, FALLBACKS.get(name), "Normal"):
                if candidate is None:
                    continue
                try:
                    found = styles[candidate]
                    break
                except KeyError:
                    continue
            self._styles[name] = found
        return self._styles[name]

    def _style_id(self, name: str) -> str | None:
        style = self.style(name)
        return style.style_id if style is not None else None

    def para(self, text: str = "", style: str = "Normal"):  # noqa: ANN201 - a Paragraph
        # The style id goes straight into the paragraph: python-docx's own lookup scans every style of the
        # template for each paragraph, which dominates the time on long minutes.
        p = self.doc.add_paragraph(text)
        p._p.style = self._style_id(style)
        return p

    def paras(self, text: str, style: str = "Normal") -> None:
        """One paragraph per line of the text, blank lines dropped."""
        for line in text.splitlines():
            if line.strip():
                self.para(line.strip(), style)

    def heading(self, text: str, level: int = 1):  # noqa: ANN201 - a Paragraph
        return self.para(text, f"Heading {level}")

    def labelled(self, label: str, text: str, style: str = "Minute Line"):  # noqa: ANN201 - a Paragraph
        """'Decision: ...' with the label in the Strong character style."""
        p = self.para("", style)
        run = p.add_run(label)
        run._r.style = self._strong_id()
        p.add_run(" " + text)
        return p

    def _strong_id(self) -> str | None:
        if "Strong" not in self._styles:
            try:
                self._styles["Strong"] = self.doc.styles["Strong"]
            except KeyError:
                self._styles["Strong"] = None
        strong = self._styles["Strong"]
        return strong.style_id if strong is not None else None

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths_cm: Sequence[float]) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm

        table = self.doc.add_table(rows=len(rows) + 1, cols=len(headers))
        style = self.style("Minutes Table")
        if getattr(style, "type", None) == WD_STYLE_TYPE.TABLE:
            table.style = style
        widths = [Cm(w) for w in self._fitted(headers, rows, widths_cm)]
        for column, width in zip(table.columns, widths):
            column.width = width
        # Widths on the grid and the header row only: Word and LibreOffice take the rest from them, and
        # setting every cell costs more than the rest of the table.
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = width
        for values, row in zip([headers, *rows], table.rows):
            for value, cell in zip(values, row.cells):
                cell.text = value
        _keep_rows(table)
        # The header row repeats at the top of every page the table runs onto.
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))
        header.find(qn("w:tblHeader")).set(qn("w:val"), "true")

    def _fitted(self, headers: Sequence[str], rows: Sequence[Sequence[str]], hints: Sequence[float]) -> list[float]:
        """Column widths (cm) sized to the cells' text across the page's text width."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        section = self.doc.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        style = self.style("Minutes Table")
        size = getattr(getattr(style, "font", None), "size", None) or self.style("Normal").font.size
        points = size.pt if size else 11.0

        def measure(text: str, bold: bool) -> float:
            return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", points) * WORD_FONT_SPREAD[bold]

        fitted = table_layout.fit_widths(headers, rows, hints, width / EMU_PER_POINT, measure, WORD_CELL_PADDING)
        return [w / POINTS_PER_CM for w in fitted]

    def render(self, blocks: Sequence[Block]) -> None:
        for block in blocks:
            if block.kind == "table":
                self.table(block.headers, block.rows, block.widths)
            elif block.kind == "labelled":
                self.labelled(block.label, block.text)
            elif block.kind == "pagebreak":
                self.doc.add_page_break()
            elif block.kind == "chart":
                self.chart(block)
            else:
                paragraph = self.para(block.text, WORD_STYLES[block.kind])
                if block.keep:
                    paragraph.paragraph_format.keep_with_next = True

    def chart(self, block: Block) -> None:
        """The chart as a picture when it can be drawn, otherwise its figures as a table."""
        import io

        from docx.shared import Cm

        from interface_desktop.exports.charts import as_rows, describe_picture, png

        picture = png(block.chart)
        if picture is not None:
            describe_picture(self.doc.add_picture(io.BytesIO(picture), width=Cm(16)), block.chart)
            return
        self.para(block.chart.title, "Heading 2")
        headers, rows = as_rows(block.chart)
        self.table(headers, rows, [8.0] + [3.0] * (len(headers) - 1))

    def header_marker(self, text: str) -> None:
        """The DRAFT marker: its own paragraph at the top of every page's header."""
        header = self.doc.sections[0].header
        header.is_linked_to_previous = False
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        first.insert_paragraph_before(text, style=self.style("Draft Marker"))

    def ensure_page_numbers(self) -> None:
        """A template whose footer has no page field gets 'Page X of Y' added."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        footer = self.doc.sections[0].footer
        if "PAGE" in "".join(footer._element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")):
            return
        p = footer.add_paragraph(style=self.style("Footer"))
        ns = nsdecls("w")
        p.add_run("Page ")
        for child in parse_xml(f"<w:p {ns}>{FIELD_XML.format(ns=ns, code='PAGE')}</w:p>"):
            p._p.append(child)
        p.add_run(" of ")
        for child in parse_xml(f"<w:p {ns}>{FIELD_XML.format(ns=ns, code='NUMPAGES')}</w:p>"):
            p._p.append(child)

    def footer_note(self, text: str) -> None:
        """A line in the footer's small type under the page numbers (which record approved minutes came from)."""
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        footer.add_paragraph(text, style=self.style("Footer"))

    def finish(self, path: Path, *, title: str, draft: bool, marker: str = "DRAFT", footer_note: str = "") -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = "Interface Desktop"
        if draft:
            self.header_marker(marker)
        self.ensure_page_numbers()
        if footer_note:
            self.footer_note(footer_note)
        self.doc.save(str(path))
