"""Writes the Word templates that ship with the app (run after changing their wording; the .docx files are committed).

Usage: python scripts/make_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "interface_desktop" / "resources" / "templates"
NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
BOX = "\u2610"


def new_document(title: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    for level, size in ((1, 16), (2, 13)):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.color.rgb = "Arial", Pt(size), NHS_BLUE
    doc.core_properties.title = title
    doc.core_properties.author = "Interface Desktop"
    _footer(section, title)
    return doc


def _field(run, code: str) -> None:  # a docx Run
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == code else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _footer(section, title: str) -> None:  # a docx Section
    para = section.footer.paragraphs[0]
    para.text = f"{title} · Page "
    _field(para.add_run(), "PAGE")
    para.add_run(" of ")
    _field(para.add_run(), "NUMPAGES")
    for run in para.runs:
        run.font.size = Pt(8)


def fill(p, text: str, *, bold: bool = False):  # a docx Paragraph
    """Write text in which [square-bracketed] parts are highlighted for the group to fill in."""
    for n, piece in enumerate(text.replace("]", "[").split("[")):
        if not piece:
            continue
        run = p.add_run(f"[{piece}]" if n % 2 else piece)
        run.bold = bold
        if n % 2:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def para(doc: Document, text: str, *, bold: bool = False):
    if text.startswith("• "):
        return fill(doc.add_paragraph(style="List Bullet"), text[2:], bold=bold)
    return fill(doc.add_paragraph(), text, bold=bold)


def choices(*labels: str) -> str:
    """Tick boxes that wrap between options, never inside one."""
    return "   ".join(f"{BOX}\u00a0{label.replace(' ', chr(0xA0))}" for label in labels)


def keep_row_together(row, *, with_next: bool = False) -> None:  # a docx _Row
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if with_next:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def answer_box(doc: Document, question: str, height_cm: float) -> None:
    t = table(doc, [(question,), ("",)], (17.0,))
    keep_row_together(t.rows[0], with_next=True)
    keep_row_together(t.rows[1])
    t.rows[1].height, t.rows[1].height_rule = Cm(height_cm), WD_ROW_HEIGHT_RULE.AT_LEAST


def table(doc: Document, rows: list[tuple[str, ...]], widths: tuple[float, ...], header: bool = True):
    t = doc.add_table(rows=0, cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for r, values in enumerate(rows):
        cells = t.add_row().cells
        for c, value in enumerate(values):
            cells[c].width = Cm(widths[c])
            fill(cells[c].paragraphs[0], value, bold=(header and r == 0) or (not header and c == 0))
    for c, width in enumerate(widths):
        t.columns[c].width = Cm(width)
    if not header:
        for row in t.rows:
            row.height, row.height_rule = Cm(0.8), WD_ROW_HEIGHT_RULE.AT_LEAST
            keep_row_together(row)
    doc.add_paragraph()
    return t


def terms_of_reference() -> Document:
    doc = new_document("Interface Group Terms of Reference")
    doc.add_heading("[Name of group]", level=1)
    para(doc, "Primary and Secondary Care Interface Group, NHS [Health Board]", bold=True)
    para(doc, "Terms of Reference · Version [1.0] · Approved [date] · Review due [date]")
    sections = [
        ("1. Background", [
            "General practice and hospital services in NHS Scotland share the care of the same patients. Problems at "
            "the interface (results, referrals, discharge and clinic letters, prescribing, fit notes, IT systems and "
            "the transfer of workload) cost clinicians time and can put patients at risk. The [name of group] brings "
            "GPs and hospital clinicians in NHS [Health Board] together to find and fix these problems, and to build "
            "the working relationships that prevent them."]),
        ("2. Purpose", [
            "To improve the quality, safety and efficiency of care that crosses primary and secondary care by:",
            "• identifying, recording and resolving interface issues raised by any member of staff;",
            "• learning from significant events at the interface, using the NES Significant Event Analysis format;",
            "• agreeing and sharing guidance on who does what at the interface;",
            "• fostering mutual understanding through work shadowing, shared learning events and joint teaching."]),
        ("3. Membership", [
            "Membership is drawn from both sectors so that each can speak for its colleagues. Members may nominate a "
            "deputy who can attend with the chair's agreement. Others may be invited for particular items."]),
    ]
    for heading, paragraphs in sections:
        doc.add_heading(heading, level=2)
        for text in paragraphs:
            para(doc, text)
    table(doc, [("Role", "Name", "Organisation or department"),
                ("Lead / chair (GP or consultant)", "[name]", "[organisation]"),
                ("Co-lead (from the other sector)", "[name]", "[organisation]"),
                ("Secretary", "[name]", "[organisation]"),
                ("GP representatives ([number])", "[names]", "[practices / GP Sub-Committee]"),
                ("Secondary care clinicians ([number])", "[names]", "[specialties]"),
                ("Practice manager representative", "[name]", "[practice]"),
                ("Pharmacy, eHealth, management (as agreed)", "[names]", "[departments]")],
          (6.0, 4.5, 6.5))
    more = [
        ("4. Quorum", [
            "The meeting is quorate when at least [3] members are present, including at least [1] GP and [1] "
            "secondary-care clinician. Decisions taken at an inquorate meeting are confirmed at the next quorate "
            "meeting."]),
        ("5. Meetings", [
            "The group meets [every two months] for [two hours], in person at [venue] or on Microsoft Teams. The "
            "agenda and papers are circulated at least [five] working days before each meeting. Minutes are "
            "circulated in draft within [ten] working days and approved at the next meeting.",
            "Standing items: welcome and apologies; declarations of interest; minutes of the previous meeting; "
            "matters arising and action log; interface issues log; any other business; date of next meeting."]),
        ("6. Interface issues and significant events", [
            "Anyone working in primary or secondary care in NHS [Health Board] may raise an interface issue using "
            "the group's reporting form. Each issue receives a reference (board-year-number), is logged with its "
            "category, direction and severity, and is reviewed at the next meeting. Significant events are analysed "
            "under the NES headings: what happened, why it happened, what has been learned and what has been changed.",
            "Issue reports, SEAs and minutes must not contain patient identifiers (names, CHI numbers, dates of birth, "
            "addresses or postcodes). Staff are described by role and organisation."]),
        ("7. Accountability and reporting", [
            "The group reports to [the Area Medical Committee / GP Sub-Committee / Medical Director] through "
            "[a quarterly report]. Learning is shared with practices and hospital departments through [the newsletter "
            "/ the GP bulletin / departmental meetings]."]),
        ("8. Declarations of interest", [
            "Members declare any interest relevant to an agenda item at the start of the meeting; declarations are "
            "recorded in the minutes."]),
        ("9. Review", [
            "These terms of reference are reviewed every [12] months, or sooner if the group's remit changes."]),
    ]
    for heading, paragraphs in more:
        doc.add_heading(heading, level=2)
        for text in paragraphs:
            para(doc, text)
    table(doc, [("Version", "Date", "Approved by", "Next review"),
                ("[1.0]", "[date]", "[group / committee]", "[date]")],
          (2.5, 3.5, 7.0, 4.0))
    return doc


def issue_reporting_form() -> Document:
    doc = new_document("Interface Issue Reporting Form")
    doc.add_heading("Interface Issue Reporting Form", level=1)
    para(doc, "[Name of group], NHS [Health Board]", bold=True)
    para(doc, "Use this form to tell the Interface Group about a problem between general practice and hospital "
              "services, or about a significant event at the interface. Return it to [secretary's e-mail address].")
    warning = para(doc, "Do not include patient identifiers: no names, CHI numbers, dates of birth, addresses or "
                        "postcodes. If it matters, describe the patient in general terms (for example, "
                        "“a man in his seventies”). Describe staff by role and organisation.", bold=True)
    warning.paragraph_format.space_after = Pt(12)
    doc.add_heading("1. About you", level=2)
    table(doc, [("Your role", "[e.g. GP, consultant, nurse, practice manager]"),
                ("Sector", choices("Primary care", "Secondary care", "Other")),
                ("Organisation or department", ""),
                ("Contact for follow-up (optional)", "")], (6.0, 11.0), header=False)
    doc.add_heading("2. The issue", level=2)
    table(doc, [("Date", ""), ("Short title", ""),
                ("Direction", choices("Primary → secondary", "Secondary → primary", "Both")),
                ("Category", choices("Results and investigations", "Referrals", "Discharge and clinic letters",
                                     "Prescribing and medicines", "Fit notes", "IT systems and data sharing",
                                     "Workload transfer", "Communication", "Outpatients", "Other")),
                ("Specialty (if any)", ""),
                ("Severity", choices("Low", "Moderate", "High", "Severe"))], (6.0, 11.0), header=False)
    for heading in ("What is the problem? (describe what happens, how often, and where)",
                    "What is the impact? (on patients, on safety, on workload)",
                    "What would fix it? (your suggestion, if you have one)"):
        answer_box(doc, heading, 3.5)
    doc.add_heading("3. Significant Event Analysis (complete if this was a significant event)", level=2)
    for heading in ("What happened?", "Why did it happen?", "What has been learned?", "What has been changed?",
                    "Contributory factors", "Learning needs"):
        answer_box(doc, heading, 2.5)
    table(doc, [("Grading", choices("No harm", "Potential harm", "Harm")),
                ("Risk grade (1 = very low, 5 = very high)", choices("1", "2", "3", "4", "5"))],
          (6.0, 11.0), header=False)
    doc.add_heading("4. For the group secretary", level=2)
    table(doc, [("Reference", ""), ("Date received", ""), ("Discussed at meeting of", ""), ("Outcome", "")],
          (6.0, 11.0), header=False)
    return doc


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (("terms-of-reference.docx", terms_of_reference),
                        ("interface-issue-reporting-form.docx", issue_reporting_form)):
        target = OUT / name
        partial = target.with_suffix(".docx.part")
        build().save(str(partial))
        partial.replace(target)
        print(f"wrote {target.relative_to(OUT.parent.parent.parent)}")


if __name__ == "__main__":
    main()
