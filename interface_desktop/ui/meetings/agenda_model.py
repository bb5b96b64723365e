"""A meeting's agenda: numbered items with running start times, edited in place and reordered by drag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal

from interface_desktop.services.meetings.agenda import AgendaItemDTO
from interface_desktop.ui.widgets.dto_table_model import Column, Index
from interface_desktop.ui.meetings.lockable import LockableDtoModel
from interface_desktop.vocab import AGENDA_KIND_SHORT_LABELS as AGENDA_KIND_LABELS

COL_NUMBER, COL_START, COL_TITLE, COL_KIND, COL_PRESENTER, COL_MINUTES, COL_ISSUE = range(7)
MIME_TYPE = "application/x-interface-desktop-agenda-row"
# What each editable column changes on the agenda item, and how the edit value is read.
EDITABLE = {COL_TITLE: "title", COL_KIND: "kind", COL_PRESENTER: "presenter_id", COL_MINUTES: "minutes_allotted"}


class AgendaModel(LockableDtoModel):
    """Edits and moves are requests (`edit_requested`, `move_requested`); the owner saves and reloads."""

    edit_requested = Signal(int, str, object)  # item id, field, new value
    move_requested = Signal(int, int)  # item id, new position

    columns = (
        Column("No.", lambda i: str(i.number), sort_key=lambda i: i.number, align_right=True),
        Column("Start", lambda i: f"{i.starts_at:%H:%M}"),
        Column("Item", lambda i: i.title, tooltip=lambda i: i.title),
        Column("Kind", lambda i: AGENDA_KIND_LABELS.get(i.kind, i.kind)),
        Column("Presenter", lambda i: i.presenter_name),
        Column("Minutes", lambda i: str(i.minutes_allotted), sort_key=lambda i: i.minutes_allotted,
               align_right=True),
        Column("Issue", lambda i: i.issue_reference),
    )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | (Qt.ItemFlag.NoItemFlags if self.locked else Qt.ItemFlag.ItemIsDropEnabled)
        if self.locked:
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            item: AgendaItemDTO = self.row_dto(index.row())
            field = EDITABLE.get(index.column())
            if field == "presenter_id":
                return item.presenter_id or 0
            return getattr(item, field) if field else None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = EDITABLE.get(index.column())
        if role != Qt.ItemDataRole.EditRole or field is None or self.locked:
            return False
        item: AgendaItemDTO = self.row_dto(index.row())
        if field == "presenter_id":
            value = int(value) or None
        if value == getattr(item, field):
            return False
        self.edit_requested.emit(item.id, field, value)
        return True

    # -- reordering by drag ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            mime.setData(MIME_TYPE, QByteArray(str(rows[0]).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return not self.locked and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(MIME_TYPE).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        # Dropping below the dragged row: the row itself leaves a gap above the target.
        position = target - 1 if target > source else target
        if position != source:
            self.move_requested.emit(self.row_dto(source).id, position)
        # Returning False stops the view from removing the source row: the reload after the move redraws.
        return False
