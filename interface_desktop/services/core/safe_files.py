"""Checks a file from outside before any parser reads it: size, zip structure (zip bombs), XML DTDs, JSON depth.

Office files (.xlsx, .docx) are zips of XML parts. The XML parsers we rely on (openpyxl with defusedxml,
python-docx on lxml) already refuse or ignore most entity tricks, but each in its own way - a vague
"invalid XML" error, a crash, or silently skipping an entity - and that depends on library versions and
settings. So every part is checked here first: no part may declare a DOCTYPE, which is where entities
(billion laughs, external files) would have to be declared. Office itself never writes one.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from interface_desktop.services.core.errors import ServiceError

MB = 1024 * 1024
JSON_MAX_DEPTH = 32
PROLOGUE_MAX_CHARS = 64 * 1024
# Compression ratios this high only matter for big parts; small parts of repeated XML compress very well.
RATIO_CHECKED_FROM = 1 * MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
NOT_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
BRACKET_STEP = [{ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}.get(b, 0) for b in range(256)]


class UnsafeFileError(ServiceError):
    """A file refused before it was parsed; the message names the file and what is wrong with it."""


@dataclass(frozen=True)
class ZipLimits:
    label: str  # what the user calls the file, e.g. "an Excel workbook"
    max_bytes: int  # the file on disk
    max_members: int
    max_member_bytes: int  # one part, uncompressed
    max_total_bytes: int  # all parts, uncompressed
    max_ratio: int  # uncompressed / compressed, for parts of RATIO_CHECKED_FROM or more
    office: bool = True  # an Office file, which must have [Content_Types].xml


XLSX = ZipLimits("an Excel workbook", 20 * MB, 1000, 100 * MB, 200 * MB, 100)
DOCX = ZipLimits("a Word document", 30 * MB, 1000, 50 * MB, 150 * MB, 100)


def _megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size < 10 * MB else f"{size / MB:,.0f} MB"


def check_size(path: Path | str, max_bytes: int) -> int:
    """The file's size, after checking it exists, is a file and is not over the limit."""
    path = Path(path)
    try:
        if not path.is_file():
            why = "no such file" if not path.exists() else "not a file"
            raise UnsafeFileError(f"cannot read {path.name}: {why}")
        size = path.stat().st_size
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise UnsafeFileError(f"{path.name} is {_megabytes(size)}; files of this kind are limited to "
                              f"{_megabytes(max_bytes)}")
    return size


