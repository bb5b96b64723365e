"""Writes a document's record in the format its file name asks for, with the writer its kind declares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interface_desktop.exports.clean import printable_doc
from interface_desktop.exports.safe_write import ExportError, write_file
from interface_desktop.services.documents.kinds import KINDS, resolve


def check_format(what: str, target: Path | str) -> str:
    """The extension, when this document can be written in it; otherwise a message listing the formats."""
    kind = KINDS[what]
    suffix = Path(target).suffix.lower()
    if suffix not in kind.formats:
        formats = " or ".join(kind.formats)
        got = suffix or "a name without an extension"
        raise ExportError(f"{kind.label.lower()} can be saved as {formats}, not {got}")
    return suffix


def write(what: str, doc: Any, target: Path | str, *, template: Path | str | None = None) -> Path:
    """Builds the file beside the target and puts it in place in one step; Word files use the template."""
    suffix = check_format(what, target)
    build = resolve(KINDS[what].writers[suffix])
    # Word's and Excel's XML, PDF text and iCalendar refuse control characters; a .csv carries every character.
    doc = doc if suffix == ".csv" else printable_doc(doc)
    options = {"template": template} if suffix == ".docx" else {}
    return write_file(target, lambda temp: build(doc, temp, **options))
