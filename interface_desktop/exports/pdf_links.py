"""Clickable rows: a table whose body rows note where they were drawn, and the links that make them go to a page.

reportlab can only link to destinations inside the document it draws, and a pack's cover is drawn before the
pages it points to are joined to it; so the cover notes where each row landed and pypdf adds the links after.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Spot:
    """Where a table's body row was drawn: its page (from 1) and its box in points."""

    page: int
    box: tuple[float, float, float, float]


@lru_cache(maxsize=1)
def _traced_rows() -> type:
    from reportlab.platypus import Flowable

    class TracedRows(Flowable):
        """Draws a table (with one header row) and appends a Spot for each body row, in order, to `spots`."""

        def __init__(self, table, spots: list[Spot]):  # noqa: ANN001 - a reportlab Table
            super().__init__()
            self.table = table
            self.spots = spots

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            self.width, self.height = self.table.wrap(availWidth, availHeight)
            return self.width, self.height

        def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
            return [TracedRows(part, self.spots) for part in self.table.split(availWidth, availHeight)]

        def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
            return self.table.getSpaceBefore()

        def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
            return self.table.getSpaceAfter()

        def draw(self) -> None:
            self.table.drawOn(self.canv, 0, 0)
            left, bottom = self.canv.absolutePosition(0, 0)
            right = left + sum(self.table._colWidths)
            tops = self.table._rowpositions  # from the table's top edge down to 0, one per row boundary
            page = self.canv.getPageNumber()
            for top, low in zip(tops[1:], tops[2:]):
                self.spots.append(Spot(page, (left, bottom + low, right, bottom + top)))

    return TracedRows


def traced(table, spots: list[Spot]):  # noqa: ANN001, ANN201 - a reportlab Table in, a Flowable out
    return _traced_rows()(table, spots)


def add_links(writer, spots: list[Spot], targets: list[int], first_page: int = 0) -> None:  # noqa: ANN001
    """A link from each spot to its target page (both counted from 0 in the writer; spots' pages from
    `first_page`)."""
    from pypdf.annotations import Link

    for spot, target in zip(spots, targets):
        writer.add_annotation(first_page + spot.page - 1, Link(rect=spot.box, target_page_index=target))
