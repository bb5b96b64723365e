"""The quarterly report or newsletter: figures and charts for a period, highlights with their learning, what's next."""

from __future__ import annotations

from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.blocks import Block, Chart, table_block
from interface_desktop.exports.docx_styles import WordDoc
from interface_desktop.exports.text import hhmm, range_text, short_date
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.report_data import Count, ReportDoc


def _chart(title: str, counts: tuple[Count, ...], first: str, second: str = "") -> Chart:
    labels = tuple(c.label for c in counts)
    series = [(first, tuple(c.first for c in counts))]
    if second:
        series.append((second, tuple(c.second for c in counts)))
    return Chart(title, labels, tuple(series))


def _glance(doc: ReportDoc) -> Block:
    shadowing = sum(c.first for c in doc.shadowing_by_sector)
    activities = sum(c.first for c in doc.activities_by_kind)
    rows = [("Interface issues raised", str(doc.issues_raised)),
            ("Interface issues resolved", str(doc.issues_resolved)),
            ("Actions completed", str(doc.actions_completed)), ("Actions overdue", str(doc.actions_overdue)),
            ("Actions still open", str(doc.actions_open)), ("Relationship-building activities", str(activities)),
            ("Work-shadowing participants", str(shadowing))]
    return table_block(("At a glance", "Number"), rows, (12.6, 4.0))


def _issues(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Interface issues")]
    if not doc.by_category:
        return blocks + [Block("para", "No interface issues were raised or resolved in this period.")]
    blocks.append(Block("chart", chart=_chart("Issues by category", doc.by_category, "Raised", "Resolved")))
    blocks.append(Block("chart", chart=_chart("Issues by direction", doc.by_direction, "Raised", "Resolved")))
    return blocks


def _actions(doc: ReportDoc) -> list[Block]:
    counts = (Count("Completed in the period", doc.actions_completed), Count("Overdue", doc.actions_overdue))
    return [Block("h1", "Actions"), Block("chart", chart=_chart("Actions completed and overdue", counts, "Actions"))]


def _relationships(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Relationship building")]
    if not doc.activities_by_kind:
        return blocks + [Block("para", "No activities took place in this period.")]
    blocks.append(Block("chart", chart=_chart("Activities by kind", doc.activities_by_kind, "Activities")))
    if doc.shadowing_by_sector:
        blocks.append(Block("chart", chart=_chart("Work-shadowing participants by sector", doc.shadowing_by_sector,
                                                  "Participants")))
    return blocks


def _highlights(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Highlights: what we have learned")]
    if not doc.highlights:
        return blocks + [Block("para", "No issues with recorded learning were resolved in this period.")]
    for h in doc.highlights:
        blocks += [Block("h2", f"{h.title} ({h.reference}, {h.category})"),
                   Block("labelled", h.learning, label="Learning:")]
        if h.resolution.strip():
            blocks.append(Block("labelled", h.resolution, label="What changed:"))
    return blocks


def _upcoming(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Coming up")]
    if not doc.upcoming:
        return blocks + [Block("para", "No meetings or events are planned yet.")]
    rows = [(short_date(u.when.date()), hhmm(u.when) if u.when.time() != u.when.min.time() else "", u.what, u.title,
             u.where) for u in doc.upcoming]
    return blocks + [table_block(("Date", "Time", "What", "Title", "Where"), rows, (2.3, 1.4, 3.6, 5.3, 4.0))]


def report_blocks(doc: ReportDoc) -> list[Block]:
    blocks = [Block("title", doc.scope), Block("subtitle", _period(doc)), _glance(doc)]
    for part in (_issues, _actions, _relationships, _highlights, _upcoming):
        blocks += part(doc)
    blocks.append(Block("small", f"Prepared {short_date(doc.prepared_on)} from the group's records."))
    return blocks


def _period(doc: ReportDoc) -> str:
    return f"Report for {range_text(doc.date_from, doc.date_to)}"


def _title(doc: ReportDoc) -> str:
    return f"{doc.scope}: report for {range_text(doc.date_from, doc.date_to)}"


def build_docx(doc: ReportDoc, path: Path, *, template: Path | str | None = None) -> None:
    word = WordDoc(template)
    word.render(report_blocks(doc))
    word.finish(path, title=_title(doc), draft=False)


def build_pdf(doc: ReportDoc, path: Path) -> None:
    about = pdf_styles.About(_title(doc), doc.scope, _period(doc))
    pdf_styles.build(path, pdf_styles.render(report_blocks(doc)), about, header=_title(doc))


def export(doc: ReportDoc, target: Path | str, *, template: Path | str | None = None) -> Path:
    return write("report", doc, target, template=template)
