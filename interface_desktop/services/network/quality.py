"""Quality flags on learning before it leaves: no "why", no concrete change, or a vague change."""

from __future__ import annotations

import re

QUALITY_FLAG_LABELS = {
    "no_why": "Says what happened but not why it happened",
    "no_change": "Names no concrete change",
    "vague_change": "The change is vague (reminding, raising awareness or retraining staff)",
}
# Changes that rarely change anything: reminders and awareness fade; retraining alone leaves the system as it was.
_VAGUE = re.compile(r"\b(remind(?:ed|ing|er)?s?|rais(?:e|ed|ing) awareness|awareness|re-?train(?:ed|ing)?|"
                    r"reiterat(?:e|ed|ing)|be more careful|be vigilant|emphasi[sz]ed?)\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# A change of fewer words than this says too little to be done the same way elsewhere.
MIN_CHANGE_WORDS = 4


def quality_flags(*, why: str | None, change: str) -> list[str]:
    """The flags of one item: `why` is None where the kind of record has no "why" to give."""
    flags = []
    if why is not None and not why.strip():
        flags.append("no_why")
    if len(_WORDS.findall(change)) < MIN_CHANGE_WORDS:
        flags.append("no_change")
    elif _VAGUE.search(change):
        flags.append("vague_change")
    return flags
