"""Text a document format can hold: control characters that XML (Word, Excel) forbids are dropped, formulas disarmed."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from interface_desktop.services.core.formulas import TEXT_MARKER, needs_marker

T = TypeVar("T")

# XML 1.0 allows tab, line feed and carriage return among the C0 controls, and no U+FFFE/U+FFFF or lone
# surrogates. Word and Excel refuse a file holding any of them, so they are dropped from every text: a
# pasted form feed or a stray escape character carries no meaning in a document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    return _NOT_XML.sub("", text)


def printable_doc(doc: T) -> T:
    """The same document record (frozen dataclasses, tuples, lists, dicts) with every text made printable."""
    return _clean(doc)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value) if _NOT_XML.search(value) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, (list, tuple)):
        cleaned = [_clean(item) for item in value]
        return type(value)(cleaned) if type(value) in (list, tuple) else type(value)(*cleaned)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value


def neutralise(value: object) -> object:
    """Text a spreadsheet would run as a formula, marked as text with a leading apostrophe; other values as they are.

    Used for every cell of the .xlsx and .csv exports; the tracker import takes the apostrophe off again.
    """
    if isinstance(value, str) and needs_marker(value):
        return TEXT_MARKER + value
    return value
