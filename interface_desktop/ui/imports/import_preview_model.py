"""The rows of an action import preview: what each row of the tracker becomes, problem rows marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel, Index

# The same pale fills as the action log spreadsheet; the Result column says it in words as well.
PROBLEM_FILL = "#f4c7c3"
SKIPPED_FILL = "#e8edee"
NOTE_FILL = "#fce8b2"


def owner_text(row) -> str:  # noqa: ANN001 - an action_import.RowPlan
    if not row.owner:
        return ""
    return f"{row.owner} (new person)" if row.owner_id is None else row.owner


def result_text(row) -> str:  # noqa: ANN001 - an action_import.RowPlan
    if row.problems:
        # 'Row 7, Due: ...' -> 'Due: ...': the Row column already says which row.
        return "Problem - " + "; ".join(p.split(", ", 1)[1] if ", " in p else p for p in row.problems)
    if row.skipped:
        return "Skipped: " + row.skipped
    return "Add" + ("; " + "; ".join(row.notes) if row.notes else "")


class ImportPreviewModel(DtoTableModel):
    ROW, ACTION, OWNER, DUE, STATUS, RESULT = range(6)
    columns = (
        Column("Row", lambda r: str(r.row), sort_key=lambda r: r.row, align_right=True),
        Column("Action", lambda r: r.description, tooltip=lambda r: r.description),
        Column("Owner", owner_text),
        Column("Due", lambda r: f"{r.due_on:%d/%m/%Y}" if r.due_on else "",
               sort_key=lambda r: (r.due_on is None, r.due_on)),
        Column("Status", lambda r: r.status_label if r.description else ""),
        Column("Result", result_text, tooltip=lambda r: "\n".join(r.problems or r.notes or (r.skipped,))),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row = self.row_dto(index.row())
            fill = PROBLEM_FILL if row.problems else SKIPPED_FILL if row.skipped else NOTE_FILL if row.notes else None
            return QBrush(QColor(fill)) if fill else None
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            # Dark text on the pale fills, whatever the palette (a dark theme's light text would vanish).
            row = self.row_dto(index.row())
            return QBrush(QColor("#212b32")) if row.problems or row.skipped or row.notes else None
        return super().data(index, role)
