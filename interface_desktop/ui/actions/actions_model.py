"""The action log as a lazily fetched table: rows come page by page from the service, sorted and filtered there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from interface_desktop.services.actions import actions
from interface_desktop.services.actions.actions import ActionDTO, ActionFilter
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.forms import uk_date
from interface_desktop.ui.widgets.rag import rag_icon
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.vocab import ACTION_STATUS_LABELS as STATUS_LABELS

(COL_REFERENCE, COL_RAG, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_CARRIED, COL_GROUP, COL_ORIGIN,
 COL_UPDATE) = range(10)
HEADERS = ("No.", "RAG", "Action", "Owner", "Due", "Status", "C/f", "Group", "From", "Latest update")
# RAG follows the due date for open actions, so sorting by it sorts by due date.
SORT_KEYS = {COL_REFERENCE: "reference", COL_RAG: "due", COL_DESCRIPTION: "description", COL_OWNER: "owner",
             COL_DUE: "due", COL_STATUS: "status", COL_CARRIED: "carried", COL_GROUP: "group", COL_ORIGIN: "meeting"}
ACTION_ROLE = Qt.ItemDataRole.UserRole
RAG_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
DECORATION, ALIGNMENT = Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.TextAlignmentRole
ANSWERED_ROLES = frozenset({DISPLAY, EDIT, TOOLTIP, DECORATION, ALIGNMENT, ACTION_ROLE, RAG_ROLE})
CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def origin_text(a: ActionDTO) -> str:
    parts = []
    if a.meeting_date:
        parts.append(f"Meeting {uk_date(a.meeting_date)}")
    if a.issue_reference:
        parts.append(f"Issue {a.issue_reference}")
    return " · ".join(parts)


class ActionsModel(QAbstractTableModel):
    """Holds the first `len(rows)` actions of the current filter and order; Qt asks for more as it scrolls.

    It only reads: a status chosen in the table is a request (`status_requested`); the owner changes it through
    the service and gives the model the changed rows (`replace_rows`).
    """

    status_requested = Signal(list, str)  # action ids, the new status

    def __init__(self, runner: ServiceRunner, *, page_size: int = 200, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.runner = runner
        self.page_size = page_size
        self.flt = ActionFilter()
        self.order_by, self.descending = "due", False
        self.total = 0
        self._rows: list[ActionDTO] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # the shown texts of a row, made when first painted
        self._loaded = False
        self._generation = 0
        self.loading = False

    # loading -----------------------------------------------------------------------------------------------
    def set_filter(self, flt: ActionFilter) -> None:
        self.flt = flt
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Count again and fetch the first page (or as many rows as were loaded, so the scroll position holds)."""
        self._generation += 1
        self._show(self._generation, self._query(keep_loaded)())

    def reload_in_background(self, tasks: TaskRunner, done: Callable[[], None]) -> None:
        """The same on a worker thread (a text search over a big log takes a moment); `done` runs once shown.

        Only the latest request is shown: results of a search the user has since changed are dropped."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        tasks.start("Filtering actions…", self._query(False),
                    lambda result: self._show(generation, result) and done(),
                    lambda exc: self._failed_load(generation, exc))

    def _query(self, keep_loaded: bool) -> Callable[[], tuple[int, list[ActionDTO]]]:
        """Worker code: reads the count and first page for the current filter and order; no Qt objects."""
        flt, order_by, descending = self.flt, self.order_by, self.descending
        wanted = max(self.page_size, len(self._rows)) if keep_loaded else self.page_size

        def run() -> tuple[int, list[ActionDTO]]:
            total = self.runner.call(actions.count_actions, flt)
            rows = self.runner.call(actions.list_actions, flt, order_by=order_by, descending=descending,
                                    limit=wanted, offset=0)
            return total, rows
        return run

    def _show(self, generation: int, result: tuple[int, list[ActionDTO]]) -> bool:
        if generation != self._generation:
            return False
        self.loading = False
        self._loaded = True
        self.beginResetModel()
        self.total, self._rows = result
        self._texts.clear()
        self.endResetModel()
        return True

    def _failed_load(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.loading = False
            self.failed.emit(str(exc))

    def _page(self, offset: int, limit: int) -> list[ActionDTO]:
        return self.runner.call(actions.list_actions, self.flt, order_by=self.order_by, descending=self.descending,
                                limit=limit, offset=offset)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid():
            return
        more = self._page(len(self._rows), self.page_size)
        if not more:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        changed = wanted != (self.order_by, self.descending)
        self.order_by, self.descending = wanted
        # The view sets its sort indicator while being built (the first load comes later), and Qt may ask
        # twice for the same order: only a new order on loaded rows is worth a trip to the database.
        if self._loaded and changed:
            self.reload()

    # access ------------------------------------------------------------------------------------------------
    def action_at(self, row: int) -> ActionDTO:
        return self._rows[row]

    def rows_loaded(self) -> list[ActionDTO]:
        return list(self._rows)

    def row_of(self, action_id: int) -> int:
        return next((n for n, a in enumerate(self._rows) if a.id == action_id), -1)

    def replace_rows(self, changed: list[ActionDTO]) -> None:
        """Show fresh copies of some actions in place (after an edit), without refetching."""
        by_id = {a.id: a for a in changed}
        for n, old in enumerate(self._rows):
            if old.id in by_id:
                self._rows[n] = by_id[old.id]
                self._texts.pop(n, None)
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(HEADERS) - 1))

    # Qt API ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COL_STATUS else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks for a dozen roles per visible cell on every repaint; the ones not answered leave at once.
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        a = self._rows[row]
        if role == DISPLAY:
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = tuple(self._text(a, c) for c in range(len(HEADERS)))
            return texts[column]
        if role == ALIGNMENT:
            return CENTRED if column == COL_CARRIED else None
        if role == DECORATION:
            return rag_icon(a.rag) if column == COL_RAG else None
        if role == EDIT:
            return a.status if column == COL_STATUS else None
        if role == TOOLTIP:
            return self._tooltip(a, column)
        return a if role == ACTION_ROLE else a.rag

    @staticmethod
    def _tooltip(a: ActionDTO, column: int) -> str | None:
        if column == COL_DESCRIPTION:
            return a.description
        if column == COL_UPDATE:
            return a.last_update or None
        if column == COL_CARRIED:
            return f"Carried forward {a.carried_forward} time(s)" if a.carried_forward else None
        if column == COL_RAG:
            return f"{a.rag_label}: due {uk_date(a.due_on) or 'no date'}, {a.status_label.lower()}"
        return None

    @staticmethod
    def _text(a: ActionDTO, column: int) -> str:
        if column == COL_REFERENCE:
            return a.reference
        if column == COL_RAG:
            return a.rag_label
        if column == COL_DESCRIPTION:
            return a.description.splitlines()[0] if a.description else ""
        if column == COL_OWNER:
            return a.owner_name or "Unassigned"
        if column == COL_DUE:
            return uk_date(a.due_on)
        if column == COL_STATUS:
            return STATUS_LABELS[a.status]
        if column == COL_CARRIED:
            return str(a.carried_forward) if a.carried_forward else ""
        if column == COL_GROUP:
            return a.group_name
        if column == COL_ORIGIN:
            return origin_text(a)
        return a.last_update.splitlines()[0] if a.last_update else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_STATUS or value not in STATUS_LABELS:
            return False
        self.status_requested.emit([self._rows[index.row()].id], str(value))
        return True
