"""A DTO table whose rows can be frozen, for what approved minutes lock (agenda, attendance)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from interface_desktop.ui.widgets.dto_table_model import DtoTableModel


class LockableDtoModel(DtoTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.locked = False

    def set_locked(self, locked: bool) -> None:
        self.beginResetModel()
        self.locked = locked
        self.endResetModel()
