"""Document content as a list of neutral blocks, rendered to Word (by style name) or to PDF flowables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# kind: title, subtitle, h1, h2, para, attendee, labelled, table, small, pagebreak, chart
KINDS = ("title", "subtitle", "h1", "h2", "para", "attendee", "labelled", "table", "small", "pagebreak", "chart")


@dataclass(frozen=True)
class Chart:
    """A bar chart as data: one bar per label and series (name, values)."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    label: str = ""
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()
    fills: tuple[tuple[int, int, str], ...] = field(default=())
    chart: Chart | None = None
    keep: bool = False  # kept on the page of the block after it (Word's "keep with next")


# A blank line that sets a closing note apart from what comes before it (and stays with the note); it holds a
# no-break space because an empty paragraph takes no room in a PDF.
BLANK_LINE = Block("para", "\u00a0", keep=True)


def text_blocks(text: str, kind: str = "para") -> list[Block]:
    """One block per non-blank line of free text."""
    return [Block(kind, line.strip()) for line in text.splitlines() if line.strip()]


def table_block(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                fills: Sequence[tuple[int, int, str]] = ()) -> Block:
    return Block("table", headers=tuple(headers), rows=tuple(tuple(r) for r in rows), widths=tuple(widths),
                 fills=tuple(fills))
