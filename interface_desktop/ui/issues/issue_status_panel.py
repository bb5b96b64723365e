"""The issue editor's status tab: record a dated status change with a note, and see the history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from interface_desktop.services.issues import issues
from interface_desktop.vocab import ISSUE_STATUS_LABELS
from interface_desktop.services.issues.issues import IssueDTO
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import error_label, shown_in
from interface_desktop.ui.widgets.forms import date_edit, date_value, fill_combo, set_combo_data, uk_date


class IssueStatusPanel(QWidget):
    changed = Signal(object)  # the updated IssueDTO

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        """`ops`: the issue editor's; a refusal shows above the Record button."""
        super().__init__(parent)
        self.issue: IssueDTO | None = None
        self.current = QLabel()
        self.status = QComboBox()
        fill_combo(self.status, [(label, code) for code, label in ISSUE_STATUS_LABELS.items()])
        self.on = date_edit()
        self.note = QLineEdit(placeholderText="e.g. Discussed at the November meeting; letter template agreed")
        self.error = error_label()
        self.ops = ops.part(self, shown_in(self.error))
        self.record = QPushButton("&Record status change")
        self.record.clicked.connect(self.record_change)
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels(["Date", "Status", "Note"])
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setAccessibleName("Status history")
        form = QFormLayout()
        form.addRow("Current status:", self.current)
        for label, widget, name in (("New &status:", self.status, "New status"), ("&On:", self.on, "Date of change"),
                                    ("&Note:", self.note, "Note on the status change")):
            form.addRow(label, widget)
            widget.setAccessibleName(name)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.record)
        column.addWidget(QLabel("History:"))
        column.addWidget(self.history, 1)

    def show_issue(self, issue: IssueDTO | None) -> None:
        self.issue = issue
        self.setEnabled(issue is not None)
        self.error.setVisible(False)
        if issue is None:
            self.current.setText("Apply or save the issue first.")
            return
        self.current.setText(f"{issue.status_label} since {uk_date(issue.status_changed_on)}")
        set_combo_data(self.status, issue.status)
        self.history.setRowCount(len(issue.history))
        for row, change in enumerate(issue.history):
            for column, text in enumerate((uk_date(change.changed_on), ISSUE_STATUS_LABELS[change.status],
                                           change.note)):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def record_change(self) -> None:
        if self.issue is None:
            return
        recorded = self.ops.change("Record status change", "issue", issues.set_status, self.issue.id,
                                   self.status.currentData(), on=date_value(self.on), note=self.note.text())
        if recorded:
            self.note.clear()
            self.show_issue(recorded.value)
            self.changed.emit(recorded.value)
