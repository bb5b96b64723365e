"""Editing records from the keyboard: new/edit/delete actions, the unsaved-changes prompt, confirmed deletes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from interface_desktop.services.actions import actions
from interface_desktop.services.people import people
from interface_desktop.ui.actions.action_editor import ActionEditor
from interface_desktop.ui.people.person_editor import PersonEditor
from interface_desktop.ui.actions.actions_model import COL_DESCRIPTION
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.actions.actions_view import ActionsView
from interface_desktop.ui.people.people_view import PeopleView
from tests.support.ui_records_fixtures import make_records


def click_in_next_box(button: str, seen: list[str]) -> None:
    def click() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
    QTimer.singleShot(0, click)


def test_unsaved_changes_prompt_keeps_or_discards_the_typing(qtbot, db):
    rec = make_records(db)
    editor = PersonEditor(rec.runner, rec.runner.call(people.get_person, rec.gp_id))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.phone, "0131 555 0100")
    seen: list[str] = []
    click_in_next_box("Cancel", seen)
    editor.reject()
    assert editor.isVisible() and "not saved" in seen[0]
    click_in_next_box("Save", seen)
    editor.reject()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert rec.runner.call(people.get_person, rec.gp_id).phone == "0131 555 0100"
    editor = PersonEditor(rec.runner, rec.runner.call(people.get_person, rec.gp_id))
    qtbot.addWidget(editor)
    editor.show()
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "x")
    click_in_next_box("Discard", seen)
    editor.reject()
    assert not editor.isVisible()
    assert rec.runner.call(people.get_person, rec.gp_id).phone == "0131 555 0100"


def test_new_action_then_edit_then_delete_from_the_keyboard(qtbot, db, monkeypatch):
    rec = make_records(db, n_actions=2)
    view = ActionsView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    view.show()

    def fill_new(editor: ActionEditor) -> int:
        qtbot.keyClicks(editor.description, "Invite the lab manager to the next meeting")
        editor.owner.setCurrentIndex(editor.owner.findData(rec.consultant_id))
        editor.issue.setCurrentIndex(editor.issue.findData(rec.issue_id))
        editor.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionEditor, "exec", fill_new)
    view.new_action()
    created = view.current_action()
    assert created.description == "Invite the lab manager to the next meeting" and created.issue_id == rec.issue_id
    assert view.model.total == 3

    def retitle(editor: ActionEditor) -> int:
        editor.description.setPlainText("Invite the laboratory manager")
        editor.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionEditor, "exec", retitle)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert rec.runner.call(actions.get_action, created.id).description == "Invite the laboratory manager"

    seen: list[str] = []
    view.table.setCurrentIndex(view.model.index(view.model.row_of(created.id), COL_DESCRIPTION))
    click_in_next_box("Delete", seen)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Invite the laboratory manager" in seen[0] and "progress updates" in seen[0]
    assert view.model.total == 2 and view.model.row_of(created.id) == -1


def test_people_page_delete_says_what_goes(qtbot, db):
    rec = make_records(db)
    view = PeopleView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    view.table.select_id(rec.consultant_id)
    seen: list[str] = []
    click_in_next_box("Cancel", seen)
    view.delete_current()
    assert "Dr Bob Jones" in seen[0] and "1 group(s)" in seen[0] and "without an owner" in seen[0]
    assert view.model.rowCount() == 2
    click_in_next_box("Delete", seen)
    view.delete_current()
    assert [p.name for p in view.model.rows()] == ["Dr Ann Smith"]
