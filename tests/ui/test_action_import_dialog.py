"""File > Import actions from Excel…: the preview dialog, problems highlighted, the import off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from interface_desktop.db.models import Action, Person
from interface_desktop.services.people import groups
from interface_desktop.services.people import people
from interface_desktop.ui.imports.import_preview_model import PROBLEM_FILL, ImportPreviewModel
from tests.test_action_import import hand_made_tracker


def _group(session) -> int:
    group = groups.create_group(session, name="Lothian Interface Group", board="LO")
    people.create_person(session, name="Ann Lee", role="gp", sector="primary")
    session.commit()
    return group.id


def _open(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window.action_import.menu_action.trigger()
    dialog = window.action_import.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(dialog.error.text()), timeout=30000)
    return dialog


def test_menu_entry_sits_in_the_file_menu_before_quit(qtbot, make_window):
    window = make_window()
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert "&Import actions from Excel…" in texts and texts[-1] == "&Quit"


def test_preview_then_import_off_the_ui_thread(qtbot, make_window, session, tmp_path, monkeypatch):
    group_id = _group(session)
    window = make_window()
    dialog = _open(qtbot, window, monkeypatch, hand_made_tracker(tmp_path / "tracker.xlsx"))
    assert dialog.group_id() == group_id and dialog.model.rowCount() == 5
    assert "4 actions to add to Lothian Interface Group; 2 new people; 1 row skipped" in dialog.summary.text()
    assert "New people to add: Fiona Grant, New Locum." in dialog.details.text()
    assert "not read: Ref" in dialog.details.text()
    locum = dialog.model.index(2, ImportPreviewModel.OWNER)
    assert locum.data() == "New Locum (new person)"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.signals.data_changed, timeout=30000,
                          check_params_cb=lambda kind: kind == "person"):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    assert dialog.result_.message == "Imported 4 actions; added 2 new people; skipped 1 row."
    session.expire_all()
    assert session.scalar(select(func.count(Action.id)).where(Action.group_id == group_id)) == 4
    assert session.scalar(select(func.count(Person.id))) == 3


def test_problems_are_highlighted_with_row_numbers_and_block_the_import(qtbot, make_window, session, tmp_path,
                                                                        monkeypatch):
    _group(session)
    window = make_window()
    path = hand_made_tracker(tmp_path / "tracker.xlsx", due_row7="31/02/2026", status_row9="Amber")
    dialog = _open(qtbot, window, monkeypatch, path)
    assert not dialog.import_button.isEnabled()
    assert "2 problems to fix first" in dialog.summary.text()
    assert "Fix the 2 highlighted problem(s)" in dialog.error.text()
    bad = [r for r in range(dialog.model.rowCount())
           if dialog.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
           and dialog.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == PROBLEM_FILL]
    assert [dialog.model.index(r, ImportPreviewModel.ROW).data() for r in bad] == ["6", "8"]
    assert dialog.model.index(bad[0], ImportPreviewModel.RESULT).data() == (
        "Problem - Target date (dd/mm/yyyy): '31/02/2026' is not a date (use dd/mm/yyyy)")
    assert "Row 6, Target date (dd/mm/yyyy)" in dialog.model.index(bad[0], ImportPreviewModel.RESULT).data(
        Qt.ItemDataRole.ToolTipRole)
    dialog.reject()
    assert session.scalar(select(func.count(Action.id))) == 0


def test_a_refused_file_says_why_and_offers_no_import(qtbot, make_window, session, tmp_path, monkeypatch):
    _group(session)
    window = make_window()
    renamed = tmp_path / "tracker.xlsx"
    renamed.write_text("Action,Owner\n", encoding="utf-8")
    dialog = _open(qtbot, window, monkeypatch, renamed)
    assert dialog.error.text() == "Tracker.xlsx is not an Excel workbook (its content is not in the Office format)"
    assert not dialog.import_button.isEnabled()
    dialog.reject()
