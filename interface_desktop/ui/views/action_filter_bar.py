"""The action log's filters: text (debounced), group, status, owner, RAG and due range."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from interface_desktop.services.actions import RAG_LABELS, STATUS_LABELS, ActionFilter
from interface_desktop.services.groups import GroupDTO
from interface_desktop.services.people import PersonDTO
from interface_desktop.ui.forms import date_edit, date_value, fill_combo, set_combo_data, set_date

OUTSTANDING = ("open", "in_progress")
TEXT_DELAY_MS = 300


def _swap(labels: dict[str, str]):  # noqa: ANN202 - (label, code) pairs
    return ((label, code) for code, label in labels.items())


class ActionFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLineEdit(placeholderText="Search actions and owners…", clearButtonEnabled=True)
        self.group = QComboBox()
        self.status = QComboBox()
        self.owner = QComboBox()
        self.rag = QComboBox()
        self.due_from = date_edit(optional=True, none_text="Any")
        self.due_to = date_edit(optional=True, none_text="Any")
        self.clear = QPushButton("C&lear filters")
        fill_combo(self.status, [("Outstanding", "outstanding"), ("Any status", "")] + list(_swap(STATUS_LABELS)))
        fill_combo(self.rag, [("Any RAG", "")] + list(_swap(RAG_LABELS)))
        self.timer = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _: self.timer.start())
        for combo in (self.group, self.status, self.owner, self.rag):
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(lambda _: self.changed.emit())
        self.clear.clicked.connect(self.reset)
        self._lay_out()
        self.set_choices([], [])

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 3)
        for label, name, widget in (("&Group", "Group", self.group), ("&Status", "Status", self.status),
                                    ("O&wner", "Owner", self.owner), ("&RAG", "RAG", self.rag),
                                    ("Due &from", "Due from", self.due_from), ("&to", "Due to", self.due_to)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(name)
            row.addWidget(caption)
            row.addWidget(widget, 1)
        row.addWidget(self.clear)
        self.text.setAccessibleName("Search actions")

    def set_choices(self, groups: list[GroupDTO], people: list[PersonDTO]) -> None:
        fill_combo(self.group, [("All groups", None)] + [(g.name, g.id) for g in groups])
        fill_combo(self.owner, [("Anyone", None)] + [(p.name, p.id) for p in people])

    def set_group(self, group_id: int | None) -> None:
        self.group.blockSignals(True)
        set_combo_data(self.group, group_id)
        self.group.blockSignals(False)

    def reset(self) -> None:
        self.blockSignals(True)
        self.text.clear()
        self.timer.stop()
        for combo in (self.status, self.owner, self.rag):
            combo.setCurrentIndex(0)
        set_date(self.due_from, None)
        set_date(self.due_to, None)
        self.blockSignals(False)
        self.changed.emit()

    def value(self) -> ActionFilter:
        status = self.status.currentData()
        rag = self.rag.currentData()
        return ActionFilter(group_id=self.group.currentData(),
                            status=OUTSTANDING if status == "outstanding" else (status,) if status else None,
                            owner_id=self.owner.currentData(), rag=(rag,) if rag else None,
                            due_from=date_value(self.due_from), due_to=date_value(self.due_to),
                            text=self.text.text().strip() or None)
