"""Minutes are never lost: saved after a pause in typing, and when the window goes away without a save."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from interface_desktop.services.meetings import agenda
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.ui.main_window import MainWindow
from interface_desktop.ui.meetings.meeting_editor import TAB_MINUTES


@pytest.fixture
def meeting(runner):
    g = runner.call(groups.create_group, name="Fife Interface Group", board="FF")
    return runner.call(meetings.create_meeting, group_id=g.id, starts_at=datetime(2026, 12, 2, 14, 0))


def _open_minutes(window: MainWindow, meeting_id: int):  # the MinutesTab
    window.open_record("meeting", meeting_id)
    editor = window.pages.current_page().editor
    editor.show_tab(TAB_MINUTES)
    editor.minutes.item_list.setCurrentRow(2)
    return editor.minutes


def test_minutes_typed_then_abandoned_are_in_the_database(qtbot, runner, meeting):
    window = MainWindow(runner)  # not handed to qtbot: nobody closes it politely
    window.show()
    tab = _open_minutes(window, meeting.id)
    qtbot.keyClicks(tab.discussion, "Minutes of 4 November approved as a true record.")
    qtbot.keyClicks(tab.decisions, "Approved.")
    item_id = tab.current.id
    assert runner.call(agenda.get_agenda_item, item_id).discussion == ""  # nothing saved yet: still typing
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    item = runner.call(agenda.get_agenda_item, item_id)
    assert item.discussion == "Minutes of 4 November approved as a true record."
    assert item.decisions == "Approved."


def test_minutes_save_themselves_when_typing_pauses(qtbot, make_window, runner, meeting):
    tab = _open_minutes(make_window(), meeting.id)
    qtbot.keyClicks(tab.discussion, "Noted.")
    item_id = tab.current.id
    qtbot.waitUntil(lambda: runner.call(agenda.get_agenda_item, item_id).discussion == "Noted.", timeout=8000)
    assert "saved" in tab.save_state_label.text()


def test_approved_minutes_refuse_edits_and_keep_the_text(qtbot, make_window, runner, meeting):
    window = make_window()
    tab = _open_minutes(window, meeting.id)
    qtbot.keyClicks(tab.discussion, "Draft text.")
    tab.flush()
    runner.call(meetings.approve_minutes, meeting.id)
    window.pages.current_page().editor.load(meeting.id)
    assert tab.discussion.isReadOnly()
    qtbot.keyClicks(tab.discussion, " more")
    assert tab.discussion.toPlainText() == "Draft text."
    assert not tab.autosaver.has_pending()


def test_a_failed_write_keeps_the_minutes_pending_and_says_so(qtbot, make_window, runner, meeting, monkeypatch):
    tab = _open_minutes(make_window(), meeting.id)
    qtbot.keyClicks(tab.discussion, "Typed while the share was away.")
    item_id = tab.current.id

    def unreachable(*args, **kwargs):
        raise OSError("network path not found")

    real_call = runner.call
    monkeypatch.setattr(runner, "call", unreachable)
    assert not tab.flush()
    assert "could not be written" in tab.save_state_label.text() and tab.autosaver.has_pending()
    monkeypatch.setattr(runner, "call", real_call)
    assert tab.flush()
    assert runner.call(agenda.get_agenda_item, item_id).discussion == "Typed while the share was away."
