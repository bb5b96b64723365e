"""A keyboard-friendly tree whose rows each open a record (kind, id) when activated."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def fair_shares(wanted: dict[int, int], budget: int) -> dict[int, int]:
    """Each its wanted width if all fit in `budget`; otherwise the narrow ones theirs and the rest an equal share."""
    shares, left, pending = {}, max(budget, 0), sorted(wanted.items(), key=lambda item: item[1])
    while pending:
        key, width = pending[0]
        share = left // len(pending)
        if width > share:
            shares.update((k, share) for k, _ in pending)
            break
        shares[key] = width
        left -= width
        pending.pop(0)
    return shares


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
        self._fit_pending = False
        self.itemActivated.connect(self._activated)

    def fit_columns(self) -> None:
        """The columns after the first fit their content within three fifths of the width: when they do not
        all fit, the widest are shortened alike (a long group name, not the record's name or a date)."""
        self._fit_pending = False
        header = self.header()
        columns = range(1, self.columnCount())
        wanted = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns}
        least = self.fontMetrics().averageCharWidth() * 4
        for column, width in fair_shares(wanted, self.viewport().width() * 3 // 5).items():
            self.setColumnWidth(column, max(width, least))

    def _fit_soon(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self.fit_columns)  # not after the tree is gone

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt API
        super().resizeEvent(event)
        self.fit_columns()  # before the paint that follows, so no frame shows the old widths

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
        self._fit_soon()
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
