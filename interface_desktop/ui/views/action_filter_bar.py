"""The action log's filters: text (debounced), group, status, owner, RAG and due range."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from interface_desktop.services.actions import RAG_LABELS, STATUS_LABELS, ActionFilter
from interface_desktop.services.groups import GroupDTO
from interface_desktop.services.people import PersonDTO
from interface_desktop.ui.filter_bar import FilterBar
from interface_desktop.ui.forms import date_edit, date_value, fill_combo, set_combo_data

OUTSTANDING = ("open", "in_progress")


def _swap(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, code) for code, label in labels.items()]


class ActionFilterBar(FilterBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Search actions and owners…", "Search actions", parent)
        self.group, self.status, self.owner, self.rag = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.due_from = date_edit(optional=True, none_text="Any")
        self.due_to = date_edit(optional=True, none_text="Any")
        fill_combo(self.status, [("Outstanding", "outstanding"), ("Any status", "")] + _swap(STATUS_LABELS))
        fill_combo(self.rag, [("Any RAG", "")] + _swap(RAG_LABELS))
        self.watch(self.group, resettable=False)
        self.watch(self.status, self.owner, self.rag, self.due_from, self.due_to)
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
        self.set_choices([], [])

    def set_choices(self, groups: list[GroupDTO], people: list[PersonDTO]) -> None:
        fill_combo(self.group, [("All groups", None)] + [(g.name, g.id) for g in groups])
        fill_combo(self.owner, [("Anyone", None)] + [(p.name, p.id) for p in people])

    def set_group(self, group_id: int | None) -> None:
        self.group.blockSignals(True)
        set_combo_data(self.group, group_id)
        self.group.blockSignals(False)

    def value(self) -> ActionFilter:
        status, rag = self.status.currentData(), self.rag.currentData()
        return ActionFilter(group_id=self.group.currentData(),
                            status=OUTSTANDING if status == "outstanding" else (status,) if status else None,
                            owner_id=self.owner.currentData(), rag=(rag,) if rag else None,
                            due_from=date_value(self.due_from), due_to=date_value(self.due_to),
                            text=self.search_text())
