"""A keyboard-friendly tree whose rows each open a record (kind, id) when activated."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTree(QTreeWidget):
    """`add(texts, kind, id)`; Enter, double-click or Space emits `record_activated(kind, id)`."""

    record_activated = Signal(str, int)

    def __init__(self, headers: Sequence[str], accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderLabels(list(headers))
        self.setAccessibleName(accessible_name)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)

    def add(self, texts: Sequence[str], kind: str = "", record_id: int = 0, *, parent: QTreeWidgetItem | None = None,
            icon: QIcon | None = None, tooltip: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(list(texts))
        if kind:
            item.setData(0, RECORD_ROLE, (kind, record_id))
        if icon is not None:
            item.setIcon(0, icon)
        if tooltip:
            item.setToolTip(0, tooltip)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
            self.setRootIsDecorated(True)
        return item

    def add_note(self, text: str) -> None:
        """A greyed, non-selectable line such as 'Nothing overdue'."""
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)

    def _activated(self, item: QTreeWidgetItem) -> None:
        record = item.data(0, RECORD_ROLE)
        if record:
            self.record_activated.emit(record[0], record[1])
