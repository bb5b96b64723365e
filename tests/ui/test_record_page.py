"""The record pages' shared new/edit/delete: what an editor changed is announced when it closes; a refusal once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog

from interface_desktop.services.core.errors import LockedError
from interface_desktop.services.people import groups
from interface_desktop.ui.people.groups_view import GroupsView
from interface_desktop.ui.people.people_view import PeopleView
from interface_desktop.ui.people.person_editor import PersonEditor
from interface_desktop.ui.signals import AppSignals
from tests.support.ui_records_fixtures import make_records


def _page(qtbot, page_class, rec):
    signals = AppSignals()
    page = page_class(rec.runner, signals)
    qtbot.addWidget(page)
    page.set_group(rec.group_id)
    emitted: list[str] = []
    signals.data_changed.connect(emitted.append)
    return page, emitted


def test_an_editor_applied_then_closed_is_announced_once_it_closes_and_its_record_chosen(qtbot, db, monkeypatch):
    rec = make_records(db)
    page, emitted = _page(qtbot, PeopleView, rec)
    seen_while_open = []

    def apply_then_close(editor: PersonEditor) -> int:
        qtbot.keyClicks(editor.name, "Dr Carol White")
        assert editor.apply()
        seen_while_open.extend(emitted)
        editor.dirty = False
        editor.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PersonEditor, "exec", apply_then_close)
    page.new_record()
    assert seen_while_open == [] and emitted == ["person"]
    # Not a member of the group: the page clears its filters to show the new person.
    assert page.current_record().name == "Dr Carol White" and not page.members_only.isChecked()


def test_a_closed_editor_is_deleted_once_the_page_has_chosen_the_record_it_stored(qtbot, db, monkeypatch):
    rec = make_records(db)
    page, _emitted = _page(qtbot, PeopleView, rec)

    def save(editor: PersonEditor) -> int:
        editor.name.setText("Dr Dana Moss")
        editor.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonEditor, "exec", save)
    page.new_record()
    assert page.current_record().name == "Dr Dana Moss"  # chosen while the editor still existed
    assert [w for w in QApplication.allWidgets() if isinstance(w, PersonEditor)]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop does next
    assert not [w for w in QApplication.allWidgets() if isinstance(w, PersonEditor)]


def test_an_editor_closed_without_a_change_announces_nothing_and_with_one_announces_it(qtbot, db, monkeypatch):
    rec = make_records(db)
    page, emitted = _page(qtbot, PeopleView, rec)
    monkeypatch.setattr(PersonEditor, "exec", lambda editor: QDialog.DialogCode.Rejected)
    page.table.select_id(rec.gp_id)
    page.edit_current()
    assert emitted == []

    def retitle_apply_close(editor: PersonEditor) -> int:
        editor.phone.setText("0131 555 0100")
        assert editor.apply()
        editor.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PersonEditor, "exec", retitle_apply_close)
    page.edit_current()
    assert emitted == ["person"] and page.current_record().phone == "0131 555 0100"


def test_a_refused_delete_is_shown_once_and_changes_nothing(qtbot, db, monkeypatch):
    rec = make_records(db)
    page, emitted = _page(qtbot, GroupsView, rec)
    shown = []
    monkeypatch.setattr("interface_desktop.ui.widgets.record_page.confirm_delete", lambda *args: True)
    monkeypatch.setattr("interface_desktop.ui.operations.show_error",
                        lambda parent, title, exc: shown.append((parent, title, str(exc))))

    def refuse(session, group_id):
        raise LockedError("the group has approved minutes")

    monkeypatch.setattr(groups, "delete_group", refuse)
    page.table.select_id(rec.group_id)
    page.delete_current()
    assert shown == [(page, "Delete group", "the group has approved minutes")] and emitted == []
    assert [g.id for g in rec.runner.call(groups.list_groups)] == [rec.group_id]
