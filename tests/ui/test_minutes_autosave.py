"""Minutes are never lost: saved after a pause in typing, every few seconds while typing goes on, journalled
between saves and offered back after a crash, and saved when the window goes away without a save."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from interface_desktop.services.audit import trail as audit_trail
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.meetings.journal import MinutesJournal, read_journal
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.ui.main_window import MainWindow
from interface_desktop.ui.meetings import recovery
from interface_desktop.ui.meetings.autosave import MAX_WAIT_MS, SYNC_MS
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


def test_approved_minutes_refuse_edits_and_keep_the_text(qtbot, make_window, runner, meeting, monkeypatch):
    window = make_window()
    tab = _open_minutes(window, meeting.id)
    qtbot.keyClicks(tab.discussion, "Draft text.")
    tab.flush()
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-02")
    runner.call(approval.approve_minutes, meeting.id)
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


def test_steady_typing_is_saved_every_few_seconds_without_a_pause(qtbot, make_window, runner, meeting):
    tab = _open_minutes(make_window(), meeting.id)
    item_id = tab.current.id
    started, saved_after = time.monotonic(), None
    for n in range(60):  # a key every 80 ms: never the pause the debounce waits for
        qtbot.keyClick(tab.discussion, "abcdefghij"[n % 10])
        qtbot.wait(80)
        if saved_after is None and runner.call(agenda.get_agenda_item, item_id).discussion:
            saved_after = time.monotonic() - started
    assert tab.autosaver.timer.isActive()  # still typing: the pause has not come
    assert saved_after is not None and saved_after < (MAX_WAIT_MS + 800) / 1000


@pytest.fixture
def journalled(runner, app_paths, db):
    runner.journal = MinutesJournal.for_database(app_paths.data_dir, str(db.file.resolve()))
    yield runner
    runner.journal.close()


def test_every_keystroke_is_journalled_until_saved(qtbot, make_window, journalled, meeting):
    tab = _open_minutes(make_window(), meeting.id)
    qtbot.keyClicks(tab.discussion, "Typed before any save")
    item_id, database = tab.current.id, journalled.journal.database
    assert {(e.item_id, e.field, e.text) for e in read_journal(journalled.journal.path, database)} >= {
        (item_id, "discussion", "Typed before any save")}
    assert journalled.call(agenda.get_agenda_item, item_id).discussion == ""
    assert tab.flush()
    assert journalled.journal.path.read_bytes() == b""
    assert read_journal(journalled.journal.path, database) == []


def test_a_journal_that_cannot_be_written_is_reported_once(qtbot, make_window, runner, meeting, tmp_path, db):
    blocked = tmp_path / "read-only-folder"
    blocked.write_text("not a folder")
    runner.journal = MinutesJournal.for_database(blocked, str(db.file))
    window = make_window()
    messages: list[str] = []
    window.signals.status_message.connect(messages.append)
    tab = _open_minutes(window, meeting.id)
    qtbot.keyClicks(tab.discussion, "Still saved to the database")
    qtbot.wait(SYNC_MS + 100)
    assert tab.flush()
    qtbot.keyClicks(tab.discussion, " and more")
    assert tab.flush()
    reports = [m for m in messages if "recovery" in m]
    assert len(reports) == 1 and "read-only-folder" in reports[0]
    assert runner.call(agenda.get_agenda_item, tab.current.id).discussion == "Still saved to the database and more"


# -- the offer at start-up -------------------------------------------------------------------------------
def _crashed_run(runner, app_paths, db, item_id: int, texts: dict[str, str]) -> None:
    """What a run killed while typing leaves behind: the journal, not the database."""
    crashed = MinutesJournal.for_database(app_paths.data_dir, str(db.file.resolve()))
    for field, text in texts.items():
        crashed.record(item_id, field, text)
    crashed.close()
    runner.journal = MinutesJournal.for_database(app_paths.data_dir, str(db.file.resolve()))


@pytest.fixture
def answer(monkeypatch):
    """Answers the recovery dialog with the choice set in `answer.choice`; `answer.shown` keeps each dialog."""
    class Answer:
        choice = recovery.KEEP
        shown: list[recovery.RecoveredMinutesDialog] = []

    def exec_(dialog: recovery.RecoveredMinutesDialog) -> int:
        Answer.shown.append(dialog)
        dialog.choices[Answer.choice].click()
        return 0

    monkeypatch.setattr(recovery.RecoveredMinutesDialog, "exec", exec_)
    return Answer


def _item(runner, meeting):
    return runner.call(agenda.list_agenda, meeting.id)[2]


def test_minutes_a_crash_left_in_the_journal_are_offered_and_restored(qtbot, make_window, runner, app_paths, db,
                                                                        meeting, answer):
    item = _item(runner, meeting)
    runner.call(agenda.save_minutes, item_id=item.id, discussion="Saved before the crash", decisions="")
    _crashed_run(runner, app_paths, db, item.id, {"discussion": "Saved before the crash, then typed on"})
    window = make_window()
    answer.choice = recovery.RESTORE
    window.data_layer_loaded()  # start-up: the offer follows once the window is ready
    qtbot.waitUntil(lambda: bool(answer.shown), timeout=3000)
    dialog = answer.shown[0]
    assert "were not saved when the app closed: restore them?" in dialog.message.text()
    assert "replaces the saved discussion" in dialog.message.text()
    assert "Saved before the crash, then typed on" in dialog.text.toPlainText()
    qtbot.waitUntil(lambda: runner.call(agenda.get_agenda_item, item.id).discussion
                    == "Saved before the crash, then typed on", timeout=3000)
    changes = [e.changes for e in runner.call(audit_trail.history, "agenda_item", item.id)]
    assert changes[-1]["discussion"] == ["Saved before the crash", "Saved before the crash, then typed on"]
    assert runner.journal.recovered() == [] and read_journal(runner.journal.path, runner.journal.database) == []
    tab = window.pages.current_page().editor.minutes  # the restored minutes are shown, ready to go on
    qtbot.waitUntil(lambda: tab.discussion.toPlainText() == "Saved before the crash, then typed on", timeout=3000)


def test_discarded_minutes_leave_the_journal_and_the_database_as_it_was(make_window, runner, app_paths, db,
                                                                       meeting, answer):
    item = _item(runner, meeting)
    _crashed_run(runner, app_paths, db, item.id, {"decisions": "Not wanted"})
    answer.choice = recovery.DISCARD
    recovery.offer_recovered_minutes(make_window())
    assert len(answer.shown) == 1
    assert runner.call(agenda.get_agenda_item, item.id).decisions == ""
    assert read_journal(runner.journal.path, runner.journal.database) == []


def test_minutes_kept_for_later_are_offered_again_at_the_next_start(make_window, runner, app_paths, db, meeting,
                                                                   answer):
    item = _item(runner, meeting)
    _crashed_run(runner, app_paths, db, item.id, {"discussion": "Decide tomorrow"})
    answer.choice = recovery.KEEP
    recovery.offer_recovered_minutes(make_window())
    assert runner.call(agenda.get_agenda_item, item.id).discussion == ""
    next_start = MinutesJournal.for_database(app_paths.data_dir, str(db.file.resolve()))
    assert [e.text for e in next_start.recovered()] == ["Decide tomorrow"]


def test_approved_minutes_are_never_changed_by_the_journal(make_window, runner, app_paths, db, meeting, answer,
                                                           monkeypatch):
    item = _item(runner, meeting)
    runner.call(agenda.save_minutes, item_id=item.id, discussion="As approved", decisions="")
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-12-02")  # approved on the day of the meeting
    runner.call(approval.approve_minutes, meeting.id)
    _crashed_run(runner, app_paths, db, item.id, {"discussion": "As approved, with a late thought"})
    answer.choice = recovery.KEEP
    recovery.offer_recovered_minutes(make_window())
    dialog = answer.shown[0]
    assert recovery.RESTORE not in dialog.choices and "approved and are locked" in dialog.message.text()
    assert "As approved, with a late thought" in dialog.text.toPlainText()
    dialog.copy_button.click()
    assert "As approved, with a late thought" in QApplication.clipboard().text()
    assert runner.call(agenda.get_agenda_item, item.id).discussion == "As approved"


def test_nothing_is_offered_when_the_database_already_holds_the_text(make_window, runner, app_paths, db, meeting,
                                                                    answer):
    item = _item(runner, meeting)
    runner.call(agenda.save_minutes, item_id=item.id, discussion="Saved just before the crash", decisions="")
    _crashed_run(runner, app_paths, db, item.id, {"discussion": "Saved just before the crash"})
    recovery.offer_recovered_minutes(make_window())
    assert answer.shown == [] and runner.journal.recovered() == []


def test_minutes_of_a_deleted_item_are_shown_for_copying(make_window, runner, app_paths, db, meeting, answer):
    item = _item(runner, meeting)
    _crashed_run(runner, app_paths, db, item.id, {"discussion": "Typed before the item was deleted"})
    runner.call(agenda.delete_agenda_item, item.id)
    answer.choice = recovery.DISCARD
    recovery.offer_recovered_minutes(make_window())
    dialog = answer.shown[0]
    assert recovery.RESTORE not in dialog.choices and "has since been deleted" in dialog.message.text()
    assert "Typed before the item was deleted" in dialog.text.toPlainText()
    assert runner.journal.recovered() == []
