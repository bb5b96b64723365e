"""Replace findings in text with plain markers such as [CHI removed]."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from interface_desktop.privacy.detect import Finding

MARKERS = {
    "chi": "[CHI removed]",
    "nhs": "[NHS number removed]",
    "dob": "[DOB removed]",
    "postcode": "[postcode removed]",
    "name": "[name removed]",
}


def redact(text: str, findings: Iterable[Finding]) -> str:
    """The text with each finding replaced by its marker (findings must not overlap)."""
    pieces: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position or text[finding.start:finding.end] != finding.text:
            raise ValueError(f"finding {finding.text!r} at {finding.start} does not match the text")
        pieces.append(text[position:finding.start])
        pieces.append(MARKERS[finding.kind])
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def finding_digest(finding: Finding) -> str:
    """A stable fingerprint of one finding (kind + digits/letters), so an accepted finding is
    recognised again without storing the identifier itself a second time."""
    normalised = "".join(ch for ch in finding.text.upper() if ch.isalnum())
    return hashlib.sha256(f"{finding.kind}:{normalised}".encode()).hexdigest()
