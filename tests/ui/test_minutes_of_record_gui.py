"""Minutes of record in the window: Approve… asks at which meeting and when, minutes are only offered for a
held meeting, and the action log shows the same action numbers as the documents."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from interface_desktop.services.actions import actions
from interface_desktop.services.documents import minutes_record
from interface_desktop.services.meetings import approval, meetings
from interface_desktop.services.people import groups
from interface_desktop.ui.actions.actions_model import COL_REFERENCE, ActionsModel
from interface_desktop.ui.meetings.approve_dialog import ApproveDialog


def _group_with_meetings(runner):
    with runner.scope() as s:
        g = groups.create_group(s, name="Lothian Interface Group", board="LO")
        ids = [meetings.create_meeting(s, group_id=g.id, starts_at=when).id
               for when in (datetime(2026, 9, 30, 14, 0), datetime(2026, 11, 18, 14, 0), datetime(2027, 1, 13, 14, 0))]
        for meeting_id in ids[:2]:
            meetings.mark_held(s, meeting_id)
    return [runner.call(meetings.get_meeting, m) for m in ids]


def test_approve_offers_the_next_held_meeting_and_its_date(qtbot, runner):
    september, november, january = _group_with_meetings(runner)
    choices = runner.call(approval.approving_meetings, september.id)
    dialog = ApproveDialog(september, choices, runner.call(approval.default_approving_meeting, september.id))
    qtbot.addWidget(dialog)
    assert [dialog.at.itemData(n) for n in range(dialog.at.count())] == [november.id, january.id, None]
    assert dialog.at_meeting_id() == november.id and dialog.approved_on() == date(2026, 11, 18)
    assert dialog.amendment_text() == "" and not dialog.amendments.isEnabled()
    dialog.amended.setChecked(True)
    assert dialog.amendments.isEnabled()
    dialog.amendments.setPlainText("Item 4: the audit covered 50 letters.")
    assert dialog.amendment_text() == "Item 4: the audit covered 50 letters."
    dialog.at.setCurrentIndex(dialog.at.findData(None))
    assert dialog.at_meeting_id() is None


def test_approve_command_records_the_meeting_date_and_amendments(make_window, runner, monkeypatch):
    september, november, _ = _group_with_meetings(runner)
    window = make_window()
    window.open_record("meeting", september.id)

    def accept_with_amendments(dialog):
        dialog.amended.setChecked(True)
        dialog.amendments.setPlainText("Item 2: no declarations were made.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", accept_with_amendments)
    window.meeting_commands.approve.trigger()
    record = runner.call(minutes_record.latest, september.id)
    assert (record.approved_at_meeting_id, record.approved_on, record.amendments) == (
        november.id, date(2026, 11, 18), "Item 2: no declarations were made.")
    assert runner.call(meetings.get_meeting, september.id).locked


def test_minutes_export_is_offered_only_for_a_held_meeting_and_says_why(make_window, runner):
    september, _, january = _group_with_meetings(runner)
    commands = make_window().meeting_commands
    export = commands.exports["minutes"]
    commands.set_meeting(january)
    assert not export.isEnabled()
    assert export.toolTip() == "The meeting of 13/01/2027 has not been marked as held, so it has no minutes yet."
    commands.set_meeting(runner.call(meetings.set_status, january.id, "cancelled"))
    assert not export.isEnabled()
    assert export.toolTip() == "The meeting of 13/01/2027 was cancelled, so it has no minutes."
    commands.set_meeting(september)
    assert export.isEnabled() and "cancelled" not in export.toolTip() and export.statusTip() == ""
    assert commands.exports["agenda"].isEnabled()


def test_the_action_log_shows_each_action_by_its_reference(qapp, runner):
    september, november, _ = _group_with_meetings(runner)
    for meeting in (september, november):
        runner.call(actions.add_action, meeting_id=meeting.id, description=f"Action from {meeting.label}")
    model = ActionsModel(runner)
    model.sort(COL_REFERENCE, Qt.SortOrder.AscendingOrder)
    model.reload()
    assert [model.index(r, COL_REFERENCE).data() for r in range(model.rowCount())] == ["A-2026-001", "A-2026-002"]
    assert model.headerData(COL_REFERENCE, Qt.Orientation.Horizontal) == "No."
