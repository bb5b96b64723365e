"""Asks at which meeting and on what day minutes were approved, as a true record or with amendments."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.ui.widgets.forms import date_edit, date_value, set_date


class ApproveDialog(QDialog):
    """`choices` are the group's later meetings (soonest first); `default` the one offered first."""

    def __init__(self, meeting: MeetingDTO, choices: list[MeetingDTO], default: MeetingDTO | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Approve minutes")
        layout = QFormLayout(self)
        note = QLabel(f"Approve the minutes of {meeting.label}.\nApproved minutes are locked and kept as printed; "
                      "correcting them later needs an unlock with a reason, kept in the audit trail.")
        note.setWordWrap(True)
        layout.addRow(note)
        self.at = QComboBox()
        self.at.setAccessibleName("Meeting that approved the minutes")
        for choice in choices:
            status = "" if choice.status == "held" else " (not yet marked held)"
            self.at.addItem(f"{choice.label}{status}", choice.id)
        self.at.addItem("Not at a meeting of the group", None)
        self.at.setCurrentIndex(self.at.findData(default.id) if default else self.at.count() - 1)
        self._dates = {choice.id: choice.starts_at.date() for choice in choices}
        layout.addRow("Approved &at:", self.at)
        self.on = date_edit(default.starts_at.date() if default else None)
        self.on.setAccessibleName("Date the minutes were approved")
        layout.addRow("Approved &on:", self.on)
        self.at.currentIndexChanged.connect(self._meeting_chosen)
        layout.addRow(self._how())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _how(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.true_record = QRadioButton("As a &true record")
        self.amended = QRadioButton("&With the following amendments:")
        group = QButtonGroup(box)
        for button in (self.true_record, self.amended):
            group.addButton(button)
            column.addWidget(button)
        self.true_record.setChecked(True)
        self.amendments = QPlainTextEdit()
        self.amendments.setAccessibleName("Amendments")
        self.amendments.setPlaceholderText("Item 5: 'three weeks' should read 'three days'.")
        self.amendments.setEnabled(False)
        self.amended.toggled.connect(self.amendments.setEnabled)
        column.addWidget(self.amendments)
        return box

    def _meeting_chosen(self) -> None:
        day = self._dates.get(self.at.currentData())
        if day is not None:
            set_date(self.on, day)

    def at_meeting_id(self) -> int | None:
        return self.at.currentData()

    def approved_on(self) -> date | None:
        return date_value(self.on)

    def amendment_text(self) -> str:
        return self.amendments.toPlainText() if self.amended.isChecked() else ""
