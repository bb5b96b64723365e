"""Asks when the next meeting is, defaulting to the usual eight-week cycle."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from interface_desktop.services.meetings.meetings import MeetingDTO


class NextMeetingDialog(QDialog):
    def __init__(self, meeting: MeetingDTO, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Create next meeting")
        layout = QFormLayout(self)
        layout.addRow(QLabel(f"After {meeting.label}. Standing items are copied and open actions carried forward."))
        self.when = QDateTimeEdit(QDateTime(meeting.starts_at + timedelta(weeks=8)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setAccessibleName("Next meeting date and time")
        layout.addRow("&Date and time:", self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create meeting")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def starts_at(self) -> datetime:
        return self.when.dateTime().toPython()
