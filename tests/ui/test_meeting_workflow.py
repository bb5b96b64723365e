"""A secretary's cycle driven through the window: meeting, agenda, attendance, minutes with actions, approval,
next meeting carrying the open actions."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog

from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.meetings import attendance
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.ui.meetings.meeting_editor import TAB_AGENDA, TAB_ATTENDANCE, TAB_MINUTES
from interface_desktop.ui.meetings.agenda_model import COL_MINUTES, COL_PRESENTER, COL_TITLE


@pytest.fixture
def group(runner):
    with runner.scope() as s:
        g = groups.create_group(s, name="Lothian Interface Group", board="LO", quorum_total=2, quorum_gp=1,
                                quorum_secondary=1)
        gp = people.create_person(s, name="Dr Ann Smith", role="gp", sector="primary", organisation="Leith Practice")
        cons = people.create_person(s, name="Dr Bob Jones", role="consultant", sector="secondary",
                                    organisation="Royal Infirmary")
        guest = people.create_person(s, name="Ms Cara Black", role="manager", sector="other")
        for p in (gp, cons):
            people.set_membership(s, group_id=g.id, person_id=p.id)
    return g, gp, cons, guest


@pytest.fixture
def meeting_window(make_window, runner, group):
    g = group[0]
    m = runner.call(meetings.create_meeting, group_id=g.id, starts_at=datetime(2026, 12, 2, 14, 0),
                    duration_minutes=60)
    window = make_window()
    window.open_record("meeting", m.id)
    return window, window.pages.current_page(), m


def test_new_meeting_from_the_file_menu_opens_it_with_standing_items(make_window, runner, group, monkeypatch):
    from interface_desktop.ui.meetings import new_meeting_dialog

    monkeypatch.setattr(new_meeting_dialog.NewMeetingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = make_window()
    window.new_meeting_action.trigger()
    view = window.pages.current_page()
    assert view.title == "Meetings" and view.editor.meeting is not None
    assert view.editor.meeting.group_id == group[0].id
    assert view.editor.agenda.model.rowCount() == 6  # the standing items


def test_agenda_is_built_edited_and_reordered_from_the_keyboard(meeting_window, qtbot, runner, group):
    window, view, m = meeting_window
    tab = view.editor.agenda
    view.editor.show_tab(TAB_AGENDA)
    tab.table.setCurrentIndex(tab.model.index(3, 0))
    tab.add_item()
    qtbot.keyClicks(tab.table.focusWidget(), "Discharge letters")
    qtbot.keyClick(tab.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)  # the commit is queued
    titles = [i.title for i in runner.call(agenda.list_agenda, m.id)]
    assert titles[4] == "Discharge letters"
    row = tab.model.row_of(next(i.id for i in tab.model.rows() if i.title == "Discharge letters"))
    tab.model.setData(tab.model.index(row, COL_MINUTES), 40)
    tab.model.setData(tab.model.index(row, COL_PRESENTER), group[2].id)
    item = runner.call(agenda.list_agenda, m.id)[4]
    assert (item.minutes_allotted, item.presenter_name) == (40, "Dr Bob Jones")
    assert "overruns the meeting by" in tab.timing.text()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(4, COL_TITLE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.title for i in runner.call(agenda.list_agenda, m.id)][3] == "Discharge letters"
    assert tab.current_item().title == "Discharge letters"


def test_attendance_by_keys_guests_and_quorum(meeting_window, qtbot, runner, group):
    window, view, m = meeting_window
    g, gp, cons, guest = group
    tab = view.editor.attendance
    view.editor.show_tab(TAB_ATTENDANCE)
    assert [r.person_name for r in tab.model.rows()] == ["Dr Ann Smith", "Dr Bob Jones"]
    assert "Not quorate" in tab.quorum.text()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_P)
    qtbot.keyClick(tab.table, Qt.Key.Key_P)
    assert "Quorate" in tab.quorum.text() and "Not" not in tab.quorum.text()
    tab.guest.setCurrentIndex(tab.guest.findData(guest.id))
    tab.add_guest.click()
    statuses = {a.person_name: (a.status, a.is_guest) for a in runner.call(attendance.list_attendance, m.id)}
    assert statuses == {"Dr Ann Smith": ("present", False), "Dr Bob Jones": ("present", False),
                        "Ms Cara Black": ("in_attendance", True)}


def test_a_new_guests_typed_name_is_offered_as_a_person(meeting_window, qtbot, runner, group, monkeypatch):
    from interface_desktop.ui.meetings.new_guest_dialog import NewGuestDialog

    window, view, m = meeting_window
    tab = view.editor.attendance
    view.editor.show_tab(TAB_ATTENDANCE)
    seen = []

    def fill_in(dialog: NewGuestDialog) -> int:
        seen.append(dialog.name.text())
        if len(seen) > 3:
            return QDialog.DialogCode.Rejected
        if len(seen) == 1:
            dialog.name.clear()  # refused (no name): the dialog comes back with the rest as typed
        else:
            dialog.name.setText("Mr Dafydd Ellis")
            dialog.role.setCurrentIndex(dialog.role.findData("manager"))
            dialog.organisation.setText("NHS 24")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewGuestDialog, "exec", fill_in)
    monkeypatch.setattr("interface_desktop.ui.operations.show_error", lambda *args: seen.append("refused"))
    tab.guest.setEditText("Mr Dafydd Ellis")
    qtbot.keyClick(tab.guest, Qt.Key.Key_Return)  # the combo passes keys to its line edit
    assert seen == ["Mr Dafydd Ellis", "refused", ""]
    added = runner.call(people.find_person_by_name, "Mr Dafydd Ellis")
    assert (added.role, added.sector, added.organisation) == ("manager", "other", "NHS 24")
    statuses = {a.person_name: (a.status, a.is_guest) for a in runner.call(attendance.list_attendance, m.id)}
    assert statuses["Mr Dafydd Ellis"] == ("in_attendance", True)
    tab.guest.setEditText("mr dafydd ellis")  # the same name again is that person, not a second one
    tab.add_guest.click()
    assert len(seen) == 3


def test_minutes_with_inline_actions_approval_and_next_meeting(meeting_window, qtbot, runner, group, monkeypatch):
    window, view, m = meeting_window
    gp = group[1]
    editor = view.editor
    editor.show_tab(TAB_MINUTES)
    tab = editor.minutes
    tab.item_list.setCurrentRow(3)
    tab.discussion.setFocus()
    qtbot.keyClicks(tab.discussion, "Action log reviewed.")
    qtbot.keyClick(tab.discussion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.item_list.currentRow() == 4
    assert runner.call(agenda.list_agenda, m.id)[3].discussion == "Action log reviewed."
    qtbot.keyClicks(tab.discussion, "AOB: none.")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.discussion, Qt.Key.Key_A, ctrl_shift)
    assert tab.inline.isVisible() and tab.inline.description.hasFocus()
    qtbot.keyClicks(tab.inline.description, "Write to the acute trust")
    tab.inline.owner.setFocus()
    qtbot.keyClicks(tab.inline.owner.lineEdit(), "Dr Ann Smith")
    qtbot.keyClick(tab.inline.due, Qt.Key.Key_Return)
    [action] = runner.call(actions.list_actions, ActionFilter(meeting_id=m.id))
    assert (action.description, action.owner_id, action.agenda_item_id) == (
        "Write to the acute trust", gp.id, tab.current.id)
    assert action.due_on == date(2026, 12, 21)
    assert tab.actions_tree.topLevelItem(0).text(0) == "Write to the acute trust"
    from interface_desktop.ui.meetings.approve_dialog import ApproveDialog

    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-02")  # approved on the day, no later meeting yet
    monkeypatch.setattr(ApproveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.meeting_commands.approve.trigger()
    assert runner.call(meetings.get_meeting, m.id).locked
    assert editor.banner.isVisible() and tab.discussion.isReadOnly()
    assert runner.call(agenda.list_agenda, m.id)[4].discussion == "AOB: none."
    assert not window.meeting_commands.approve.isEnabled() and window.meeting_commands.unlock.isEnabled()
    from interface_desktop.ui.meetings import next_meeting_dialog

    monkeypatch.setattr(next_meeting_dialog.NextMeetingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.meeting_commands.next_meeting.trigger()
    new = editor.meeting
    assert new.id != m.id and new.starts_at == datetime(2027, 1, 27, 14, 0)
    [carried] = runner.call(actions.list_actions, ActionFilter(group_id=m.group_id))
    assert carried.carried_forward == 0  # the next meeting is prepared, not held
    assert not editor.banner.isVisible()
    editor.show_tab(TAB_MINUTES)
    tab.item_list.setCurrentRow(3)  # Matters arising and action log: the carried actions to review
    assert tab.actions_tree.topLevelItem(0).text(0) == "Write to the acute trust"
    assert "Open actions brought to this meeting (1)" in tab.actions_label.text()
    window.meeting_commands.mark_held.trigger()
    tab.item_list.setCurrentRow(3)
    assert tab.actions_tree.topLevelItem(0).text(0) == "Write to the acute trust (carried forward 1×)"


def test_unlock_asks_for_a_reason(meeting_window, runner, monkeypatch):
    window, view, m = meeting_window
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-02")
    runner.call(approval.approve_minutes, m.id)
    view.open_record("meeting", m.id)
    view.editor.load(m.id)
    assert view.editor.banner.isVisible()
    monkeypatch.setattr("interface_desktop.ui.meetings.commands.QInputDialog.getMultiLineText",
                        lambda *a, **k: ("Typo in item 5", True))
    view.editor.unlock_button.click()
    assert not runner.call(meetings.get_meeting, m.id).locked
    assert not view.editor.banner.isVisible() and not view.editor.minutes.discussion.isReadOnly()
