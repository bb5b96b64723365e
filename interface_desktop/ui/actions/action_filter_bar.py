"""The action log's filters: text (debounced), group, status, owner, RAG and due range."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.people.groups import GroupChoice
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.ui.widgets.filter_bar import FilterBar
from interface_desktop.ui.widgets.forms import date_edit, date_value, fill_combo, set_combo_data
from interface_desktop.ui.widgets.choice_list_model import fill_long_combo
from interface_desktop.vocab import (
    ACTION_OPEN_STATUSES as OUTSTANDING, ACTION_STATUS_LABELS as STATUS_LABELS, RAG_LABELS,
)


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
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 8)
        for n, (label, name, widget) in enumerate((
                ("&Group", "Group", self.group), ("&Status", "Status", self.status), ("O&wner", "Owner", self.owner),
                ("&RAG", "RAG", self.rag), ("Due &from", "Due from", self.due_from), ("&to", "Due to", self.due_to))):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(name)
            if n == 0:  # the group sits beside the search box, the other filters on the row below
                grid.addWidget(caption, 0, 8)
                grid.addWidget(widget, 0, 9, 1, 3)
                continue
            grid.addWidget(caption, 1, 2 * (n - 1))
            grid.addWidget(widget, 1, 2 * (n - 1) + 1)
        grid.addWidget(self.clear, 1, 10, 1, 2)
        for column, stretch in ((1, 1), (3, 2), (5, 1)):
            grid.setColumnStretch(column, stretch)
        self.set_choices([], [])

    def set_choices(self, groups: list[GroupChoice], people: list[PersonChoice]) -> None:
        fill_combo(self.group, [("All groups", None)] + [(g.name, g.id) for g in groups])
        fill_long_combo(self.owner, [("Anyone", None)] + [(p.name, p.id) for p in people])

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
