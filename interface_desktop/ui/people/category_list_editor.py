"""A group's issue-category list: the board-wide defaults plus the group's own, which it can add, retire and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from interface_desktop.services.people import lookups
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import error_label, shown_in


class CategoryListEditor(QWidget):
    def __init__(self, ops: Operations, kind: str = "issue_category", parent: QWidget | None = None):
        """`ops`: the group editor's; a refusal shows under the new category's name."""
        super().__init__(parent)
        self.runner, self.kind = ops.runner, kind
        self.group_id: int | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Issue categories")
        self.new_label = QLineEdit(placeholderText="A category of your own, e.g. Mental health referrals")
        self.new_label.setAccessibleName("New category")
        self.add = QPushButton("&Add category")
        self.toggle = QPushButton("Retire / rest&ore")
        self.error = error_label()
        self.ops = ops.part(self, shown_in(self.error))
        self.add.clicked.connect(self.add_category)
        self.new_label.returnPressed.connect(self.add_category)
        self.toggle.clicked.connect(self.toggle_active)
        self.list.currentItemChanged.connect(lambda item, _: self._update_buttons())
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Categories marked “board-wide” are shared by every group. Your group's own can be "
                              "retired: old issues keep them, new ones no longer offer them."), 0, 0, 1, 2)
        grid.addWidget(self.list, 1, 0, 1, 2)
        grid.addWidget(self.new_label, 2, 0)
        grid.addWidget(self.add, 2, 1)
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.addWidget(self.toggle, 4, 1)

    def set_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        self.setEnabled(group_id is not None)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.group_id is None:
            return
        for entry in self.runner.call(lookups.list_lookups, kind=self.kind, group_id=self.group_id,
                                      include_inactive=True):
            suffix = " (board-wide)" if entry.group_id is None else "" if entry.active else " (retired)"
            item = QListWidgetItem(entry.label + suffix)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.toggle.setEnabled(entry is not None and entry.group_id is not None)
        if entry is not None and entry.group_id is not None:
            self.toggle.setText("Rest&ore" if not entry.active else "Retir&e")

    def add_category(self) -> None:
        if self.group_id is None:
            return
        if not self.ops.change("Add category", "lookup", lookups.add_lookup, kind=self.kind,
                               label=self.new_label.text(), group_id=self.group_id):
            return
        self.error.setVisible(False)
        self.new_label.clear()
        self.reload()

    def toggle_active(self) -> None:
        item = self.list.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item else None
        if entry is None or entry.group_id is None:
            return
        if self.ops.change("Retire or restore category", "lookup", lookups.set_lookup_active, lookup_id=entry.id,
                           active=not entry.active):
            self.reload()
