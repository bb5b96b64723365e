"""(label, data) choices for a combo box over a long list (everyone who may own an action), set in one step.

Filling a QComboBox item by item costs a Python call per entry (1,500 people at ten years); a list model is
replaced whole, and the combo asks only for the rows it shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox

TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole})
DATA_ROLE = Qt.ItemDataRole.UserRole  # what QComboBox.currentData() and findData() read


class ChoiceListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, object]] = []

    def set_items(self, items: list[tuple[str, object]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def row_of(self, data: object) -> int:
        return next((n for n, (_label, value) in enumerate(self.items) if value == data), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in TEXT_ROLES:
            return self.items[index.row()][0]
        return self.items[index.row()][1] if role == DATA_ROLE else None


def fill_long_combo(combo: QComboBox, items: list[tuple[str, object]], *, width_chars: int = 24) -> None:
    """Like forms.fill_combo, keeping the current choice when still offered; the combo is sized by
    `width_chars`, not by measuring every entry."""
    model = combo.model()
    if not isinstance(model, ChoiceListModel):
        model = ChoiceListModel(combo)
        combo.setModel(model)
        combo.setMinimumContentsLength(width_chars)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    current = combo.currentData()
    combo.blockSignals(True)
    model.set_items(items)
    combo.setCurrentIndex(max(model.row_of(current), 0) if current is not None else 0)
    combo.blockSignals(False)
