"""The fields the documents print, edited in the window: a meeting's close time, the quorum line and the roles it
counts, the SEA meeting, and the message when a meeting without an agenda is asked for its pack."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFileDialog, QMessageBox

from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import attendance, meetings
from interface_desktop.services.people import groups, people
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.meetings.meeting_editor import TAB_ATTENDANCE, TAB_DETAILS
from interface_desktop.ui.people.group_editor import GroupEditor
from tests.support.ui_records_fixtures import make_records


def _meeting_page(make_window, meeting_id: int):
    window = make_window()
    window.open_record("meeting", meeting_id)
    return window.pages.current_page().editor


def test_the_close_time_is_kept_with_the_meeting_and_one_before_the_start_is_refused(make_window, db):
    rec = make_records(db)
    editor = _meeting_page(make_window, rec.meeting_id)
    editor.show_tab(TAB_DETAILS)
    details = editor.details
    assert details.closed_at.text() == "Not recorded"
    details.closed_at.setTime(QTime(13, 30))
    assert not details.save()
    assert "must be after the start (14:00 on 02/11/2026)" in details.errors.labels["closed_at"].text()
    assert rec.runner.call(meetings.get_meeting, rec.meeting_id).closed_at is None
    details.closed_at.setTime(QTime(15, 52))
    assert details.save()
    assert rec.runner.call(meetings.get_meeting, rec.meeting_id).closed_at == datetime(2026, 11, 2, 15, 52)
    details.set_meeting(rec.runner.call(meetings.get_meeting, rec.meeting_id), [])
    assert details.closed_at.time() == QTime(15, 52) and not details.dirty


def test_the_attendance_tab_shows_the_quorum_line_of_the_minutes(make_window, db):
    rec = make_records(db)
    nurse = rec.runner.call(people.create_person, name="Sister Jo Reid", role="nurse", sector="secondary")
    rec.runner.call(people.set_membership, group_id=rec.group_id, person_id=nurse.id)
    rec.runner.call(attendance.add_members, meeting_id=rec.meeting_id, status="present")
    editor = _meeting_page(make_window, rec.meeting_id)
    editor.show_tab(TAB_ATTENDANCE)
    assert editor.attendance.quorum.text() == ("Quorate: 3 present (quorum 3), 1 GP (min 1), "
                                               "2 secondary care (min 1)")
    assert "Nurse" in editor.attendance.quorum.toolTip()


def _ticked(editor: GroupEditor) -> set[str]:
    roles = editor.secondary_roles
    return {roles.item(n).data(Qt.ItemDataRole.UserRole) for n in range(roles.count())
            if roles.item(n).checkState() == Qt.CheckState.Checked}


def test_the_group_editor_chooses_the_roles_counted_as_secondary_care_clinicians(qtbot, db):
    rec = make_records(db)
    editor = GroupEditor(rec.runner, rec.runner.call(groups.get_group, rec.group_id))
    qtbot.addWidget(editor)
    assert _ticked(editor) == {"gp", "consultant", "nurse", "pharmacist"}
    roles = editor.secondary_roles
    nurse = next(roles.item(n) for n in range(roles.count()) if roles.item(n).data(Qt.ItemDataRole.UserRole) == "nurse")
    nurse.setCheckState(Qt.CheckState.Unchecked)
    assert editor.dirty
    editor.accept()
    assert rec.runner.call(groups.get_group, rec.group_id).quorum_secondary_roles == ("gp", "consultant",
                                                                                      "pharmacist")
    editor = GroupEditor(rec.runner, rec.runner.call(groups.get_group, rec.group_id))
    qtbot.addWidget(editor)
    assert _ticked(editor) == {"gp", "consultant", "pharmacist"}


def test_the_sea_meeting_who_took_part_and_the_facilitator_are_saved_from_the_editor(qtbot, db):
    rec = make_records(db)
    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, rec.issue_id))
    qtbot.addWidget(editor)
    editor.has_sea.setChecked(True)
    fields = editor.sea_form.fields
    fields["sea_meeting_on"].setDate(date(2026, 10, 14))
    qtbot.keyClicks(fields["sea_participants"], "GP; consultant radiologist")
    qtbot.keyClicks(fields["sea_facilitator"], "Interface group lead (GP)")
    editor.accept()
    sea = rec.runner.call(issues.get_issue, rec.issue_id).sea
    assert (sea.meeting_on, sea.participants, sea.facilitator) == (date(2026, 10, 14), "GP; consultant radiologist",
                                                                   "Interface group lead (GP)")


def test_a_pack_for_a_meeting_without_agenda_items_says_why_and_writes_nothing(qtbot, make_window, db, tmp_path,
                                                                               monkeypatch):
    rec = make_records(db)
    bare = rec.runner.call(meetings.create_meeting, group_id=rec.group_id, starts_at=datetime(2027, 1, 13, 14, 0),
                           with_standing_items=False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "pack.pdf"), "PDF document (*.pdf)"))
    window = make_window()
    controller = window.export_controller
    window.signals.export_requested.emit("pack", bare.id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert controller.message.icon() == QMessageBox.Icon.Warning
    assert "the meeting of 13/01/2027 has no agenda items" in controller.message.text()
    assert not (tmp_path / "pack.pdf").exists()
    controller.message.close()
