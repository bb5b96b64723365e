"""Record tables set up the same way everywhere: whole rows, one at a time, no row numbers, no wrapping.

`RecordTable` is a page's sortable, read-only list with fixed column widths; `record_table()` is the meeting
screens' short table, edited in place, whose columns fit their contents; `EmptyHint` says what an empty one
is waiting for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from interface_desktop.ui.widgets.dto_table_model import DTO_ROLE, DtoTableModel
from interface_desktop.ui.widgets.filter_bar import FilterBar


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


def new_hint(plural: str, command: str, keys: QKeySequence | str = QKeySequence.StandardKey.New) -> str:
    """"No issues yet — New issue (Ctrl+N)": the command that adds the first, with its key as the platform
    writes it (the window's New makes a record of the page's kind)."""
    key = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"No {plural} yet — {command} ({key})"


def list_hint(plural: str, command: str, filters: FilterBar) -> Callable[[], str]:
    """A page's hint: how to add the first record, or, while filters hide them all, how to see them again."""
    return lambda: new_hint(plural, command) if filters.is_clear() else \
        f"No {plural} match these filters — Clear filters shows them all"


class EmptyHint(QLabel):
    """A grey line in the middle of a table while it has no rows, saying how to add the first; `text` may be a
    callable, for tables whose filters can hide every row ("No issues match the filters")."""

    def __init__(self, table: QTableView, text: str | Callable[[], str]):
        super().__init__(table.viewport())
        self.table, self.text_for = table, text if callable(text) else (lambda: text)
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setEnabled(False)  # drawn in the disabled (grey) colour: a hint, not a record
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_shown)
        table.viewport().installEventFilter(self)
        self.update_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.table.viewport().rect().adjusted(8, 8, -8, -8))
        return False

    def update_shown(self) -> None:
        empty = self.table.model().rowCount() == 0
        if empty:
            self.setText(self.text_for())
        self.setVisible(empty)


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
