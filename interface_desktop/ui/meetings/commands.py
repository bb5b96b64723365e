"""Meeting commands (held, circulate, approve, unlock, next meeting, documents) shared by menu and editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents.kinds import KINDS
from interface_desktop.ui.lazy import lazy_module
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.modal import run_modal

if TYPE_CHECKING:
    from interface_desktop.services.meetings.meetings import MeetingDTO

meetings = lazy_module("interface_desktop.services.meetings.meetings")
approval = lazy_module("interface_desktop.services.meetings.approval")
planning = lazy_module("interface_desktop.services.meetings.planning")


class MeetingCommands(QObject):
    """QActions acting on the meeting open in the editor; `set_meeting(dto)` keeps them in step."""

    meeting_updated = Signal(object)  # MeetingDTO after a command changed it

    def __init__(self, runner: ServiceRunner, signals: AppSignals, window: QWidget):
        super().__init__(window)
        self.runner = runner
        self.signals = signals
        self.window = window
        self.ops = Operations(runner, window, signals=signals)
        self.meeting: MeetingDTO | None = None
        self.before: Callable[[], None] = lambda: None  # the editor flushes typed minutes first
        self.mark_held = self._make("Mark as &held", self._mark_held, "Ctrl+Shift+H", short="Mark held")
        self.circulate = self._make("&Circulate draft minutes", self._circulate, "Ctrl+Shift+C",
                                    short="Circulate draft")
        self.approve = self._make("&Approve minutes…", self._approve, "Ctrl+Shift+P", short="Approve…")
        self.unlock = self._make("&Unlock for correction…", self._unlock, short="Unlock…")
        self.relock = self._make("&Lock again", self._relock, short="Lock again")
        self.next_meeting = self._make("Create &next meeting…", self._create_next, "Ctrl+Shift+N",
                                       short="Next meeting…")
        # Every document about one meeting, as declared; the editor and the Meeting menu offer them all.
        self.exports = {kind.code: self._make(kind.menu_text, lambda _=False, w=kind.code: self._export(w),
                                              kind.shortcut or None)
                        for kind in KINDS.values() if kind.subject == "meeting"}
        self.set_meeting(None)

    def _make(self, text: str, slot: Callable, shortcut: str | None = None, short: str = "") -> QAction:
        action = QAction(text, self)
        if short:
            action.setIconText(short)  # what the editor's buttons show; menus show the full text
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def lifecycle_actions(self) -> list[QAction]:
        return [self.mark_held, self.circulate, self.approve, self.unlock, self.relock, self.next_meeting]

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions(self.lifecycle_actions())
        menu.addSeparator()
        menu.addActions(list(self.exports.values()))

    def set_meeting(self, meeting: MeetingDTO | None) -> None:
        self.meeting = meeting
        has = meeting is not None
        # A read-only window shows the meeting and its documents; the commands that change it stay off.
        writable = has and not self.runner.read_only
        live = writable and meeting.status != "cancelled"
        self.mark_held.setEnabled(live and meeting.status == "planned")
        self.circulate.setEnabled(live and meeting.minutes_status == "draft")
        self.approve.setEnabled(live and meeting.minutes_status != "approved")
        self.unlock.setEnabled(writable and meeting.locked)
        self.relock.setEnabled(writable and meeting.minutes_status == "approved" and meeting.minutes_unlocked)
        self.unlock.setVisible(not (has and self.relock.isEnabled()))
        self.relock.setVisible(self.relock.isEnabled())
        self.next_meeting.setEnabled(writable)
        for action in self.exports.values():
            action.setEnabled(has)
        self._minutes_availability(meeting)

    def _minutes_availability(self, meeting: MeetingDTO | None) -> None:
        """Minutes exist once a meeting is held: before that the command is off and says why."""
        export = self.exports["minutes"]
        reason = meeting.no_minutes_reason if meeting is not None else ""
        export.setEnabled(meeting is not None and not reason)
        why = (reason[:1].upper() + reason[1:] + ".") if reason else ""
        export.setToolTip(why or export.text().replace("&", "").rstrip("…"))
        export.setStatusTip(why)

    def _run(self, title: str, fn: Callable, *args, **kwargs) -> MeetingDTO | None:  # noqa: ANN002, ANN003
        self.before()
        return self.ops.change(title, "meeting", fn, *args, **kwargs).value

    def _apply(self, updated: MeetingDTO | None, message: str) -> None:
        if updated is None:
            return
        self.set_meeting(updated)
        self.meeting_updated.emit(updated)
        self.signals.status_message.emit(message)

    def _mark_held(self) -> None:
        assert self.meeting is not None
        self._apply(self._run("Mark as held", meetings.mark_held, self.meeting.id), "Meeting marked as held")

    def _circulate(self) -> None:
        assert self.meeting is not None
        self._apply(self._run("Circulate minutes", meetings.circulate_minutes, self.meeting.id),
                    "Draft minutes marked as circulated")

    def _approve(self) -> None:
        from interface_desktop.ui.meetings.approve_dialog import ApproveDialog

        meeting = self.meeting
        assert meeting is not None
        choices = self.ops.query("Approve minutes", approval.approving_meetings, meeting.id)
        default = self.ops.query("Approve minutes", approval.default_approving_meeting, meeting.id)
        if not (choices and default):
            return
        dialog = ApproveDialog(meeting, choices.value, default.value, self.window)
        if not run_modal(dialog):
            return
        self._apply(self._run("Approve minutes", approval.approve_minutes, meeting.id,
                              approved_on=dialog.approved_on(), at_meeting_id=dialog.at_meeting_id(),
                              amendments=dialog.amendment_text()), "Minutes approved and locked")

    def _unlock(self) -> None:
        meeting = self.meeting
        assert meeting is not None
        reason, ok = QInputDialog.getMultiLineText(
            self.window, "Unlock for correction",
            f"The minutes of {meeting.label} are approved.\nWhy do they need correcting? (kept in the audit trail)")
        if ok:
            self._apply(self._run("Unlock minutes", meetings.unlock_minutes, meeting.id, reason=reason),
                        "Minutes unlocked for correction")

    def _relock(self) -> None:
        assert self.meeting is not None
        self._apply(self._run("Lock minutes", approval.relock_minutes, self.meeting.id),
                    "Minutes locked again; any correction is kept as a new version of the record")

    def _create_next(self) -> None:
        from interface_desktop.ui.meetings.next_meeting_dialog import NextMeetingDialog

        meeting = self.meeting
        assert meeting is not None
        dialog = NextMeetingDialog(meeting, self.window)
        if not run_modal(dialog):
            return
        result = self._run("Create next meeting", planning.create_next_meeting, after_meeting_id=meeting.id,
                           starts_at=dialog.starts_at())
        if result is None:
            return
        new, carried = result
        self.signals.status_message.emit(
            f"Created {new.label}: standing items added, {carried} open action(s) carried forward")
        self.signals.open_record.emit("meeting", new.id)

    def _export(self, what: str) -> None:
        assert self.meeting is not None
        self.before()
        self.signals.export_requested.emit(what, self.meeting.id)
