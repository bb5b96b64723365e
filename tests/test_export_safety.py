"""Safe writing: a failed or refused export leaves the target as it was and no temporary files behind."""

from __future__ import annotations

import os

import pytest

from tests.support import document_data
from interface_desktop.exports import minutes_docx, safe_write
from interface_desktop.exports.safe_write import ExportError, TargetLockedError, write_file
from interface_desktop.services.documents import documents


def test_target_is_unchanged_when_the_export_fails_midway(tmp_path):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the approved version")

    def half_then_fail(temp):
        temp.write_bytes(b"half a document")
        raise ValueError("simulated failure while building")

    with pytest.raises(ValueError):
        write_file(target, half_then_fail)
    assert target.read_bytes() == b"the approved version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"]


def test_word_owner_file_means_the_target_is_open(tmp_path):
    target = tmp_path / "Lothian minutes.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / "~$thian minutes.docx").write_bytes(b"owner")
    with pytest.raises(TargetLockedError, match="Lothian minutes.docx is open in another program"):
        write_file(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"open in Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Lothian minutes.docx", "~$thian minutes.docx"]


def test_a_sharing_violation_on_replace_is_reported_as_locked(tmp_path, monkeypatch):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(TargetLockedError, match="close it there"):
        write_file(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_unwritable_folder_via_access_check(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_write.os, "access", lambda path, mode: False)
    with pytest.raises(ExportError, match="permission denied"):
        write_file(tmp_path / "x.csv", lambda temp: temp.write_text("x"))
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_file(tmp_path / "nowhere" / "x.csv", lambda temp: temp.write_text("x"))


def test_real_export_replaces_an_old_file_completely(session, tmp_path):
    fx = document_data.build(session)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "minutes.docx"
    target.write_bytes(b"old")
    minutes_docx.export(documents.minutes_doc(session, fx.meeting_id), target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in folder.iterdir()] == ["minutes.docx"]


def test_a_new_file_gets_the_usual_permissions_not_the_temporary_ones(tmp_path):
    umask = os.umask(0o022)
    try:
        target = write_file(tmp_path / "a.csv", lambda temp: temp.write_text("x"))
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
