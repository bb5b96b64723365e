"""The agenda, in Word and PDF: items with start times, purpose, lead and the papers against them, then the close."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.blocks import Block, table_block
from interface_desktop.exports.docx_styles import WordDoc
from interface_desktop.exports.text import hhmm, long_date, medium_date, short_date, venue_text
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import AgendaDoc, MeetingHead

HEADERS = ("No.", "Time", "Item", "Purpose", "Lead")
WIDTHS = (1.1, 1.5, 8.2, 2.8, 3.0)  # where spare width goes: the item titles


def when_line(head: MeetingHead, closes_at: datetime | None = None) -> str:
    where = venue_text(head.venue, head.call_link)
    ends = closes_at or head.ends_at
    line = f"Meeting to be held on {long_date(head.starts_at)} from {hhmm(head.starts_at)} to {hhmm(ends)}"
    return f"{line}, {where}" if where else line


def people_line(head: MeetingHead) -> str:
    parts = [f"Chair: {head.chair}" if head.chair else "", f"Minutes: {head.minute_taker}" if head.minute_taker else ""]
    return "  ·  ".join(p for p in parts if p)


def agenda_blocks(doc: AgendaDoc) -> list[Block]:
    """Heading, when and where, and the timed items (papers listed under their item)."""
    head = doc.head
    blocks = [Block("h1", "Agenda"), Block("subtitle", when_line(head, doc.closes_at))]
    if people_line(head):
        blocks.append(Block("para", people_line(head)))
    if head.call_link:
        blocks.append(Block("small", f"Join by video call: {head.call_link}"))
    rows = []
    for item in doc.items:
        title = item.title + (f" ({item.issue_reference})" if item.issue_reference else "")
        title += "".join(f"\nPaper {number}: {paper}" for number, paper in item.numbered_papers)
        rows.append((str(item.number), hhmm(item.starts_at), title, item.purpose, item.presenter))
    rows.append(("", hhmm(doc.closes_at), "Close", "", ""))
    blocks.append(table_block(HEADERS, rows, WIDTHS))
    return blocks


def build_docx(doc: AgendaDoc, path: Path, *, template: Path | str | None = None) -> None:
    word = WordDoc(template)
    word.render([Block("title", doc.head.group_name), *agenda_blocks(doc)])
    word.finish(path, title=f"{doc.head.group_name}: agenda for {short_date(doc.head.starts_at)}", draft=False)


def build_pdf(doc: AgendaDoc, path: Path) -> None:
    head = doc.head
    story = pdf_styles.render([Block("title", head.group_name), *agenda_blocks(doc)])
    about = pdf_styles.About(f"{head.group_name}: agenda", head.group_name,
                             f"Agenda of the meeting on {medium_date(head.starts_at)}")
    pdf_styles.build(path, story, about, header=head.group_name)


def export(doc: AgendaDoc, target: Path | str, *, template: Path | str | None = None) -> Path:
    return write("agenda", doc, target, template=template)
