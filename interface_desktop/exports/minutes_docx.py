"""Word minutes: the group's name, when and where, who was there, numbered items with decisions and actions, the
close (with the chair's signature once approved), and the action table."""

from __future__ import annotations

from pathlib import Path

from interface_desktop.exports.blocks import BLANK_LINE, Block, table_block, text_blocks
from interface_desktop.exports.docx_styles import WordDoc
from interface_desktop.exports.text import held_line, hhmm, long_date, person_text, short_date
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import (
    ActionLine,
    Approval,
    ApprovedHere,
    ItemDoc,
    MinutesDoc,
    PersonLine,
)

ACTION_HEADERS = ("No.", "Action", "Lead", "Due", "Status")
ACTION_WIDTHS = (2.3, 6.5, 3.4, 2.3, 2.1)  # the No. column holds a reference such as A-2026-014 on one line
DRAFT_MARKER = "DRAFT - subject to approval by the group"
PREVIOUS_MINUTES = ("previous minutes", "minutes of the previous", "minutes of the last", "minutes of last")
SIGNATURE = "Signed (Chair) " + "\u2026" * 18 + "    Date " + "\u2026" * 9


def action_text(action: ActionLine) -> str:
    who = action.owner or "lead to be confirmed"
    due = f" by {short_date(action.due_on)}" if action.due_on else ""
    return f"{action.description} ({who}{due})"


def next_meeting_text(doc: MinutesDoc) -> str:
    if doc.next_meeting is None:
        return "The date of the next meeting is to be confirmed."
    where = f", {doc.next_venue}" if doc.next_venue else ""
    return f"The next meeting will be held on {long_date(doc.next_meeting)} at {hhmm(doc.next_meeting)}{where}."


def approved_here_text(approved: ApprovedHere) -> str:
    """What the approving meeting's minutes say under the previous minutes."""
    held = f"The minutes of the meeting held on {short_date(approved.meeting_starts_at)} were approved"
    return f"{held} with the following amendments: {approved.amendments}" if approved.amendments.strip() \
        else f"{held} as a true record."


def approval_text(approval: Approval) -> str:
    """The closing line of approved minutes: how, when and where they were approved."""
    amended = approval.amendments.strip()
    how = f"with the following amendments: {approval.amendments}" if amended else "as a true record"
    at = approval.at_meeting
    if at is not None and at.date() == approval.approved_on:
        when = f"at the meeting held on {short_date(at)}"
    elif at is not None:
        when = f"on {short_date(approval.approved_on)}, at the meeting held on {short_date(at)},"
    else:
        when = f"on {short_date(approval.approved_on)}"
    text = f"These minutes were approved {when} {how}"
    return text if text.endswith((".", "!", "?")) else text + "."


def record_line(doc: MinutesDoc) -> str:
    """'Approved 04/11/2026 · record 3f2a9c1e': which frozen record a copy was printed from."""
    if doc.is_draft or doc.approved_on is None:
        return ""
    record = f" · record {doc.record[:8]}" if doc.record else ""
    return f"Approved {short_date(doc.approved_on)}{record}"


def _is_previous_minutes(title: str) -> bool:
    return any(words in title.lower() for words in PREVIOUS_MINUTES)


def _names(people: tuple[PersonLine, ...]) -> str:
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _people(heading: str, people: tuple[PersonLine, ...], empty: str | None) -> list[Block]:
    if not people and empty is None:
        return []
    lines = ([person_text(p.name, p.role, p.organisation, p.is_chair, p.is_minute_taker) for p in people]
             or [empty or ""])
    return [Block("h2", heading)] + [Block("attendee", line) for line in lines]


def _declarations(doc: MinutesDoc) -> list[Block]:
    if not doc.declarations:
        return [Block("para", "No declarations of interest were made.")]
    return [Block("labelled", text, label=f"{name}:") for name, text in doc.declarations]


