"""The library driven as a user would: attach a file, open it (the desktop's opener is mocked), copy a template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QDialog

from interface_desktop.services.documents import files
from interface_desktop.ui.library.resource_dialog import ResourceDialog, guess_kind
from interface_desktop.ui.library.resources_model import COL_SCOPE, COL_SIZE, COL_TITLE, ResourcesModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.library.resources_view import ResourcesView
from tests.support.ui_records_fixtures import make_records


def make_view(qtbot, db, monkeypatch):
    rec = make_records(db, n_actions=0)
    view = ResourcesView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    monkeypatch.setattr(ResourceDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return rec, view


def test_drop_a_file_then_open_it(qtbot, db, monkeypatch, tmp_path):
    rec, view = make_view(qtbot, db, monkeypatch)
    paper = tmp_path / "Discharge letter audit 2026.pdf"
    paper.write_bytes(b"%PDF-1.4 audit")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paper))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    stored = view.model.rows()[0]
    assert stored.title == "Discharge letter audit 2026" and stored.kind == "paper"
    assert stored.group_id == rec.group_id

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    view.table.select_id(stored.id)
    view.open_resource()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    assert opened[0].name == paper.name and opened[0].read_bytes() == b"%PDF-1.4 audit"
    assert "Opened" in view.status.text()


def test_oversized_or_missing_file_reports_and_adds_nothing(qtbot, db, monkeypatch, tmp_path):
    rec, view = make_view(qtbot, db, monkeypatch)
    errors = []
    monkeypatch.setattr("interface_desktop.ui.operations.show_error",
                        lambda parent, title, exc: errors.append(str(exc)))
    view.add_files([tmp_path / "gone.docx"])
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    assert "gone.docx" in errors[0] and view.model.rowCount() == 0


def test_template_into_the_library_and_save_a_copy(qtbot, db, monkeypatch, tmp_path):
    rec, view = make_view(qtbot, db, monkeypatch)
    assert view.templates.count() == 2
    view.templates.setCurrentRow(1)
    view.add_template()
    assert [(r.title, r.kind) for r in view.model.rows()] == [("Interface issue reporting form", "template")]
    target = tmp_path / "our form.docx"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    view.table.select_id(view.model.rows()[0].id)
    view.save_copy()
    qtbot.waitUntil(target.exists, timeout=15000)
    assert target.read_bytes() == rec.runner.call(files.read_resource, view.model.rows()[0].id)[1]


def test_kind_is_guessed_from_the_file_name():
    assert guess_kind(Path("ToR 2026.docx")) == "terms_of_reference"
    assert guess_kind(Path("Terms of reference.docx")) == "terms_of_reference"
    assert guess_kind(Path("referral form.docx")) == "template"
    assert guess_kind(Path("minutes.pdf")) == "paper"


def test_model_without_widgets(db, qapp):
    rec = make_records(db, n_actions=0)
    rec.runner.call(files.add_resource, filename="ToR.docx", data=b"x" * 2048, kind="terms_of_reference",
                    title="Terms of reference", group_id=None)
    model = ResourcesModel()
    model.set_rows(rec.runner.call(files.list_resources, group_id=rec.group_id))
    assert [model.index(0, column).data() for column in (COL_TITLE, COL_SIZE, COL_SCOPE)] == \
        ["Terms of reference", "2 KB", "Every group"]


def test_a_copy_is_never_saved_over_the_open_database(qtbot, db, monkeypatch, tmp_path):
    rec, view = make_view(qtbot, db, monkeypatch)
    view.templates.setCurrentRow(1)
    view.add_template()
    errors = []
    monkeypatch.setattr("interface_desktop.ui.operations.show_error",
                        lambda parent, title, exc: errors.append(str(exc)))
    chosen = [str(db.file)]
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (chosen[0], ""))
    view.table.select_id(view.model.rows()[0].id)
    view.save_copy()
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    link = tmp_path / "our form.docx"
    link.symlink_to(db.file)
    chosen[0] = str(link)
    view.save_template()
    assert len(errors) == 2 and all(e.startswith("refusing to write over the open database") for e in errors)
    assert db.file.read_bytes()[:16] == b"SQLite format 3\x00" and link.is_symlink()
