"""A meeting's papers, in agenda order, with the item each belongs to."""

from __future__ import annotations

from PySide6.QtCore import QObject

from interface_desktop.services.documents.files import PaperDTO
from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel

COL_TITLE, COL_ITEM, COL_FILE, COL_SIZE, COL_ADDED = range(5)


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""


class PapersModel(DtoTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.item_labels: dict[int, str] = {}  # agenda item id -> "3. Discharge letters"
        self.columns = (
            Column("Paper", lambda p: p.title),
            Column("Agenda item", self._item_text),
            Column("File", lambda p: p.filename),
            Column("Size", lambda p: human_size(p.size), sort_key=lambda p: p.size, align_right=True),
            Column("Added", lambda p: f"{p.added_at:%d/%m/%Y}", sort_key=lambda p: p.added_at),
        )

    def _item_text(self, paper: PaperDTO) -> str:
        if paper.agenda_item_id is None:
            return "Not linked"
        return self.item_labels.get(paper.agenda_item_id, "")

    def set_items(self, labels: dict[int, str]) -> None:
        self.beginResetModel()
        self.item_labels = dict(labels)
        self.endResetModel()