def _magic(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(8)
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def check_zip_file(path: Path | str, limits: ZipLimits) -> None:
    """Refuses anything but a well-formed Office zip within the limits; reads no XML beyond each prologue."""
    path = Path(path)
    check_size(path, limits.max_bytes)
    magic = _magic(path)
    if magic.startswith(OLE_MAGIC):
        raise UnsafeFileError(f"{path.name} is password-protected or in the old Office 97-2003 format; open it "
                              f"in Office, remove the password and save it as a {path.suffix or 'new'} file")
    if not magic.startswith(ZIP_MAGIC):
        raise UnsafeFileError(f"{path.name} is not {limits.label} (its content is not in the Office format)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_members(path.name, infos, limits)
            for info in infos:
                _check_xml_part(path.name, archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnsafeFileError(f"{path.name} is damaged or incomplete ({exc})") from None
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def read_zip_parts(path: Path | str, limits: ZipLimits) -> dict[str, bytes]:
    """Every part of a zip the app itself writes (not an Office file), after the same checks, by name."""
    path = Path(path)
    check_size(path, limits.max_bytes)
    if not _magic(path).startswith(ZIP_MAGIC):
        raise UnsafeFileError(f"{path.name} is not {limits.label} (it is not a zip file)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_members(path.name, infos, limits)
            return {info.filename: archive.read(info) for info in infos}
    # A damaged header can ask for features zipfile lacks (patched data, other compression): also damage.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, zlib.error, NotImplementedError,
            RuntimeError) as exc:
        raise UnsafeFileError(f"{path.name} is damaged or incomplete ({exc})") from None
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) is not None or ".." in parts
            or "\x00" in name)


def _check_members(file_name: str, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    if len(infos) > limits.max_members:
        raise UnsafeFileError(f"{file_name} holds {len(infos):,} parts; {limits.label} may hold at most "
                              f"{limits.max_members:,}")
    names = [info.filename for info in infos]
    if limits.office and "[Content_Types].xml" not in names:
        raise UnsafeFileError(f"{file_name} is not {limits.label} (it is a zip without Office content)")
    if len(set(names)) != len(names):
        raise UnsafeFileError(f"{file_name} holds two parts with the same name, which Office never writes")
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise UnsafeFileError(f"{file_name} holds a part named {name!r}, outside the document")
        if info.flag_bits & 0x1:
            raise UnsafeFileError(f"{file_name} has encrypted parts; save it without a password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeFileError(f"{file_name}: part {name} uses a compression Office does not use")
        if info.file_size > limits.max_member_bytes:
            raise UnsafeFileError(f"{file_name}: part {name} would unpack to {_megabytes(info.file_size)}; "
                                  f"the limit is {_megabytes(limits.max_member_bytes)}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECKED_FROM and ratio > limits.max_ratio:
            raise UnsafeFileError(f"{file_name}: part {name} unpacks to {ratio:,.0f} times its packed size, "
                                  f"which is how zip bombs are made; it was not opened")
        total += info.file_size
    if total > limits.max_total_bytes:
        raise UnsafeFileError(f"{file_name} would unpack to {_megabytes(total)}; {limits.label} may unpack to at "
                              f"most {_megabytes(limits.max_total_bytes)}")


def _decode_start(head: bytes) -> str:
    """The start of a part as text, in whichever encoding an XML parser would detect."""
    for marks, encoding in (((b"\x00\x00\xfe\xff", b"\x00\x00\x00<"), "utf-32-be"),
                            ((b"\xff\xfe\x00\x00", b"<\x00\x00\x00"), "utf-32-le"),
                            ((b"\xfe\xff", b"\x00<"), "utf-16-be"), ((b"\xff\xfe", b"<\x00"), "utf-16-le"),
                            ((b"\x4c\x6f\xa7\x94",), "cp500")):
        if head.startswith(marks):
            return head.decode(encoding, errors="replace").lstrip("\ufeff")
    # Every other encoding an XML parser accepts writes markup in ASCII, which latin-1 shows unchanged.
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def _check_xml_part(file_name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    if info.is_dir():
        return
    with archive.open(info) as part:
        head = part.read(PROLOGUE_MAX_CHARS * 4)
    problem = prologue_problem(_decode_start(head), complete=len(head) == info.file_size)
    if problem:
        raise UnsafeFileError(f"{file_name}: part {info.filename} {problem}; the file was not opened")


def prologue_problem(text: str, *, complete: bool) -> str:
    """Why the XML prologue (what comes before the first element) is refused, or "" when it is fine.

    Declarations, processing instructions and comments may come before the first element; a DOCTYPE,
    which is the only place entities can be declared, may not."""
    pos = 0
    text = text[:PROLOGUE_MAX_CHARS]
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos == len(text):
            return "" if complete or not text else "has an unusually long XML prologue"
        if not text.startswith("<", pos):
            return ""  # not XML: a picture or other binary part, which no XML parser is given
        if text.startswith(("<?", "<!--"), pos):
            closing = "?>" if text.startswith("<?", pos) else "-->"
            end = text.find(closing, pos + 2)
            if end < 0:
                return "has an unfinished XML declaration or comment"
            pos = end + len(closing)
            continue
        if text.startswith("<!", pos):
            return "declares a DOCTYPE (entity declarations can expand without limit or read other files)"
        return ""


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    check_size(path, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def read_json(path: Path | str, *, max_bytes: int, max_depth: int = JSON_MAX_DEPTH) -> Any:
    """Parses a JSON file within the size and nesting limits; errors give the line and column."""
    path = Path(path)
    return parse_json(path.name, _read_bytes(path, max_bytes), max_depth=max_depth)


def parse_json(name: str, raw: bytes, *, max_depth: int = JSON_MAX_DEPTH) -> Any:
    """Parses JSON bytes (a file, or a part of one, called `name` in messages) within the nesting limit."""
    depth = json_depth(raw)
    if depth > max_depth:
        raise UnsafeFileError(f"{name} nests lists and objects {depth} deep; the limit is {max_depth}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeFileError(f"{name} is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=lambda pairs: _unique_keys(pairs, name))
    except json.JSONDecodeError as exc:
        raise UnsafeFileError(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}") from None


def _unique_keys(pairs: list[tuple[str, Any]], name: str) -> dict[str, Any]:
    """One object, refusing a key given twice: which of two values a reader keeps is not the writer's say."""
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _value in pairs if key in seen or seen.add(key))
        raise UnsafeFileError(f"{name} is not a valid data file: the key {twice!r} appears twice in one object")
    return found


def json_depth(raw: bytes) -> int:
    """The deepest nesting of lists and objects, counted without parsing (so a hostile file cannot
    exhaust the parser's recursion first)."""
    # Escaped backslashes, then escaped quotes, go first; what is left between quotes is then the strings,
    # so brackets inside them are not counted.
    bare = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(bare.split(b'"')[::2]).translate(None, NOT_BRACKETS)
    return max(accumulate(map(BRACKET_STEP.__getitem__, brackets)), default=0)


def read_text(path: Path | str, *, max_bytes: int) -> str:
    """A text file within the size limit: UTF-8 (with or without Excel's byte-order mark), else Windows-1252,
    which is what Excel on Windows writes for "CSV (Comma delimited)"."""
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    if b"\x00" in raw:
        raise UnsafeFileError(f"{path.name} is not a text file (it contains NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnsafeFileError(f"{path.name} is neither UTF-8 nor Windows text; save it from Excel as "
                          f"'CSV UTF-8 (Comma delimited)'")
