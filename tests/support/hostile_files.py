"""Builders of hostile and broken files for the import tests: entity bombs, external entities, zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from openpyxl import Workbook

# Nine levels of ten references each: a thousand million "lol"s if a parser expanded it.
BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
                  + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)) + "]>")
LAUGH = "&lol9;"


def external_entity(target: Path) -> str:
    """A DOCTYPE whose entity `xxe` names a local file: a parser that resolved it would read the file."""
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>'


def workbook(path: Path, rows: list[list[object]], title: str = "Actions") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def word_document(path: Path, text: str = "Board letterhead") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def rewrite_part(source: Path, target: Path, part: str, doctype: str, old: str, new: str) -> Path:
    """A copy of an Office file with a DOCTYPE put in front of one XML part and `old` replaced by `new` there."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                start = text.index("?>") + 2 if text.startswith("<?xml") else 0
                assert old in text, f"{old!r} is not in {part}"
                data = (text[:start] + doctype + text[start:].replace(old, new, 1)).encode("utf-8")
            zout.writestr(info, data)
    return target


def with_extra_parts(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of an Office file with more parts added (names are written exactly as given)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        for name, data in parts.items():
            zout.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return target
