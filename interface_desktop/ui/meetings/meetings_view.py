"""Meetings: the list (upcoming or past, by group and status) beside the editor of the chosen meeting."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from interface_desktop.services.meetings import agenda
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.widgets.feedback import show_error
from interface_desktop.ui.widgets.modal import run_modal
from interface_desktop.ui.meetings.meeting_editor import TAB_DETAILS, TAB_MINUTES, MeetingEditor
from interface_desktop.ui.widgets.dto_table_model import SORT_ROLE
from interface_desktop.ui.meetings.meetings_model import COL_GROUP, COL_TITLE, MeetingsModel
from interface_desktop.ui.widgets.tables import EmptyHint, new_hint, record_table
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.widgets.view import View
from interface_desktop.vocab import MEETING_STATUS_LABELS

WHEN_CHOICES = (("Upcoming", "upcoming"), ("Past", "past"), ("All meetings", "all"))


class MeetingsView(View):
    title = "Meetings"
    kinds = ("meeting", "agenda")
    follows_changes = True  # the list reloads itself; the editor must not be reloaded under the typist

    def __init__(self, runner, signals, parent=None):  # noqa: ANN001 - the View contract
        super().__init__(runner, signals, parent)
        self.model = MeetingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.when = QComboBox()
        self.when.setAccessibleName("Which meetings")
        for label, code in WHEN_CHOICES:
            self.when.addItem(label, code)
        self.status = QComboBox()
        self.status.setAccessibleName("Meeting status")
        self.status.addItem("Any status", "")
        for code, label in MEETING_STATUS_LABELS.items():
            self.status.addItem(label, code)
        self.new_button = QPushButton("&New meeting…")
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_meeting)
        self.table = record_table(self.proxy, "Meetings", COL_TITLE)
        self.table.setSortingEnabled(False)
        EmptyHint(self.table, self._empty_hint)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis("Meetings list: delete the selected meeting")
        delete.activated.connect(self.delete_meeting)
        self.editor = MeetingEditor(runner, signals, TaskRunner(self))
        self.splitter = QSplitter()
        self.list_pane = self._list_pane()
        self.list_pane.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 940])
        self._list_sized = False  # True once the user (or their saved layout) chose the list's width
        self.splitter.splitterMoved.connect(self._list_resized)
        QVBoxLayout(self).addWidget(self.splitter)
        self.when.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        signals.data_changed.connect(self._changed)

    def _list_pane(self) -> QWidget:
        pane = QWidget()
        filters = QHBoxLayout()
        for widget in (self.when, self.status):
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return pane

    def install_window(self, window) -> None:  # noqa: ANN001 - the MainWindow
        """Shares the window's meeting commands (Meeting menu) and its background task runner."""
        self.editor.set_commands(window.meeting_commands)
        self.editor.papers.tasks = window.tasks
        toggle = QAction("Meetings &list", self, checkable=True, checked=not self.list_pane.isHidden())
        toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
        toggle.setToolTip("Hide the list to give the minutes the whole width")
        toggle.toggled.connect(self.list_pane.setVisible)
        window.menus["view"].addAction(toggle)
        self.list_toggle = toggle

    # -- list -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        when = self.when.currentData()
        rows = self.runner.call(meetings.list_meetings, group_id=self.group_id,
                                when=None if when == "all" else when, status=self.status.currentData() or None)
        keep = self.editor.meeting.id if self.editor.meeting else None
        self.table.setColumnHidden(COL_GROUP, self.group_id is not None)
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self._select(keep)
        if self.editor.meeting is None and rows:
            self._select(rows[0].id)
            self._load(rows[0].id)
        elif self.editor.meeting is None:
            self.editor.clear()
        self.delete_button.setEnabled(bool(rows))
        self._fit_list()

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().resizeEvent(event)
        self._fit_list()

    def _list_resized(self) -> None:
        self._list_sized = True

    def _fit_list(self) -> None:
        """Until the user sizes it, the list is as wide as its columns (the title shares what is left), so it
        never needs a horizontal scroll bar; the editor keeps the rest."""
        if self._list_sized or self.splitter.width() <= 0:
            return
        header = self.table.horizontalHeader()
        columns = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                      for c in range(self.model.columnCount()) if c != COL_TITLE and not header.isSectionHidden(c))
        title = self.fontMetrics().averageCharWidth() * 14
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        wanted = columns + title + frame
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([wanted, max(total - wanted, 0)])

    def _empty_hint(self) -> str:
        """"No upcoming meetings yet — New meeting (Ctrl+N)", naming what the filters ask for."""
        status = self.status.currentText().lower() if self.status.currentData() else ""
        when = "" if self.when.currentData() == "all" else self.when.currentText().lower()
        return new_hint(" ".join(w for w in (when, status, "meetings") if w), "New meeting")

    def _changed(self, kind: str) -> None:
        if kind in ("meeting", "agenda", "paper", "group") and self.isVisible():
            self.refresh()

    def _select(self, meeting_id: int | None) -> bool:
        row = self.model.row_of(meeting_id) if meeting_id else -1
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)
        return True

    def _row_chosen(self, current, previous) -> None:  # noqa: ANN001 - QModelIndex
        if not current.isValid():
            return
        meeting: MeetingDTO = self.model.row_dto(self.proxy.mapToSource(current).row())
        if self.editor.meeting is not None and meeting.id == self.editor.meeting.id:
            return
        if not self.editor.can_leave():
            self._select(self.editor.meeting.id if self.editor.meeting else None)
            return
        self._load(meeting.id)

    def _load(self, meeting_id: int) -> None:
        self.editor.load(meeting_id)

    # -- records --------------------------------------------------------------------------------
    def open_record(self, kind: str, record_id: int) -> bool:
        if kind == "agenda":
            item = self.ops.query("Open agenda item", agenda.get_agenda_item, record_id)
            if not item:
                return False
            self.open_record("meeting", item.value.meeting_id)
            self.editor.show_tab(TAB_MINUTES)
            return self.editor.minutes.select_item(record_id)
        if kind != "meeting":
            return False
        if self.editor.meeting is not None and self.editor.meeting.id != record_id and not self.editor.can_leave():
            return False
        if not self._select(record_id):
            self.when.setCurrentIndex(self.when.findData("all"))
            self.status.setCurrentIndex(0)
            self._select(record_id)
        self._load(record_id)
        return True

    def new_meeting(self) -> None:
        from interface_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog

        if not self.editor.can_leave():
            return
        all_groups = self.runner.call(groups.list_groups)
        if not all_groups:
            show_error(self, "New meeting", ServiceError("Set up a group first (Groups)."))
            return
        dialog = NewMeetingDialog(all_groups, self.group_id, self)
        if not run_modal(dialog):
            return
        created = self.ops.change("New meeting", "meeting", meetings.create_meeting, group_id=dialog.group_id(),
                                  starts_at=dialog.starts_at())
        if not created:
            return
        self.open_record("meeting", created.value.id)
        self.editor.show_tab(TAB_DETAILS)

    def delete_meeting(self) -> None:
        meeting = self.editor.meeting
        if meeting is None:
            return
        what = (f"its agenda of {meeting.agenda_count} item(s) with their minutes, the attendance register and "
                f"{meeting.paper_count} paper(s). Actions raised at it stay in the action log.")
        if not confirm_delete(self, f"the meeting {meeting.label}", f"This removes {what}"):
            return
        if not self.ops.change("Delete meeting", (), meetings.delete_meeting, meeting.id):
            return
        self.editor.clear()
        self.ops.announce("meeting")  # once the editor has let go of it, so the list does not reload it
        self.refresh()

    # -- window hooks ---------------------------------------------------------------------------
    def save(self) -> bool:
        return self.editor.save()

    def flush(self) -> None:
        self.editor.flush()

    def can_close(self) -> bool:
        return self.editor.can_leave()

    def save_state(self, settings: QSettings) -> None:
        prefs.set_value(prefs.MEETINGS_SPLITTER, self.splitter.saveState(), settings)
        prefs.set_value(prefs.MEETINGS_COLUMNS, self.table.horizontalHeader().saveState(), settings)
        prefs.set_value(prefs.MEETINGS_FILTER, self.when.currentData(), settings)
        self.editor.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self._list_sized = self.splitter.restoreState(prefs.value(prefs.MEETINGS_SPLITTER, settings))
        if hasattr(self, "list_toggle"):
            self.list_toggle.setChecked(not self.list_pane.isHidden())
        self.table.horizontalHeader().restoreState(prefs.value(prefs.MEETINGS_COLUMNS, settings))
        self.when.blockSignals(True)
        self.when.setCurrentIndex(max(self.when.findData(prefs.value(prefs.MEETINGS_FILTER, settings)), 0))
        self.when.blockSignals(False)
        self.editor.restore_state(settings)
