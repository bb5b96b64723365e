"""The side panel of the action log: the chosen action, where it came from, and its dated progress updates."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QLabel, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from interface_desktop.services.actions import actions
from interface_desktop.services.actions.actions import ActionDTO
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import error_label, shown_in
from interface_desktop.ui.widgets.forms import date_edit, date_value, set_date, uk_date


class ActionPanel(QWidget):
    update_added = Signal(int)  # action id
    open_requested = Signal(str, int)  # kind, id

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        """`ops`: the action log's; a refused update shows under the new update's text."""
        super().__init__(parent)
        self.runner = ops.runner
        self.action: ActionDTO | None = None
        self.heading = QLabel(wordWrap=True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.facts = QLabel(wordWrap=True)
        self.meeting_link = QPushButton()
        self.issue_link = QPushButton()
        self.meeting_link.clicked.connect(lambda: self._open("meeting"))
        self.issue_link.clicked.connect(lambda: self._open("issue"))
        self.updates = QListWidget()
        self.updates.setAccessibleName("Progress updates")
        self.updates.setWordWrap(True)
        self.new_text = QPlainTextEdit(placeholderText="What has happened since the last update?")
        self.new_text.setAccessibleName("New progress update")
        self.new_text.setTabChangesFocus(True)
        self.new_text.setMaximumHeight(90)
        self.new_date = date_edit()
        self.new_date.setAccessibleName("Date of the update")
        self.add_button = QPushButton("&Add update")
        self.add_button.clicked.connect(self.add_update)
        self.error = error_label()
        self.ops = ops.part(self, shown_in(self.error, self.new_text.setFocus))
        self._lay_out()
        self.show_action(None)

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.facts)
        column.addWidget(self.meeting_link)
        column.addWidget(self.issue_link)
        box = QGroupBox("Progress updates")
        inner = QVBoxLayout(box)
        inner.addWidget(self.updates, 1)
        form = QFormLayout()
        form.addRow("&Update:", self.new_text)
        form.addRow("&Dated:", self.new_date)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.add_button)
        column.addWidget(box, 1)

    def show_action(self, action: ActionDTO | None) -> None:
        self.action = action
        self.setEnabled(action is not None)
        self.error.setVisible(False)
        self.updates.clear()
        if action is None:
            self.heading.setText("Choose an action to see its progress.")
            self.facts.clear()
            self.meeting_link.hide()
            self.issue_link.hide()
            return
        self.heading.setText(f"{action.reference}: {action.description}")
        due = uk_date(action.due_on) or "no due date"
        self.facts.setText(f"{action.owner_name or 'Unassigned'} · due {due} · {action.status_label} · "
                           f"{action.rag_label}" + (f" · carried forward {action.carried_forward}×"
                                                    if action.carried_forward else "") + f"\n{action.group_name}")
        self.meeting_link.setVisible(action.meeting_id is not None)
        self.meeting_link.setText(f"Open &meeting of {uk_date(action.meeting_date)}")
        self.issue_link.setVisible(action.issue_id is not None)
        self.issue_link.setText(f"Open &issue {action.issue_reference}")
        for update in self.runner.call(actions.list_updates, action.id):
            self.updates.addItem(f"{uk_date(update.on_date)}: {update.text}")
        set_date(self.new_date, None)

    def _open(self, kind: str) -> None:
        if self.action is not None:
            target = self.action.meeting_id if kind == "meeting" else self.action.issue_id
            if target is not None:
                self.open_requested.emit(kind, target)

    def add_update(self) -> None:
        if self.action is None:
            return
        if not self.ops.change("Add update", "action", actions.add_update, action_id=self.action.id,
                               text=self.new_text.toPlainText(), on_date=date_value(self.new_date)):
            return
        self.new_text.clear()
        action_id = self.action.id
        self.show_action(self.runner.call(actions.get_action, action_id))
        self.update_added.emit(action_id)
