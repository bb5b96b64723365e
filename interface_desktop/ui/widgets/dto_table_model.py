"""A read-only table model over a list of DTOs, with columns declared once and sorting in memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

DTO_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False


class DtoTableModel(QAbstractTableModel):
    """Rows are frozen DTOs; `columns` says what each column shows."""

    columns: Sequence[Column] = ()

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_dto(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        """The row showing the record with this id, or -1."""
        return next((n for n, dto in enumerate(self._rows) if getattr(dto, "id", None) == record_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dto, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(dto)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(dto) if column.tooltip else None
        if role == DTO_ROLE:
            return dto
        if role == SORT_ROLE:
            return column.sort_key(dto) if column.sort_key else column.text(dto).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        spec = self.columns[column]
        key = spec.sort_key or (lambda dto: spec.text(dto).lower())
        self.layoutAboutToBeChanged.emit()
        # Selections and the current row follow their record, not their old row number.
        persistent = self.persistentIndexList()
        tracked = [id(self._rows[index.row()]) for index in persistent]
        self._rows.sort(key=lambda dto: (key(dto) is None, key(dto)),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {id(dto): n for n, dto in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [self.index(new_row[ref], index.column())
                                                    for ref, index in zip(tracked, persistent, strict=True)])
        self.layoutChanged.emit()
