"""The quarterly report or newsletter: the lead's summary, figures and charts as at the period's end,
meetings and attendance, highlights with their learning, what's next."""

from __future__ import annotations

from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.blocks import Block, Chart, table_block, text_blocks
from interface_desktop.exports.docx_styles import WordDoc
from interface_desktop.exports.text import hhmm, range_text, short_date
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.report_data import EVERY_GROUP, Count, ReportDoc

NUMBERS = {1: "once", 2: "twice"}


def _chart(title: str, counts: tuple[Count, ...], first: str, second: str = "") -> Chart:
    labels = tuple(c.label for c in counts)
    series = [(first, tuple(c.first for c in counts))]
    if second:
        series.append((second, tuple(c.second for c in counts)))
    return Chart(title, labels, tuple(series))


def _share(part: int, whole: int, rate: int | None) -> str:
    """'9 of 12 (75%)'."""
    return f"{part} of {whole} ({rate}%)" if rate is not None else "none due"


def _glance(doc: ReportDoc) -> Block:
    issues, actions, end = doc.issues, doc.actions, short_date(doc.as_at)
    rows = [("Meetings held", str(len(doc.meetings_held))),
            ("Interface issues raised", str(issues.raised)), ("Interface issues resolved", str(issues.resolved)),
            (f"Interface issues open at {end}", str(issues.open_at_end)),
            ("Significant Event Analyses recorded", str(issues.seas_recorded)),
            ("Actions completed", str(actions.completed)),
            ("Actions due in the period done by their due date",
             _share(actions.done_on_time, actions.due, actions.on_time_rate)),
            (f"Actions open at {end}", str(actions.open_at_end)),
            (f"Actions overdue at {end}", str(actions.overdue_at_end)),
            ("Relationship-building activities", str(sum(c.first for c in doc.activities_by_kind))),
            ("Work-shadowing participants", str(sum(c.first for c in doc.shadowing_by_sector)))]
    return table_block(("At a glance", "Number"), rows, (12.6, 4.0))


def _summary(doc: ReportDoc) -> list[Block]:
    if not doc.narrative.strip():
        return []
    return [Block("h1", "Summary"), *text_blocks(doc.narrative)]


def _met(doc: ReportDoc) -> str:
    """'The group met twice in the period: 02/07/2026 and 17/09/2026.'"""
    count = len(doc.meetings_held)
    if doc.scope == EVERY_GROUP:
        return f"The groups held {count} meeting{'' if count == 1 else 's'} in the period."
    days = [short_date(day) for day in doc.meetings_held]
    listed = f"{', '.join(days[:-1])} and {days[-1]}" if count > 1 else days[0]
    return f"The group met {NUMBERS.get(count, f'{count} times')} in the period: {listed}."


def _meetings(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Meetings and attendance")]
    if not doc.meetings_held:
        return blocks + [Block("para", "No meetings were held in this period.")]
    blocks.append(Block("para", _met(doc)))
    if not doc.attendance:
        return blocks
    rows = [(a.label, str(a.present), str(a.expected), f"{a.rate}%") for a in doc.attendance]
    present, expected = sum(a.present for a in doc.attendance), sum(a.expected for a in doc.attendance)
    rows.append(("All members", str(present), str(expected), f"{round(100 * present / expected)}%"))
    blocks.append(table_block(("Members by sector", "Present", "Member places", "Attendance"), rows,
                              (6.6, 3.0, 3.5, 3.5)))
    whose = "a group" if doc.scope == EVERY_GROUP else "the group"
    return blocks + [Block("small", f"Member places: each member of {whose} counted once for every meeting "
                                    f"held while they were a member.")]


def _whose(doc: ReportDoc) -> str:
    return "groups'" if doc.scope == EVERY_GROUP else "group's"


def _issues(doc: ReportDoc) -> list[Block]:
    blocks = [Block("h1", "Interface issues")]
    if not doc.issues.by_category:
        return blocks + [Block("para", "No interface issues were raised or resolved in this period.")]
    blocks.append(Block("chart", chart=_chart("Issues by category", doc.issues.by_category, "Raised", "Resolved")))
    blocks.append(Block("chart", chart=_chart("Issues by direction", doc.issues.by_direction, "Raised", "Resolved")))
    return blocks


def _actions(doc: ReportDoc) -> list[Block]:
    actions, end = doc.actions, short_date(doc.as_at)
    counts = (Count("Completed in the period", actions.completed), Count(f"Open at {end}", actions.open_at_end),
              Count(f"Overdue at {end}", actions.overdue_at_end))
    if actions.due:
        on_time = (f"Of the {actions.due} actions due in the period, {actions.done_on_time} "
                   f"({actions.on_time_rate}%) were done by their due date.")
    else:
        on_time = "No actions fell due in this period."
    return [Block("h1", "Actions"), Block("chart", chart=_chart("Actions completed, open and overdue", counts,
                                                                "Actions")),
            Block("para", on_time)]


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
    if not doc.issues.highlights:
        return blocks + [Block("para", "No issues with recorded learning were resolved in this period.")]
    for h in doc.issues.highlights:
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
    planned = Block("para", f"As planned on {short_date(doc.prepared_on)}, when this report was prepared.")
    return blocks + [planned, table_block(("Date", "Time", "What", "Title", "Where"), rows, (2.3, 1.4, 3.6, 5.3, 4.0))]


def report_blocks(doc: ReportDoc) -> list[Block]:
    blocks = [Block("title", doc.scope), Block("subtitle", _period(doc)),
              Block("para", f"Figures as at {short_date(doc.as_at)}, from the {_whose(doc)} records; prepared "
                            f"{short_date(doc.prepared_on)}."), *_summary(doc), _glance(doc)]
    for part in (_meetings, _issues, _actions, _relationships, _highlights, _upcoming):
        blocks += part(doc)
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
