"""The file guard: hostile and broken Office files and JSON are refused with a clear message before parsing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from interface_desktop.exports import minutes_docx
from interface_desktop.exports.docx_styles import TemplateError
from interface_desktop.exports.jobs import ExportRequest
from interface_desktop.exports.jobs import run as run_export
from interface_desktop.services.documents import documents
from interface_desktop.services.interchange import interchange
from interface_desktop.services.core import safe_files
from interface_desktop.services.interchange.interchange import InterchangeError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.core.safe_files import XLSX, UnsafeFileError, ZipLimits, check_zip_file
from tests.support import document_data
from tests.support.hostile_files import (
    BILLION_LAUGHS,
    LAUGH,
    external_entity,
    rewrite_part,
    with_extra_parts,
    word_document,
    workbook,
)

SECRET = "SECRET-MARKER-7731"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return workbook(tmp_path / "tracker.xlsx", [["Action", "Lead"], ["Chase the lab", "Dr Ann Lee"]])


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_a_plain_workbook_and_document_pass(book, tmp_path):
    check_zip_file(book, XLSX)
    check_zip_file(word_document(tmp_path / "plain.docx"), safe_files.DOCX)


@pytest.mark.parametrize("doctype", ["laughs", "external"])
def test_entity_declarations_in_a_workbook_are_refused(book, tmp_path, secret, doctype):
    declaration = BILLION_LAUGHS if doctype == "laughs" else external_entity(secret)
    reference = LAUGH if doctype == "laughs" else "&xxe;"
    bad = rewrite_part(book, tmp_path / "bad.xlsx", "xl/worksheets/sheet1.xml", declaration,
                       "<t>Chase the lab</t>", f"<t>{reference}</t>")
    with pytest.raises(UnsafeFileError) as err:
        check_zip_file(bad, XLSX)
    assert str(err.value).startswith("bad.xlsx: part xl/worksheets/sheet1.xml declares a DOCTYPE")
    assert SECRET not in str(err.value)


def test_a_doctype_after_comments_and_in_utf16_is_still_found():
    assert safe_files.prologue_problem('<?xml version="1.0"?><!-- a <b> --> \n<!DOCTYPE x>', complete=True)
    assert not safe_files.prologue_problem('<?xml version="1.0"?><!-- <!DOCTYPE> --><root/>', complete=True)
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16")
    assert "DOCTYPE" in safe_files.prologue_problem(safe_files._decode_start(utf16), complete=True)
    assert safe_files.prologue_problem("<!-- never closed", complete=False)


def test_truncated_and_renamed_files_are_refused(book, tmp_path):
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    with pytest.raises(UnsafeFileError, match="truncated.xlsx is damaged or incomplete"):
        check_zip_file(truncated, XLSX)
    renamed = tmp_path / "notes.xlsx"
    renamed.write_text("Action,Lead\nChase,Ann\n", encoding="utf-8")
    with pytest.raises(UnsafeFileError, match="notes.xlsx is not an Excel workbook"):
        check_zip_file(renamed, XLSX)
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(UnsafeFileError, match="password-protected or in the old Office 97-2003 format"):
        check_zip_file(old, XLSX)
    plain_zip = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(UnsafeFileError, match="a zip without Office content"):
        check_zip_file(plain_zip, XLSX)


def test_zip_bombs_are_refused_from_the_directory_without_unpacking(book, tmp_path):
    bomb = with_extra_parts(book, tmp_path / "bomb.xlsx", {"xl/media/zeros.bin": bytes(3 * 1024 * 1024)})
    with pytest.raises(UnsafeFileError, match=r"part xl/media/zeros.bin unpacks to [\d,]+ times its packed size"):
        check_zip_file(bomb, XLSX)
    many = with_extra_parts(book, tmp_path / "many.xlsx", {f"xl/parts/{n}.xml": b"<a/>" for n in range(1000)})
    with pytest.raises(UnsafeFileError, match="many.xlsx holds 1,009 parts; an Excel workbook may hold at most 1,000"):
        check_zip_file(many, XLSX)
    small = ZipLimits("an Excel workbook", 10**6, 50, 2000, 10**6, 1000)
    with pytest.raises(UnsafeFileError, match="would unpack to .* MB; the limit is"):
        check_zip_file(book, small)
    with pytest.raises(UnsafeFileError, match="may unpack to at most"):
        check_zip_file(book, ZipLimits("an Excel workbook", 10**6, 50, 10**6, 3000, 1000))
    with pytest.raises(UnsafeFileError, match="files of this kind are limited to"):
        check_zip_file(book, ZipLimits("an Excel workbook", 1000, 50, 10**6, 10**6, 1000))


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "xl/../../evil.xml", "C:/evil.xml",
                                  "..\\evil.xml"])
def test_member_names_outside_the_document_are_refused(book, tmp_path, name):
    bad = with_extra_parts(book, tmp_path / "escape.xlsx", {name: b"<a/>"})
    with pytest.raises(UnsafeFileError, match="holds a part named .* outside the document"):
        check_zip_file(bad, XLSX)


def _lying(book: Path, target: Path, size: int) -> Path:
    """A workbook with a part whose entry in the zip directory claims 1,000 bytes but holds `size`."""
    bomb = with_extra_parts(book, target, {"xl/big.xml": b"<a>" + bytes(size) + b"</a>"})
    data = bytearray(bomb.read_bytes())
    # The uncompressed size sits 24 bytes into the part's 46-byte entry in the central directory.
    entry = data.find(b"xl/big.xml", data.find(b"PK\x01\x02")) - 46
    data[entry + 24:entry + 28] = (1000).to_bytes(4, "little")
    bomb.write_bytes(bytes(data))
    return bomb


def test_a_lying_size_in_the_zip_directory_cannot_unpack_more(book, tmp_path):
    """Python's zip reader stops at the size the directory declares and then fails the checksum, so the
    checked sizes bound what any parser is given; the guard reads the small declared part whole and sees it."""
    liar = _lying(book, tmp_path / "liar.xlsx", 900_000)
    with pytest.raises(UnsafeFileError, match=r"liar.xlsx is damaged or incomplete \(Bad CRC-32"):
        check_zip_file(liar, XLSX)
    with zipfile.ZipFile(liar) as archive, archive.open("xl/big.xml") as part, \
            pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
        part.read()


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
@pytest.mark.parametrize("doctype", ["laughs", "external"])
def test_a_hostile_word_template_is_refused_before_python_docx_opens_it(session, tmp_path, secret, monkeypatch,
                                                                      part, doctype):
    plain = word_document(tmp_path / "plain.docx")
    declaration = BILLION_LAUGHS if doctype == "laughs" else external_entity(secret)
    reference = LAUGH if doctype == "laughs" else "&xxe;"
    old, new = (("<w:t>Board letterhead</w:t>", f"<w:t>{reference}</w:t>") if part == "word/document.xml"
                else ("</w:styles>", f'<w:style w:type="paragraph" w:styleId="Z"><w:name w:val="{reference}"/>'
                                     "</w:style></w:styles>"))
    template = rewrite_part(plain, tmp_path / "board.docx", part, declaration, old, new)
    fx = document_data.build(session)
    session.commit()
    opened = []
    monkeypatch.setattr(docx, "Document", lambda *args: opened.append(args))
    with pytest.raises(TemplateError) as err:
        minutes_docx.export(documents.minutes_doc(session, fx.meeting_id), tmp_path / "m.docx", template=template)
    assert str(err.value) == (f"the Word template cannot be used: board.docx: part {part} declares a DOCTYPE (entity "
                              "declarations can expand without limit or read other files); the file was not opened")
    assert opened == [] and not (tmp_path / "m.docx").exists()


def test_an_export_with_a_refused_template_stops_before_any_work(db, tmp_path):
    runner = ServiceRunner(db.session_scope)
    bad = tmp_path / "board.docx"
    bad.write_text("not a document", encoding="utf-8")
    request = ExportRequest("minutes", tmp_path / "m.docx", subject_id=999, template=bad)
    with pytest.raises(TemplateError, match="board.docx is not a Word document"):
        run_export(runner, request)
    missing = ExportRequest("minutes", tmp_path / "m.docx", subject_id=999, template=tmp_path / "gone.docx")
    with pytest.raises(TemplateError, match="cannot be found; choose another under Export > Word template"):
        run_export(runner, missing)


# -- JSON ------------------------------------------------------------------------------------------------------

def test_json_nested_too_deeply_is_refused_before_parsing(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InterchangeError, match="deep.json nests lists and objects 100000 deep; the limit is 32"):
        interchange.read_document(deep)
    quoted = tmp_path / "quoted.json"
    quoted.write_text(json.dumps({"format": "x", "text": "[" * 500 + '\\"' + "{" * 500}), encoding="utf-8")
    assert interchange.read_document(quoted)["text"].startswith("[[[")


def test_json_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"format": "interface-desktop", "padding": "x" * 5000}), encoding="utf-8")
    monkeypatch.setattr(interchange, "MAX_IMPORT_BYTES", 4096)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(InterchangeError, match=r"big.json is 0.0 MB; files of this kind are limited to 0.0 MB"):
        interchange.read_document(big)


def test_json_that_is_not_utf8_names_the_byte(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"name": "caf\xe9"}')
    with pytest.raises(InterchangeError, match=r"latin.json is not UTF-8 text \(byte 13\)"):
        interchange.read_document(path)


def test_the_real_export_is_well_within_the_depth_limit(demo_db, tmp_path):
    with demo_db.session_scope() as s:
        document = interchange.export_data(s)
    interchange.write_document(document, tmp_path / "all.json")
    assert safe_files.json_depth((tmp_path / "all.json").read_bytes()) <= 8


def test_cli_import_of_a_bad_json_file_is_a_user_error(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "interface-desktop",\n "version": 1,\n "groups": [}', encoding="utf-8")
    env = dict(os.environ, INTERFACE_DESKTOP_DATA_DIR=str(tmp_path / "data"), INTERFACE_DESKTOP_TODAY="2026-11-23")
    result = subprocess.run([sys.executable, "-m", "interface_desktop", "import", "data", str(deep)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == ("interface-desktop: error: deep.json is not valid JSON: Expecting value at "
                                     "line 3, column 13")
