"""An ordered list editor for a group's standing agenda items (title, minutes, before or after the business)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QWidget,
)

from interface_desktop.services.people.groups import StandingItemDTO
from interface_desktop.vocab import STANDING_PLACEMENT_LABELS as PLACEMENTS


class StandingItemsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Item", "Minutes", "Placement"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 190)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName("Standing agenda items")
        self.table.itemChanged.connect(lambda _: self.changed.emit())
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Standing items appear on every new agenda, in this order. "
                              "Double-click or press F2 to rename an item."), 0, 0, 1, 5)
        grid.addWidget(self.table, 1, 0, 1, 5)
        for n, (text, slot) in enumerate((("A&dd item", self.add_item), ("&Remove item", self.remove_item),
                                          ("Move &up", lambda: self.move(-1)), ("Move do&wn", lambda: self.move(1)))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            grid.addWidget(button, 2, n)

    def set_items(self, items: list[StandingItemDTO]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in items:
            self._append(item)
        self.table.blockSignals(False)

    def _append(self, item: StandingItemDTO, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(item.title))
        minutes = QSpinBox(minimum=0, maximum=600, value=item.minutes, suffix=" min")
        minutes.setAccessibleName("Minutes allotted")
        minutes.valueChanged.connect(lambda _: self.changed.emit())
        self.table.setCellWidget(row, 1, minutes)
        placement = QComboBox()
        placement.setAccessibleName("Placement")
        for code, label in PLACEMENTS.items():
            placement.addItem(label, code)
        placement.setCurrentIndex(placement.findData(item.placement))
        placement.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.table.setCellWidget(row, 2, placement)

    def items(self) -> list[StandingItemDTO]:
        result = []
        for row in range(self.table.rowCount()):
            title = self.table.item(row, 0).text() if self.table.item(row, 0) else ""
            minutes, placement = self.table.cellWidget(row, 1), self.table.cellWidget(row, 2)
            assert isinstance(minutes, QSpinBox) and isinstance(placement, QComboBox)
            result.append(StandingItemDTO(title, minutes.value(), placement.currentData()))
        return result

    def add_item(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.blockSignals(True)
        self._append(StandingItemDTO("New standing item", 5, "end" if row > 3 else "start"), row)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self.changed.emit()

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        items = self.items()
        items[row], items[target] = items[target], items[row]
        self.set_items(items)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()
