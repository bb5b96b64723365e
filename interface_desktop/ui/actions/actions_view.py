"""The action log page: every action, filtered and sorted in the database, changed in place or in bulk."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter, QTableView, QToolButton, QVBoxLayout,
    QWidget,
)

from interface_desktop.services.actions import actions
from interface_desktop.services.people import groups
from interface_desktop.services.people import people
from interface_desktop.services.actions.actions import ActionDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.actions.action_editor import ActionEditor
from interface_desktop.ui.actions.actions_model import (
    COL_DESCRIPTION, COL_DUE, COL_GROUP, COL_STATUS, COL_UPDATE, ActionsModel,
)
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.actions.action_filter_bar import ActionFilterBar
from interface_desktop.ui.actions.action_panel import ActionPanel
from interface_desktop.ui.widgets.record_view import RecordView
from interface_desktop.ui.widgets.tables import EmptyHint, KeyAction, list_hint, set_up
from interface_desktop.vocab import ACTION_STATUS_LABELS as STATUS_LABELS

DEFAULT_WIDTHS = (95, 100, 300, 140, 85, 95, 40, 200, 170, 260)


def _delete_all(session, action_ids: list[int]) -> None:  # noqa: ANN001 - a Session
    """One unit of work: every chosen action goes, or none does."""
    for action_id in action_ids:
        actions.delete_action(session, action_id)


class ActionsView(RecordView):
    title = "Actions"
    watched_kinds = ("action", "person", "group", "meeting", "issue")
    kinds = ("action",)
    noun = "action"

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = ActionsModel(runner, parent=self)
        self.tasks = TaskRunner(self)
        self.filters = ActionFilterBar()
        self.table = QTableView()
        self.panel = ActionPanel(self.ops)
        self.count_label = QLabel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._selecting = False  # set while a load re-selects rows: the panel is updated once afterwards
        self._build_table()
        EmptyHint(self.table, list_hint("actions", "New action", self.filters))
        self._build_layout()
        self.filters.changed.connect(self._apply_filters)
        self.model.status_requested.connect(self.set_status)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.panel.update_added.connect(self._update_added)
        self.panel.open_requested.connect(self.signals.open_record)

    def _build_table(self) -> None:
        t = self.table
        set_up(t, self.model, "Actions")
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.SelectedClicked)
        t.setItemDelegateForColumn(COL_STATUS, ChoiceDelegate(STATUS_LABELS, "Status", t))
        t.setSortingEnabled(True)
        t.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        t.horizontalHeader().setStretchLastSection(True)
        # Fixed widths: measuring the contents of a 30,000-row model would stall the window.
        for column, width in enumerate(DEFAULT_WIDTHS):
            t.setColumnWidth(column, width)
        t.selectionModel().currentRowChanged.connect(lambda current, _: self._selecting or self._show_current())
        # Enter or double-click opens the editor; on the status column they change the status in place.
        t.activated.connect(lambda index: index.column() != COL_STATUS and self.edit_action())
        t.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        t.customContextMenuRequested.connect(lambda pos: self._context_menu().exec(t.viewport().mapToGlobal(pos)))

    def _build_layout(self) -> None:
        new = QPushButton("&New action")
        new.clicked.connect(self.new_action)
        edit = QPushButton("&Edit…")
        edit.clicked.connect(self.edit_action)
        delete = QPushButton("De&lete…")
        delete.clicked.connect(self.delete_actions)
        self.bulk = QToolButton(text="Set stat&us of selected", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk.setMenu(self._status_menu())
        bar = QHBoxLayout()
        for widget in (new, edit, delete, self.bulk):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.count_label)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.panel.setMaximumWidth(400)
        self.splitter.setSizes([900, 300])
        column = QVBoxLayout(self)
        column.addWidget(self.filters)
        column.addLayout(bar)
        column.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.filters.clear, new)
        KeyAction(self.table, Qt.Key.Key_Delete, self.delete_actions)

    def _status_menu(self) -> QMenu:
        menu = QMenu(self)
        for n, (code, label) in enumerate(STATUS_LABELS.items(), 1):
            item = menu.addAction(f"&{n} {label}")
            item.triggered.connect(lambda _=False, c=code: self.set_selected_status(c))
        return menu

    def _context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction("&Edit…", self.edit_action)
        status = menu.addMenu("Set &status")
        for code, label in STATUS_LABELS.items():
            status.addAction(label, lambda c=code: self.set_selected_status(c))
        menu.addAction("De&lete…", self.delete_actions)
        return menu

    # data --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.filters.set_choices(self.runner.call(groups.group_choices), self.runner.call(people.person_choices))
        self.filters.set_group(self.group_id)
        self._reload(keep_loaded=True)

    def _apply_filters(self) -> None:
        """Filters are applied on a worker thread, so typing stays smooth however big the log is."""
        selected = self.selected_ids()
        self.model.flt = self.filters.value()
        self.table.setColumnHidden(COL_GROUP, self.model.flt.group_id is not None)
        self.count_label.setText("Filtering…")
        self.model.reload_in_background(self.tasks, lambda: self._after_load(selected))

    def _after_load(self, selected: list[int]) -> None:
        still_shown = [i for i in selected if self.model.row_of(i) >= 0]
        # One panel update (it reads the action's progress updates), not one per selection step as well.
        self._selecting = True
        try:
            self._select_ids(still_shown or [a.id for a in self.model_first_row()])
        finally:
            self._selecting = False
        self._show_current()

    def _reload(self, keep_loaded: bool) -> None:
        selected = self.selected_ids()
        self.model.flt = self.filters.value()
        self.table.setColumnHidden(COL_GROUP, self.model.flt.group_id is not None)
        self.model.reload(keep_loaded=keep_loaded)
        self._after_load(selected)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"{total:,} action(s)" + (f", first {shown:,} loaded" if shown < total else ""))

    def _on_data_changed(self, kind: str) -> None:
        # This page shows its own changes in place: reloading thousands of rows for them would be wasted.
        if not self.ops.announcing:
            super()._on_data_changed(kind)

    # selection ---------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.action_at(r).id for r in rows]

    def model_first_row(self) -> list[ActionDTO]:
        return [self.model.action_at(0)] if self.model.rowCount() else []

    def current_action(self) -> ActionDTO | None:
        index = self.table.currentIndex()
        return self.model.action_at(index.row()) if index.isValid() else None

    def _select_ids(self, ids: list[int]) -> None:
        flags = self.table.selectionModel().SelectionFlag
        for n, action_id in enumerate(ids):
            row = self.model.row_of(action_id)
            if row >= 0:
                mode = flags.Rows | (flags.ClearAndSelect if n == 0 else flags.Select)
                self.table.selectionModel().setCurrentIndex(self.model.index(row, COL_DESCRIPTION), mode)

    def _show_current(self) -> None:
        self.panel.show_action(self.current_action())

    def _update_added(self, action_id: int) -> None:
        self.model.replace_rows(self.runner.call(actions.list_actions, actions.ActionFilter(ids=(action_id,))))
        self.table.viewport().update(self.table.visualRect(self.model.index(self.model.row_of(action_id), COL_UPDATE)))
        self._show_current()

    # commands ----------------------------------------------------------------------------------------------
    def set_status(self, ids: list[int], status: str) -> bool:
        """Change the status of these actions and show the result in place."""
        changed = self.ops.change("Status not changed", "action", actions.bulk_set_status, ids, status)
        if changed:
            self.model.replace_rows(changed.value)
            self._show_current()
        return bool(changed)

    def set_selected_status(self, status: str) -> None:
        ids = self.selected_ids()
        if ids and self.set_status(ids, status):
            self.signals.status_message.emit(f"{len(ids)} action(s) set to {STATUS_LABELS[status].lower()}")

    def new_action(self) -> None:
        self._edit(ActionEditor(self.runner, group_id=self.filters.group.currentData() or self.group_id, parent=self))

    new_record = new_action  # what the window's New (Ctrl+N) runs on this page

    def edit_action(self) -> None:
        action = self.current_action()
        if action is not None:
            self._edit(ActionEditor(self.runner, action, parent=self))

    def _edit(self, editor: ActionEditor) -> None:
        if self.run_editor(editor) and editor.saved:
            self._reload(keep_loaded=True)
            self._select_ids([editor.saved.id])
            self._show_current()

    def delete_actions(self) -> None:
        chosen = [self.model.action_at(self.model.row_of(i)) for i in self.selected_ids()]
        if not chosen:
            return
        what = f"the action “{chosen[0].description[:80]}”" if len(chosen) == 1 else f"{len(chosen)} actions"
        if not confirm_delete(self, what, "Their progress updates are deleted with them."):
            return
        if self.ops.change("Delete actions", "action", _delete_all, [a.id for a in chosen]):
            self._reload(keep_loaded=True)

    def install_window(self, window) -> None:  # noqa: ANN001 - the main window
        """Inside the main window, filtering shows in its busy indicator."""
        self.tasks = window.tasks

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "action":
            return False
        if self.model.row_of(record_id) < 0:
            self.filters.blockSignals(True)  # reload here and now, so the record can be chosen at once
            self.filters.reset()
            self.filters.blockSignals(False)
            self._reload(keep_loaded=False)
        self._select_ids([record_id])
        if self.model.row_of(record_id) < 0:
            self.panel.show_action(self.runner.call(actions.get_action, record_id))
        return True

    # layout state ------------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("actions/header", self.table.horizontalHeader().saveState())
        settings.setValue("actions/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        if settings.value("actions/header") is not None:
            self.table.horizontalHeader().restoreState(settings.value("actions/header"))
        if settings.value("actions/splitter") is not None:
            self.splitter.restoreState(settings.value("actions/splitter"))
