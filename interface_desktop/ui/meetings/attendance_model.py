"""The attendance register: every member and guest with their status and declaration of interest."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont

from interface_desktop.services.meetings.attendance import AttendanceDTO
from interface_desktop.ui.widgets.dto_table_model import Column, Index
from interface_desktop.ui.meetings.lockable import LockableDtoModel
from interface_desktop.vocab import ATTENDANCE_LABELS

COL_NAME, COL_ROLE, COL_ORGANISATION, COL_TYPE, COL_STATUS, COL_DECLARATION = range(6)
NOT_RECORDED = "Not recorded"


def status_text(a: AttendanceDTO) -> str:
    return ATTENDANCE_LABELS.get(a.status, NOT_RECORDED)


class AttendanceModel(LockableDtoModel):
    """Status and declaration are edited in place; edits are requests the owner saves."""

    status_requested = Signal(int, str)  # person id, status
    declaration_requested = Signal(int, str)  # person id, text

    columns = (
        Column("Name", lambda a: a.person_name + (" (chair)" if a.is_chair else "")),
        Column("Role", lambda a: a.role_label),
        Column("Organisation", lambda a: a.organisation),
        Column("Type", lambda a: "Guest" if a.is_guest else "Member"),
        Column("Attendance", status_text),
        Column("Declaration of interest", lambda a: a.declaration, tooltip=lambda a: a.declaration),
    )

    def counts(self) -> dict[str, int]:
        result = {code: 0 for code in ATTENDANCE_LABELS}
        result[""] = 0
        for a in self._rows:
            result[a.status] = result.get(a.status, 0) + 1
        return result

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self.locked and index.column() in (COL_STATUS, COL_DECLARATION):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            a: AttendanceDTO = self.row_dto(index.row())
            return a.status if index.column() == COL_STATUS else a.declaration
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == COL_STATUS \
                and not self.row_dto(index.row()).status:
            font = QFont()
            font.setItalic(True)  # "Not recorded" stands out from a recorded status
            return font
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.locked:
            return False
        a: AttendanceDTO = self.row_dto(index.row())
        if index.column() == COL_STATUS and value in ATTENDANCE_LABELS and value != a.status:
            self.status_requested.emit(a.person_id, value)
            return True
        if index.column() == COL_DECLARATION and str(value) != a.declaration:
            self.declaration_requested.emit(a.person_id, str(value))
            return True
        return False

    def row_of_person(self, person_id: int) -> int:
        return next((n for n, a in enumerate(self._rows) if a.person_id == person_id), -1)
