"""Tables laid out for reading: columns sized to their text (no word broken) and no row alone across a page break.

Word and the PDFs share the sizing: each column gets at least its longest word, short columns (dates, names,
statuses) their whole text when it fits, and the rest of the width goes where the long text is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

# A column whose longest line takes at most this share of the width is kept on one line when the table allows.
COMPACT_SHARE = 0.36
# A table of this many rows or fewer is not broken across pages at all: it moves to the next page whole.
SHORT_TABLE = 6
# Points left on a page that make it as good as a new one (an A4 page's text is about 700 points high).
FRESH_PAGE = 560
Measure = Callable[[str, bool], float]  # (text, bold) -> width in points


def _widest(texts: Sequence[str], measure: Measure, bold: bool, *, words: bool) -> float:
    parts = [part for text in texts for line in text.splitlines()
             for part in (line.split() if words else [line.strip()])]
    return max((measure(part, bold) for part in parts), default=0.0)


def _spread(widths: list[float], extra: float, weights: Sequence[float]) -> list[float]:
    total = sum(weights) or sum(widths) or 1.0
    weights = weights if sum(weights) else widths
    return [w + extra * weight / total for w, weight in zip(widths, weights)]


def fit_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], hints: Sequence[float], total: float,
               measure: Measure, padding: float) -> list[float]:
    """Column widths (points) summing to `total`. hints: where spare width goes when every column fits."""
    columns = [[str(row[n]) for row in rows if n < len(row)] for n in range(len(headers))]
    mins = [max(_widest(col, measure, False, words=True), _widest([h], measure, True, words=True)) + padding
            for h, col in zip(headers, columns)]
    maxs = [max(_widest(col, measure, False, words=False), _widest([h], measure, True, words=False)) + padding
            for h, col in zip(headers, columns)]
    maxs = [max(a, b) for a, b in zip(mins, maxs)]
    if sum(maxs) <= total:
        return _spread(maxs, total - sum(maxs), hints)
    compact = [mx <= total * COMPACT_SHARE for mx in maxs]
    widths = [mx if small else mn for mn, mx, small in zip(mins, maxs, compact)]
    if sum(widths) <= total and not all(compact):
        room = [0.0 if small else mx - w for mx, w, small in zip(maxs, widths, compact)]
        return _spread(widths, total - sum(widths), room)
    if sum(mins) <= total:
        return _spread(mins, total - sum(mins), [mx - mn for mn, mx in zip(mins, maxs)])
    return [m * total / sum(mins) for m in mins]


@lru_cache(maxsize=1)
def kept_table() -> type:
    """A reportlab Table that keeps a short table whole and, when a longer one must break across pages, leaves
    at least two rows on each side: never a header with one row at the foot of a page, nor one row alone on
    the next."""
    from reportlab.platypus import Table

    class KeptTable(Table):
        def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803 - reportlab's names
            head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            rows = len(self._cellvalues)
            self._rowSplitRange = (rows, rows) if rows - head <= SHORT_TABLE else (head + 2, rows - 2)
            parts = super().split(availWidth, availHeight)
            if not parts and availHeight >= FRESH_PAGE:
                # Rows too tall to keep two together even on a new page: break where the page ends.
                self._rowSplitRange = None
                parts = super().split(availWidth, availHeight)
            return parts

    return KeptTable
