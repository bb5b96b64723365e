"""A Significant Event Analysis report in the NES format, as Word or PDF."""

from __future__ import annotations

from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.blocks import BLANK_LINE, Block, table_block, text_blocks
from interface_desktop.exports.docx_styles import WordDoc
from interface_desktop.exports.minutes_docx import ACTION_HEADERS, ACTION_WIDTHS
from interface_desktop.exports.safe_write import ExportError
from interface_desktop.exports.text import medium_date, short_date
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import SeaDoc

RISK_GRADES = {1: "1 - very low", 2: "2 - low", 3: "3 - moderate", 4: "4 - high", 5: "5 - very high"}
NOT_RECORDED = "Not recorded."


def _section(heading: str, text: str) -> list[Block]:
    return [Block("h1", heading), *(text_blocks(text) or [Block("para", NOT_RECORDED)])]


def _facts(doc: SeaDoc) -> list[tuple[str, str]]:
    issue, sea = doc.issue, doc.issue.sea
    raised_by = ", ".join(p for p in (issue.raised_by_role, issue.raised_by_organisation) if p)
    taking_part = "; ".join(line.strip() for line in sea.participants.splitlines() if line.strip()) if sea else ""
    facts = [("Reference", issue.reference), ("Interface Group", issue.group_name),
             ("Date of event", medium_date(sea.event_on) if sea and sea.event_on else "Not recorded"),
             ("Date reported", medium_date(issue.raised_on)), ("Reported by", raised_by),
             ("SEA meeting", medium_date(sea.meeting_on) if sea and sea.meeting_on else "Not recorded"),
             ("Taking part", taking_part or "Not recorded"),
             ("Facilitator and author", (sea.facilitator if sea else "") or "Not recorded"),
             ("Category", issue.category_label), ("Direction", issue.direction_label)]
    if issue.specialty_label:
        facts.append(("Specialty", issue.specialty_label))
    facts.append(("Status", issue.status_label))
    return facts


def sea_blocks(doc: SeaDoc) -> list[Block]:
    issue, sea = doc.issue, doc.issue.sea
    if sea is None:
        raise ExportError(f"interface issue {issue.reference} has no Significant Event Analysis to export")
    blocks = [Block("title", "Significant Event Analysis"), Block("subtitle", f"{issue.reference}: {issue.title}"),
              *(Block("labelled", value, label=f"{name}:") for name, value in _facts(doc))]
    blocks += _section("1  What happened?", sea.what_happened)
    blocks += _section("2  Why did it happen?", sea.why)
    blocks += _section("3  What has been learned?", sea.learned)
    blocks += _section("4  What has been changed?", sea.changed)
    blocks += _section("Impact", sea.impact or issue.impact)
    blocks += _section("Contributory factors", sea.contributory_factors)
    grade = RISK_GRADES.get(sea.risk_grade or 0, "Not graded")
    blocks += [Block("h1", "Grading"), Block("labelled", sea.harm_label, label="Harm:"),
               Block("labelled", grade, label="Risk grade:")]
    blocks += _section("Learning needs", sea.learning_needs)
    if issue.resolution.strip():
        blocks += _section("Resolution", issue.resolution)
    blocks += _actions(doc)
    blocks += [BLANK_LINE, Block("small", closing_line(doc))]
    return blocks


def _actions(doc: SeaDoc) -> list[Block]:
    """The agreed actions; an overdue one says so in its status (and is shaded red in the PDF)."""
    blocks = [Block("h1", "Agreed actions")]
    if not doc.actions:
        return blocks + [Block("para", "No actions recorded.")]
    overdue = [n for n, a in enumerate(doc.actions) if a.rag == "red"]
    if overdue:
        verb = "is" if len(overdue) == 1 else "are"
        blocks.append(Block("para", f"{len(overdue)} of {len(doc.actions)} actions {verb} overdue at "
                                    f"{short_date(doc.prepared_on)}."))
    rows = [(a.number, a.description, a.owner or "To be confirmed", short_date(a.due_on),
             f"{a.status}, overdue" if a.rag == "red" else a.status) for a in doc.actions]
    return blocks + [table_block(ACTION_HEADERS, rows, ACTION_WIDTHS,
                                 [(4, n, pdf_styles.RAG_FILLS["red"]) for n in overdue])]


def closing_line(doc: SeaDoc) -> str:
    """Whose analysis it is and when it was prepared, as one sentence kept on one page."""
    return (f"NHS {doc.board_name}, {doc.issue.group_name}. Prepared {short_date(doc.prepared_on)}. This analysis "
            "records roles and organisations only, never patient details.")


def build_docx(doc: SeaDoc, path: Path, *, template: Path | str | None = None) -> None:
    word = WordDoc(template)
    word.render(sea_blocks(doc))
    word.finish(path, title=f"SEA {doc.issue.reference}", draft=False)


def build_pdf(doc: SeaDoc, path: Path) -> None:
    from reportlab.platypus import KeepTogether

    issue = doc.issue
    about = pdf_styles.About(f"SEA {issue.reference}", issue.group_name,
                             f"Significant Event Analysis {issue.reference}: {issue.title}")
    story = pdf_styles.render(sea_blocks(doc))
    story[-1] = KeepTogether([story[-1]])  # the closing line is never broken across pages
    pdf_styles.build(path, story, about, header=f"{issue.group_name}: Significant Event Analysis")


def export(doc: SeaDoc, target: Path | str, *, template: Path | str | None = None) -> Path:
    return write("sea", doc, target, template=template)
