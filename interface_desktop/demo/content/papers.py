"""Small, realistic meeting papers for the example data, drawn as PDFs in memory with reportlab."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PAPERS: dict[str, dict] = {
    "reaudit": dict(
        title="Immediate discharge letters: re-audit", filename="discharge-letter-reaudit.pdf",
        author="Acute Medicine, Braidburn General Hospital",
        summary=("Re-audit of immediate discharge letters from the acute medical unit and the surgical receiving "
                 "unit over four weeks, after the introduction of a weekend senior nurse sign-off rota."),
        table=[["Measure", "Baseline", "Re-audit", "Standard"],
               ["Letters reaching practice within 24 hours", "71%", "89%", "95%"],
               ["Weekend discharges within 24 hours", "48%", "84%", "95%"],
               ["Medicine changes with a reason given", "79%", "88%", "100%"],
               ["Follow-up arrangements stated", "83%", "92%", "100%"]],
        points=["The weekend rota has improved timeliness on both units.",
                "Gaps remain when the senior nurse on shift is redeployed.",
                "Reasons for medicine changes are still missing from about one letter in eight."],
        asks=["Note the improvement and thank the ward teams.",
              "Support a second senior nurse on the weekend rota during winter.",
              "Re-audit in six months, after the template change goes live."]),
    "winter": dict(
        title="Winter plan: pressures at the interface", filename="winter-plan-interface.pdf",
        author="Outpatient Services and Edinburgh HSCP",
        summary=("How the hospital and practices will manage the interface over the winter months, when "
                 "admissions rise and practice capacity is stretched."),
        table=[["Pressure", "Hospital response", "Practice response"],
               ["Discharge letters delayed", "Weekend sign-off rota", "Flag missing letters via the hub"],
               ["Clinic bloods requested from practices", "Hospital phlebotomy extended hours", "Redirect requests"],
               ["Delayed discharges", "Daily huddle with the HSCP", "Early home visits after discharge"]],
        points=["Admissions are expected to rise by about 12% between December and February.",
                "A single e-mail address for interface problems will be monitored daily by the discharge hub.",
                "The group will review the plan at its first meeting in the new year."],
        asks=["Endorse the plan for circulation to practices and departments.",
              "Agree that group members act as local contacts for their practice or specialty."]),
    "tor": dict(
        title="Terms of reference", filename="terms-of-reference.pdf",
        author="Edinburgh Primary and Secondary Care Interface Group",
        summary=("The purpose, membership, quorum, meeting arrangements and reporting lines of the group, as "
                 "reviewed and approved this year."),
        table=[["Section", "Summary"],
               ["Purpose", "Identify, prioritise and resolve interface issues"],
               ["Quorum", "Five members incl. two GPs and two secondary-care clinicians"],
               ["Meetings", "Every six weeks"],
               ["Reporting", "Quarterly to the Primary Care Board"]],
        points=["Membership is reviewed every year.", "Members declare interests at the start of each meeting."],
        asks=["Review again in twelve months."]),
}


def _table(rows: list[list[str]]) -> Table:
    table = Table(rows, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#005EB8")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#768692")),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def render(key: str) -> tuple[str, str, bytes]:
    """(title, filename, PDF bytes) of one example paper; the same bytes every time."""
    paper = PAPERS[key]
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=paper["title"], author=paper["author"],
                            creator="Interface Desktop example data", invariant=True)
    story = [Paragraph(paper["title"], styles["Title"]), Paragraph(paper["author"], styles["Italic"]),
             Spacer(1, 6 * mm), Paragraph("Summary", styles["Heading2"]),
             Paragraph(paper["summary"], styles["BodyText"]),
             Spacer(1, 4 * mm), _table(paper["table"]), Spacer(1, 4 * mm), Paragraph("Key points", styles["Heading2"])]
    story += [Paragraph("• " + point, styles["BodyText"]) for point in paper["points"]]
    story.append(Paragraph("The group is asked to", styles["Heading2"]))
    story += [Paragraph(f"{n}. {ask}", styles["BodyText"]) for n, ask in enumerate(paper["asks"], 1)]
    doc.build(story)
    return paper["title"], paper["filename"], buffer.getvalue()
