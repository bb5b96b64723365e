"""One meeting: a header with its state, the approved-minutes banner, the commands, and the five tabs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QTabWidget, QToolBar, QToolButton, QVBoxLayout,
    QWidget,
)

from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.meetings.agenda_tab import AgendaTab
from interface_desktop.ui.meetings.attendance_tab import AttendanceTab
from interface_desktop.ui.meetings.commands import MeetingCommands
from interface_desktop.ui.meetings.details_tab import DetailsTab
from interface_desktop.ui.meetings.minutes_tab import MinutesTab
from interface_desktop.ui.meetings.papers_tab import PapersTab
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.widgets.confirm import ask_to_save
from interface_desktop.ui.widgets.record_dialog import EDITOR_PROPERTY
from interface_desktop.vocab import MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS

TAB_DETAILS, TAB_ATTENDANCE, TAB_AGENDA, TAB_MINUTES, TAB_PAPERS = range(5)


class MeetingEditor(QWidget):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty(EDITOR_PROPERTY, True)
        self.runner = runner
        self.signals = signals
        self.meeting: MeetingDTO | None = None
        self.commands: MeetingCommands | None = None
        self.history_action = QAction("&History…", self)
        self.history_action.setToolTip("Every recorded change to this meeting: who, when, old and new values")
        self.history_action.triggered.connect(self._show_history)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.banner = self._banner()
        # A tool bar folds what does not fit into a » menu, so large fonts never widen the window.
        self.command_bar = QToolBar("Meeting commands")
        self.command_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.details = DetailsTab(runner, signals)
        self.details.saved.connect(self._details_saved)
        self.attendance = AttendanceTab(runner, signals)
        self.agenda = AgendaTab(runner, signals)
        self.minutes = MinutesTab(runner, signals)
        self.papers = PapersTab(runner, signals, tasks)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in ((self.details, "&Details"), (self.attendance, "A&ttendance"), (self.agenda, "A&genda"),
                              (self.minutes, "&Minutes"), (self.papers, "&Papers")):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.banner)
        layout.addWidget(self.command_bar)
        layout.addWidget(self.tabs, 1)
        self.clear()

    def _banner(self) -> QFrame:
        banner = QFrame()
        banner.setFrameShape(QFrame.Shape.Box)
        banner.setObjectName("lockedBanner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName("Minutes locked")
        self.unlock_button = QPushButton("&Unlock for correction…")
        row = QHBoxLayout(banner)
        icon = QLabel()
        size = self.fontMetrics().height() * 2
        icon.setPixmap(self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxInformation)
                       .pixmap(size, size))
        row.addWidget(icon)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.unlock_button)
        banner.hide()
        return banner

    def set_commands(self, commands: MeetingCommands) -> None:
        """The same actions as the Meeting menu, as buttons above the tabs."""
        self.commands = commands
        commands.before = self.flush
        commands.meeting_updated.connect(self._command_done)
        self.unlock_button.clicked.connect(commands.unlock.trigger)
        self.command_bar.addActions(commands.lifecycle_actions())
        self.command_bar.addSeparator()
        menu = QMenu("&Documents", self)
        menu.addActions(list(commands.exports.values()))
        documents = menu.menuAction()
        documents.setIconText("Documents")
        self.command_bar.addAction(documents)
        button = self.command_bar.widgetForAction(documents)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.command_bar.addAction(self.history_action)

    # -- loading --------------------------------------------------------------------------------
    def load(self, meeting_id: int) -> None:
        self.flush()
        meeting = self.runner.call(meetings.get_meeting, meeting_id)
        self._show(meeting)

    def clear(self) -> None:
        """No meeting chosen (none in the list, or the shown one was deleted)."""
        self.meeting = None
        self.heading.setText("No meeting selected")
        self.subheading.setText("Choose a meeting in the list, or create one with New meeting (Ctrl+N).")
        self.banner.hide()
        self.setEnabled(False)
        if self.commands is not None:
            self.commands.set_meeting(None)

    def _people(self, meeting: MeetingDTO) -> list[PersonChoice]:
        """Members of the meeting's group first, then everyone else, for chair, presenter and owner lists."""
        return self.runner.call(people.choices_for_group, group_id=meeting.group_id)

    def _show(self, meeting: MeetingDTO) -> None:
        self.meeting = meeting
        self.setEnabled(True)
        staff = self._people(meeting)
        self._show_header(meeting)
        self.details.set_meeting(meeting, staff)
        self.attendance.set_meeting(meeting, staff)
        self.agenda.set_meeting(meeting, staff)
        self.minutes.set_meeting(meeting, staff)
        self.papers.set_meeting(meeting)
        if self.commands is not None:
            self.commands.set_meeting(meeting)

    def _show_header(self, meeting: MeetingDTO) -> None:
        self.heading.setText(f"{meeting.display_title}, {meeting.starts_at:%A %d %B %Y, %H:%M}")
        where = meeting.location or meeting.call_link or "venue not set"
        self.subheading.setText(
            f"{meeting.group_name} · {where} · Meeting: {MEETING_STATUS_LABELS[meeting.status]} · "
            f"Minutes: {MINUTES_STATUS_LABELS[meeting.minutes_status]}"
            + (" (unlocked for correction)" if meeting.minutes_unlocked else ""))
        if meeting.locked:
            approved = f" on {meeting.minutes_approved_on:%d/%m/%Y}" if meeting.minutes_approved_on else ""
            self.banner_text.setText(f"These minutes were approved{approved} and are locked. Corrections need an "
                                     "unlock, with the reason kept in the audit trail.")
        self.banner.setVisible(meeting.locked)

    def _command_done(self, meeting: MeetingDTO) -> None:
        if self.meeting is not None and meeting.id == self.meeting.id:
            self._show(meeting)

    def _details_saved(self, meeting: MeetingDTO) -> None:
        self.meeting = meeting
        self._show_header(meeting)
        self.agenda.set_meeting(meeting, self._people(meeting))  # times follow the new start
        if self.commands is not None:
            self.commands.set_meeting(meeting)

    def _tab_changed(self, index: int) -> None:
        self.flush()
        if self.meeting is None:
            return
        # Each tab shows what other tabs changed (e.g. a new agenda item on the Minutes tab).
        refresh = {TAB_ATTENDANCE: self.attendance.reload, TAB_AGENDA: self.agenda.reload,
                   TAB_MINUTES: lambda: self.minutes.reload(self.minutes.current.id if self.minutes.current else None),
                   TAB_PAPERS: self.papers.reload}.get(index)
        if refresh is not None:
            refresh()

    def _show_history(self) -> None:
        if self.meeting is not None:
            self.signals.history_requested.emit("meeting", self.meeting.id)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # -- saving ---------------------------------------------------------------------------------
    def flush(self) -> bool:
        """Minutes are written straight away; details are kept until saved."""
        return self.minutes.flush()

    def save(self) -> bool:
        return self.minutes.flush() and self.details.save()

    def can_leave(self) -> bool:
        """False when the user cancels leaving a meeting whose details have unsaved changes."""
        self.flush()
        if not self.details.dirty:
            return True
        answer = ask_to_save(self, "The meeting details have changes that are not saved. Save them?")
        if answer == QMessageBox.StandardButton.Save:
            return self.details.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.details.dirty = False
            return True
        return False

    def save_state(self, settings: QSettings) -> None:
        prefs.set_value(prefs.MEETING_TAB, self.tabs.currentIndex(), settings)
        for tab in (self.agenda, self.attendance, self.minutes):
            tab.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.tabs.setCurrentIndex(prefs.value(prefs.MEETING_TAB, settings))
        for tab in (self.agenda, self.attendance, self.minutes):
            tab.restore_state(settings)
