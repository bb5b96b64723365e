"""Characters the standard PDF fonts cannot draw, and the plain text put in their place (pages and charts)."""

from __future__ import annotations

# Helvetica has no arrow glyph; the standard PDF fonts keep files small and open anywhere.
REPLACEMENTS = {"→": "to", "\u2011": "-", "\u2212": "-"}


def clean_plain(text: str) -> str:
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)
    return text