def _item(item: ItemDoc, doc: MinutesDoc) -> list[Block]:
    heading = f"{item.number}\t{item.title}"
    blocks = [Block("h1", f"{heading} ({item.issue_reference})" if item.issue_reference else heading)]
    blocks += text_blocks(item.discussion)
    title, silent = item.title.lower(), not item.discussion.strip()
    if "apologies" in title and silent and doc.apologies:
        blocks.append(Block("para", "Apologies were received from " + _names(doc.apologies) + "."))
    if "declaration" in title and (silent or doc.declarations):
        blocks += _declarations(doc)
    if "next meeting" in title and silent:
        blocks.append(Block("para", next_meeting_text(doc)))
    if _is_previous_minutes(item.title):
        blocks += [Block("para", approved_here_text(a)) for a in doc.approved_here]
    blocks += [Block("labelled", paper, label="Paper:") for paper in item.papers]
    blocks += [Block("labelled", decision, label="Decision:") for decision in item.decisions]
    blocks += [Block("labelled", action_text(a), label=f"Action {a.number}:") for a in item.actions]
    return blocks


def _title(doc: MinutesDoc) -> list[Block]:
    """The group, the meeting's own title if it has one, when (start and close) and where, the call link."""
    head = doc.head
    blocks = [Block("title", head.group_name)]
    if head.meeting_title:
        blocks.append(Block("subtitle", head.meeting_title))
    blocks.append(Block("subtitle", held_line(head.starts_at, head.venue, head.call_link, closed_at=head.closed_at)))
    if head.call_link:
        blocks.append(Block("small", f"Video call: {head.call_link}"))
    return blocks


def _close(doc: MinutesDoc) -> list[Block]:
    """The close of the business and, once approved, the date of approval and a place for the chair to sign,
    kept on one page with the close (never a signature alone at the top of a page)."""
    signing = not doc.is_draft and doc.approved_on is not None
    blocks = []
    if doc.head.closed_at:
        blocks.append(Block("para", f"The meeting closed at {hhmm(doc.head.closed_at)}.", keep=signing))
    if signing:
        approved = (approval_text(doc.approval) if doc.approval
                    else f"These minutes were approved by the group on {short_date(doc.approved_on)}.")
        blocks += [BLANK_LINE, Block("para", approved, keep=True), Block("para", SIGNATURE)]
    return blocks


def minutes_blocks(doc: MinutesDoc) -> list[Block]:
    """The minutes as blocks: the Word file and the meeting pack's 'previous minutes' share them."""
    blocks = _title(doc)
    blocks += _people("Present", doc.present, "None recorded")
    blocks += _people("In attendance", doc.in_attendance, None)
    blocks += _people("Apologies", doc.apologies, "None")
    if doc.quorum:
        blocks += [Block("h2", "Quorum"), Block("attendee", doc.quorum)]
    titles = " ".join(i.title.lower() for i in doc.items)
    if "declaration" not in titles:
        blocks += [Block("h2", "Declarations of interest"), *_declarations(doc)]
    if doc.approved_here and not any(_is_previous_minutes(i.title) for i in doc.items):
        blocks += [Block("h2", "Minutes of the previous meeting"), *(Block("para", approved_here_text(a))
                                                                     for a in doc.approved_here)]
    for item in doc.items:
        blocks += _item(item, doc)
    if "next meeting" not in titles:
        blocks += [Block("h1", "Date of next meeting"), Block("para", next_meeting_text(doc))]
    blocks += _close(doc)
    blocks.append(Block("h1", "Actions agreed at this meeting"))
    if doc.actions:
        blocks.append(table_block(ACTION_HEADERS, [
            (a.number, a.description, a.owner or "To be confirmed", short_date(a.due_on), a.status)
            for a in doc.actions], ACTION_WIDTHS))
    else:
        blocks.append(Block("para", "No actions were agreed."))
    return blocks


def build(doc: MinutesDoc, path: Path, *, template: Path | str | None = None) -> None:
    word = WordDoc(template)
    word.render(minutes_blocks(doc))
    word.finish(path, title=f"{doc.head.group_name}: minutes of {short_date(doc.head.starts_at)}",
                draft=doc.is_draft, marker=DRAFT_MARKER, footer_note=record_line(doc))


def export(doc: MinutesDoc, target: Path | str, *, template: Path | str | None = None) -> Path:
    return write("minutes", doc, target, template=template)
