"""Asks for the period of a quarterly report (the last complete quarter is offered first) and the lead's summary,
which is kept with the group and period and printed at the top of the report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from interface_desktop.services.core.errors import ServiceError

LoadNarrative = Callable[[date, date], str]
SaveNarrative = Callable[[date, date, str], object]


def last_quarter(today: date) -> tuple[date, date]:
    """The calendar quarter before the one containing today."""
    first_of_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_this - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


class ReportPeriodDialog(QDialog):
    """The summary shown is what was saved for the period chosen; it is saved again on Continue when changed."""

    def __init__(self, today: date, scope: str, parent: QWidget | None = None, *,
                 load_narrative: LoadNarrative | None = None, save_narrative: SaveNarrative | None = None):
        super().__init__(parent)
        self.setWindowTitle("Quarterly report")
        self._load, self._save = load_narrative, save_narrative
        self._saved_text = ""
        start, end = last_quarter(today)
        self.start_edit, self.end_edit = QDateEdit(QDate(start)), QDateEdit(QDate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._show_saved_narrative)
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        metrics = self.narrative_edit.fontMetrics()  # room for a paragraph or two as the lead writes it
        self.narrative_edit.setMinimumSize(metrics.averageCharWidth() * 64, metrics.lineSpacing() * 8)
        self.narrative_edit.setPlaceholderText("A few sentences for the board: what the group achieved in the period "
                                               "and what it needs. Printed at the top of the report.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(f"Report for: <b>{scope}</b>"))
        form.addRow("&From", self.start_edit)
        form.addRow("&To", self.end_edit)
        form.addRow("&Summary", self.narrative_edit)
        form.addRow(self.error)
        form.addRow(buttons)
        self._show_saved_narrative()

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def narrative(self) -> str:
        return self.narrative_edit.toPlainText().strip()

    def _show_saved_narrative(self) -> None:
        """Fills in what was saved for the period now chosen, unless the user has typed something of their own."""
        start, end = self.period()
        if self._load is None or end < start or self.narrative() != self._saved_text.strip():
            return
        try:
            self._saved_text = self._load(start, end)
        except ServiceError as exc:
            self.error.setText(str(exc)[:1].upper() + str(exc)[1:])
            return
        self.narrative_edit.setPlainText(self._saved_text)

    def _accept(self) -> None:
        start, end = self.period()
        if end < start:
            self.error.setText("The period ends before it starts.")
            return
        if self._save is not None and self.narrative() != self._saved_text.strip():
            try:
                self._save(start, end, self.narrative())
            except ServiceError as exc:  # the text stays in the box, so nothing typed is lost
                self.error.setText(str(exc)[:1].upper() + str(exc)[1:])
                return
            self._saved_text = self.narrative()
        self.accept()
