"""Builds the clean Word template the minutes, agenda and SEA exports start from.

Run: python scripts/make_minutes_template.py  (writes interface_desktop/resources/templates/minutes-template.docx)
A board replaces it with its own template (letterhead, fonts, header, footer) in the app's settings; the
exports only use the style names defined here, so a board's template restyles everything.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

TARGET = Path(__file__).resolve().parent.parent / "interface_desktop" / "resources" / "templates" / "minutes-template.docx"
NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
DARK = RGBColor(0x23, 0x2F, 0x3A)
GREY = RGBColor(0x42, 0x55, 0x63)
FONT = "Arial"

TABLE_STYLE_XML = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="MinutesTable">
  <w:name w:val="Minutes Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>
  <w:rPr><w:sz w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="AEB7BD"/>
    </w:tblBorders>
    <w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="005EB8"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""

FIELD_RUNS = """<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r><w:r {ns}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r><w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r><w:r {ns}><w:t>1</w:t></w:r><w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>"""


def _font(style, size: float, *, bold: bool = False, color: RGBColor = DARK) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = color
    # Every script slot, or Word keeps the theme font for some characters.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(_qn(attr), None)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def _spacing(style, before: float, after: float, *, keep: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True


DEFAULTS_XML = f"""
<w:rPr {nsdecls('w')}><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
<w:color w:val="232F3A"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr>
"""


def _defaults(doc) -> None:
    """Body font in the document defaults, not in Normal: a table style can then restyle its cells."""
    rpr_default = doc.styles.element.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(parse_xml(DEFAULTS_XML))
    normal_rpr = doc.styles["Normal"].element.find(_qn("w:rPr"))
    if normal_rpr is not None:
        doc.styles["Normal"].element.remove(normal_rpr)


def _styles(doc) -> None:
    styles = doc.styles
    _defaults(doc)
    _spacing(styles["Normal"], 0, 6)
    styles["Normal"].paragraph_format.line_spacing = 1.1
    _font(styles["Title"], 18, bold=True, color=NHS_BLUE)
    _spacing(styles["Title"], 0, 4)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(_qn("w:pBdr")):
        title_ppr.remove(border)
    _font(styles["Subtitle"], 12, color=DARK)
    styles["Subtitle"].font.italic = False
    for spacing in styles["Subtitle"].element.get_or_add_rPr().findall(_qn("w:spacing")):
        spacing.getparent().remove(spacing)
    _spacing(styles["Subtitle"], 0, 12)
    _font(styles["Heading 1"], 12.5, bold=True, color=NHS_BLUE)
    _spacing(styles["Heading 1"], 14, 4, keep=True)
    _font(styles["Heading 2"], 11, bold=True, color=DARK)
    _spacing(styles["Heading 2"], 10, 3, keep=True)
    for name in ("List Number", "List Bullet"):
        _spacing(styles[name], 0, 3)
    for name in ("Header", "Footer"):
        _font(styles[name], 8.5, color=GREY)
    attendee = styles.add_style("Attendee", WD_STYLE_TYPE.PARAGRAPH)
    attendee.base_style = styles["Normal"]
    attendee.paragraph_format.left_indent = Cm(0.6)
    _spacing(attendee, 0, 1)
    draft = styles.add_style("Draft Marker", WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = styles["Header"]
    _font(draft, 11, bold=True, color=RGBColor(0xD5, 0x28, 0x1B))
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    minute = styles.add_style("Minute Line", WD_STYLE_TYPE.PARAGRAPH)
    minute.base_style = styles["Normal"]
    minute.paragraph_format.left_indent = Cm(0.6)
    _spacing(minute, 2, 4)
    styles["Strong"].font.color.rgb = DARK
    styles.element.append(parse_xml(TABLE_STYLE_XML))


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.2), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.header.paragraphs[0].style = doc.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ns = nsdecls("w")
    footer.add_run("Page ")
    for child in parse_xml(f"<w:p {ns}>{FIELD_RUNS.format(ns=ns, code='PAGE')}</w:p>"):
        footer._p.append(child)
    footer.add_run(" of ")
    for child in parse_xml(f"<w:p {ns}>{FIELD_RUNS.format(ns=ns, code='NUMPAGES')}</w:p>"):
        footer._p.append(child)


def build(target: Path = TARGET) -> Path:
    doc = Document()
    _styles(doc)
    _page(doc)
    body = doc.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    doc.core_properties.title = "Interface Group minutes"
    doc.core_properties.author = "Interface Desktop"
    doc.core_properties.comments = ""
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(target)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
