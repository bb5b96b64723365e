"""Record tables set up the same way everywhere: whole rows, one at a time, no row numbers, no wrapping.

`RecordTable` is a page's sortable, read-only list with fixed column widths; `record_table()` is the meeting
screens' short table, edited in place, whose columns fit their contents.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from interface_desktop.ui.widgets.dto_table_model import DTO_ROLE, DtoTableModel


def set_up(table: QTableView, model: QAbstractItemModel, accessible_name: str) -> None:
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)


def record_table(model: QAbstractItemModel, accessible_name: str, *stretch_columns: int) -> QTableView:
    table = QTableView()
    set_up(table, model, accessible_name)
    # These tables hold tens of rows, so fitting columns to their contents is cheap; the stretch columns share the rest.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch_columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


class KeyAction(QObject):
    """Runs a callback when a key is pressed in a widget (table keys like Delete, which the view ignores)."""

    def __init__(self, widget: QWidget, key: Qt.Key, callback: Callable[[], object]):
        super().__init__(widget)
        self.key, self.callback = key, callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == self.key \
                and not event.modifiers():
            self.callback()
            return True
        return False


class RecordTable(QTableView):
    """A page's list of records: sorted by a header click, kept on the same record across reloads."""

    def __init__(self, model: DtoTableModel, accessible_name: str, widths: tuple[int, ...],
                 parent: QWidget | None = None, *, sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)):
        super().__init__(parent)
        set_up(self, model, accessible_name)
        self.horizontalHeader().setSortIndicator(*sort)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def current_dto(self):  # noqa: ANN201 - whichever DTO the model holds
        index = self.currentIndex()
        return index.siblingAtColumn(0).data(DTO_ROLE) if index.isValid() else None

    def select_id(self, record_id: int) -> bool:
        model = self.model()
        assert isinstance(model, DtoTableModel)
        row = model.row_of(record_id)
        if row >= 0:
            self.selectRow(row)
            self.setCurrentIndex(model.index(row, 0))
            self.scrollTo(model.index(row, 0))
        return row >= 0

    def keep_selection(self, reload) -> None:  # noqa: ANN001 - a callable that resets the model
        """Run `reload` and select the same record again afterwards."""
        current = self.current_dto()
        reload()
        header = self.horizontalHeader()
        self.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        # Something is always chosen, so the keyboard (Enter, Delete) acts on a visible row.
        if (current is None or not self.select_id(current.id)) and self.model().rowCount() > 0:
                self.selectRow(0)
                self.setCurrentIndex(self.model().index(0, 0))

    def save_to(self, settings: QSettings, key: str) -> None:
        settings.setValue(key, self.horizontalHeader().saveState())

    def restore_from(self, settings: QSettings, key: str) -> None:
        if settings.value(key) is not None:
            self.horizontalHeader().restoreState(settings.value(key))

    def activate_with(self, callback) -> None:  # noqa: ANN001 - a slot
        """Enter or double-click opens the current record."""
        self.activated.connect(lambda _: callback())

    def delete_with(self, callback: Callable[[], object]) -> None:
        """The Delete key asks to delete the current record."""
        KeyAction(self, Qt.Key.Key_Delete, callback)
