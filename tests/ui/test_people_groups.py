"""People and Groups driven as a user would: a new person with a membership; standing items and categories."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from interface_desktop.services.people import groups
from interface_desktop.services.people import lookups
from interface_desktop.services.people import people
from interface_desktop.ui.people.group_editor import GroupEditor
from interface_desktop.ui.people.groups_model import COL_BOARD, COL_MEMBERS, COL_QUORUM, GroupsModel
from interface_desktop.ui.people.person_editor import PersonEditor
from interface_desktop.ui.people.people_model import COL_GROUPS, PeopleModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.people.people_view import PeopleView
from tests.support.ui_records_fixtures import make_records


def answer_next_box(button_text: str) -> None:
    def click() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()
    QTimer.singleShot(0, click)


def test_create_person_then_add_and_remove_membership(qtbot, db):
    rec = make_records(db)
    editor = PersonEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    assert not editor.memberships.isEnabled()
    qtbot.keyClicks(editor.name, "Dr Carol White")
    editor.role.setCurrentIndex(editor.role.findData("nurse"))
    qtbot.keyClicks(editor.email, "carol.white")
    assert editor.apply() is False and "e-mail" in editor.form_errors("email")
    qtbot.keyClicks(editor.email, "@nhs.scot")
    assert editor.apply() and editor.memberships.isEnabled()
    editor.group_role.setCurrentIndex(editor.group_role.findData("secretary"))
    editor.add_membership.click()
    person = rec.runner.call(people.get_person, editor.person.id)
    assert [(m.group_id, m.group_role) for m in person.memberships] == [(rec.group_id, "secretary")]
    assert editor.table.item(0, 1).text() == "Secretary"
    editor.table.setCurrentCell(0, 0)
    answer_next_box("Delete")
    editor.remove_membership.click()
    assert rec.runner.call(people.get_person, person.id).memberships == ()


def test_people_page_lists_members_and_filters(qtbot, db):
    rec = make_records(db)
    rec.runner.call(people.create_person, name="Mr Guest Speaker", role="other", sector="other")
    view = PeopleView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    assert view.model.rowCount() == 2  # members only
    view.members_only.setChecked(False)
    assert view.model.rowCount() == 3
    qtbot.keyClicks(view.filters.text, "leith")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    assert view.model.index(0, COL_GROUPS).data() == "Lothian Interface Group (member)"


def test_edit_group_standing_items_and_categories(qtbot, db):
    rec = make_records(db)
    editor = GroupEditor(rec.runner, rec.runner.call(groups.get_group, rec.group_id))
    qtbot.addWidget(editor)
    standing = editor.standing
    assert standing.table.rowCount() == 6
    standing.table.setCurrentCell(3, 0)
    standing.add_item()
    standing.table.item(4, 0).setText("Interface issues log")
    standing.table.setCurrentCell(4, 0)
    standing.move(-1)
    standing.table.setCurrentCell(0, 0)
    standing.remove_item()
    assert editor.dirty
    cats = editor.categories
    qtbot.keyClicks(cats.new_label, "Mental health referrals")
    cats.add.click()
    qtbot.keyClicks(cats.new_label, "Referrals")
    cats.add.click()
    assert cats.error.isVisibleTo(cats) and "already in the list" in cats.error.text()
    editor.accept()
    saved = rec.runner.call(groups.get_group, rec.group_id)
    assert [s.title for s in saved.standing_items][:4] == [
        "Declarations of interest", "Minutes of the previous meeting", "Interface issues log",
        "Matters arising and action log"]
    own = [c for c in rec.runner.call(lookups.list_lookups, kind="issue_category", group_id=rec.group_id)
           if c.group_id == rec.group_id]
    assert [c.label for c in own] == ["Mental health referrals"] and editor.ops.held == ["lookup", "group"]


def test_group_validation_shows_beside_the_field(qtbot, db):
    rec = make_records(db)
    editor = GroupEditor(rec.runner)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "lothian interface group")
    editor.show()
    editor.accept()
    assert editor.isVisible() and "already exists" in editor.form.errors["name"].text()
    editor.dirty = False  # the user gives up: close without the "unsaved changes" question
    editor.reject()


def test_people_model_without_widgets(db, qapp):
    rec = make_records(db)
    model = PeopleModel()
    model.set_rows(rec.runner.call(people.list_people))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["Dr Bob Jones", "Dr Ann Smith"]


def test_sorting_by_a_header_keeps_the_chosen_person(qtbot, db):
    rec = make_records(db)
    view = PeopleView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    view.table.select_id(rec.consultant_id)
    before = view.model.row_of(rec.consultant_id)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.model.row_of(rec.consultant_id) != before
    assert view.table.current_dto().id == rec.consultant_id
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [view.model.row_of(rec.consultant_id)]


def test_groups_model_without_widgets(db, qapp):
    rec = make_records(db)
    model = GroupsModel()
    model.set_rows(rec.runner.call(groups.list_groups))
    assert model.index(0, COL_MEMBERS).data() == "2" and model.index(0, COL_BOARD).data() == "Lothian"
    assert model.index(0, COL_QUORUM).data() == "3 incl. 1 GP, 1 secondary"
