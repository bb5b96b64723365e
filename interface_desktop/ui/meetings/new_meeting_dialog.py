"""Asks for the group and the date of a new meeting; the rest is edited on the Details tab."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from interface_desktop.services.core.clock import today
from interface_desktop.services.people.groups import GroupDTO


class NewMeetingDialog(QDialog):
    def __init__(self, groups: list[GroupDTO], group_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New meeting")
        layout = QFormLayout(self)
        self.group = QComboBox()
        self.group.setAccessibleName("Group")
        for g in groups:
            self.group.addItem(g.name, g.id)
        self.group.setCurrentIndex(max(self.group.findData(group_id), 0))
        self.when = QDateTimeEdit(QDateTime(datetime.combine(today() + timedelta(weeks=2), time(14, 0))))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dddd dd/MM/yyyy HH:mm")
        self.when.setAccessibleName("Date and time")
        layout.addRow("&Group:", self.group)
        layout.addRow("&Date and time:", self.when)
        layout.addRow(QLabel("The group's standing items are put on the agenda."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create meeting")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.when.setFocus()

    def group_id(self) -> int:
        return int(self.group.currentData())

    def starts_at(self) -> datetime:
        return self.when.dateTime().toPython().replace(second=0, microsecond=0)
