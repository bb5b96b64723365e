"""Asks for the period of a quarterly report; the last complete quarter is offered first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


def last_quarter(today: date) -> tuple[date, date]:
    """The calendar quarter before the one containing today."""
    first_of_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_this - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


class ReportPeriodDialog(QDialog):
    def __init__(self, today: date, scope: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Quarterly report")
        start, end = last_quarter(today)
        self.start_edit, self.end_edit = QDateEdit(QDate(start)), QDateEdit(QDate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        form = QFormLayout(self)
        form.addRow(QLabel(f"Report for: <b>{scope}</b>"))
        form.addRow("&From", self.start_edit)
        form.addRow("&To", self.end_edit)
        form.addRow(self.error)
        form.addRow(buttons)

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def _accept(self) -> None:
        start, end = self.period()
        if end < start:
            self.error.setText("The period ends before it starts.")
            return
        self.accept()
