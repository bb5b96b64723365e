"""Hypothesis strategies for hostile input: any Unicode, control characters, RTL, emoji, 100,000-character texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st

from interface_desktop.services.core.errors import ValidationError

# Bounded and repeatable: the same examples on every run, no example database, no per-example deadline.
HOSTILE = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                   phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                          HealthCheck.data_too_large, HealthCheck.large_base_example])

AWKWARD = (
    "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",  # control characters
    "\u202e", "\u202d", "\u200f", "\u200e", "\u2067", "\u2069", "\u061c",  # bidirectional controls
    "\ufeff", "\u200b", "\u00ad", "\ufffe", "\uffff", "\U0010ffff", "\ufffd",
    "😀", "👩🏽‍⚕️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "e\u0301", "مرحبا بالعالم", "שלום עולם", "ग्रुप", "漢字",
    "\r\n", "\r", "\t", "\n\n", "\u2028", "\u2029", " ",
    "<w:t>&amp;</w:t>", "]]>", "=SUM(A1:A9)", "+1", "@cmd", "'", '"', "\\", "%s {0} %(x)s", "BEGIN:VEVENT",
)
UNSTORABLE = ("\x00", "\ud800", "\udfff", "\ud83d")  # NUL and lone surrogates: refused, never stored
_piece = st.one_of(st.sampled_from(AWKWARD),
                   st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=6))
short_text = st.lists(_piece, max_size=10).map("".join)
# Exactly at and just over the 100,000-character limit of long texts, built from a hostile seed.
long_text = st.tuples(st.lists(_piece, min_size=1, max_size=4).map("".join).filter(bool),
                      st.sampled_from((100_000, 100_001))).map(lambda t: (t[0] * (t[1] // len(t[0]) + 1))[:t[1]])
unstorable_text = st.tuples(short_text, st.sampled_from(UNSTORABLE), short_text).map("".join)
# Mostly storable, so most examples get as far as saving and reading back; sometimes long or unstorable.
any_text = st.integers(0, 9).flatmap(lambda k: long_text if k == 8 else unstorable_text if k == 9 else short_text)

EDGE_DATES = (date(1, 1, 1), date(1899, 12, 31), date(1900, 1, 1), date(2000, 2, 29), date(2024, 2, 29),
              date(2026, 11, 23), date(2028, 2, 29), date(2099, 12, 31), date(9999, 12, 31))
edge_date = st.integers(0, 5).flatmap(lambda k: st.sampled_from(EDGE_DATES) if k < 2 else st.dates() if k == 5
                                      else st.dates(date(1900, 1, 1), date(2999, 12, 31)))
edge_datetime = st.builds(datetime.combine, edge_date,
                          st.sampled_from((time(0, 0), time(9, 30), time(23, 59))))


def stored(value: Any) -> Any:
    """What a service keeps of a valid value: texts lose surrounding whitespace."""
    return value.strip() if isinstance(value, str) else value


def saved_or_refused(call: Callable[[], Any], fields: dict[str, Any]) -> Any | None:
    """Call a service; a refusal must be a ValidationError naming only fields that were given."""
    try:
        result = call()
    except ValidationError as exc:
        assert exc.errors and set(exc.errors) <= set(fields), (exc.errors, list(fields))
        event(f"refused: {exc.errors}"[:120])
        return None
    event("saved")
    return result
