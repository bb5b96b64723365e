"""A Significant Event Analysis report in the NES format, as Word or PDF."""

from __future__ import annotations

from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.blocks import Block, table_block, text_blocks
from interface_desktop.exports.docx_styles import WordDoc
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
    facts = [("Reference", issue.reference), ("Interface Group", issue.group_name),
             ("Date of event", medium_date(sea.event_on) if sea and sea.event_on else "Not recorded"),
             ("Date reported", medium_date(issue.raised_on)), ("Reported by", raised_by),
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
    blocks.append(Block("h1", "Agreed actions"))
    if doc.actions:
        blocks.append(table_block(("No.", "Action", "Lead", "Due", "Status"), [
            (a.number, a.description, a.owner or "To be confirmed", short_date(a.due_on), a.status)
            for a in doc.actions], (2.3, 6.5, 3.4, 2.3, 2.1)))
    else:
        blocks.append(Block("para", "No actions recorded."))
    blocks.append(Block("small", f"{doc.board_name}. Prepared {short_date(doc.prepared_on)}. This analysis "
                                 "records roles and organisations only, never patient details."))
    return blocks


def build_docx(doc: SeaDoc, path: Path, *, template: Path | str | None = None) -> None:
    word = WordDoc(template)
    word.render(sea_blocks(doc))
    word.finish(path, title=f"SEA {doc.issue.reference}", draft=False)


def build_pdf(doc: SeaDoc, path: Path) -> None:
    issue = doc.issue
    about = pdf_styles.About(f"SEA {issue.reference}", issue.group_name,
                             f"Significant Event Analysis {issue.reference}: {issue.title}")
    pdf_styles.build(path, pdf_styles.render(sea_blocks(doc)), about,
                     header=f"{issue.group_name}: Significant Event Analysis")


def export(doc: SeaDoc, target: Path | str, *, template: Path | str | None = None) -> Path:
    return write("sea", doc, target, template=template)
