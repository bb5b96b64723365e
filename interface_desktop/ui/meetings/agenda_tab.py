"""Building the agenda: add, remove, reorder (drag or Alt+Up/Down), presenter and minutes in place, timings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget,
)

from interface_desktop.services.meetings import agenda
from interface_desktop.services.meetings.agenda import AgendaItemDTO
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.meetings.agenda_model import COL_KIND, COL_PRESENTER, COL_TITLE, AgendaModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.tables import EmptyHint, new_hint, record_table
from interface_desktop.vocab import AGENDA_KIND_SHORT_LABELS as AGENDA_KIND_LABELS

FIELD_LABELS = {"title": "Item", "minutes_allotted": "Minutes", "presenter_id": "Presenter", "kind": "Kind"}


class AgendaTab(QWidget):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.ops = Operations(runner, self, signals=signals)
        self.meeting: MeetingDTO | None = None
        self.model = AgendaModel(self)
        self.model.edit_requested.connect(self._edit)
        self.model.move_requested.connect(self.move_item)
        self.table = record_table(self.model, "Agenda", COL_TITLE)
        EmptyHint(self.table, new_hint("agenda items", "Add item", "Insert"))
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegateForColumn(COL_KIND, ChoiceDelegate(AGENDA_KIND_LABELS, "Kind", self.table))
        self.presenter_delegate = ChoiceDelegate({0: "(nobody)"}, "Presenter", self.table)
        self.table.setItemDelegateForColumn(COL_PRESENTER, self.presenter_delegate)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.timing.setAccessibleName("Agenda timing")
        self.timing_icon = QLabel()
        self.add_button = self._button("&Add item", self.add_item, "Insert")
        self.remove_button = self._button("&Remove", self.remove_item, "Delete")
        self.up_button = self._button("Move &up", lambda: self.step(-1), "Alt+Up")
        self.down_button = self._button("Move do&wn", lambda: self.step(1), "Alt+Down")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        timing_row = QHBoxLayout()
        timing_row.addWidget(self.timing_icon)
        timing_row.addWidget(self.timing, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(timing_row)
        hint = QLabel("Type over a cell to change it; drag rows or press Alt+Up/Alt+Down to reorder.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _button(self, text: str, slot, keys: str) -> QPushButton:  # noqa: ANN001 - a callable
        button = QPushButton(text)
        button.setToolTip(keys)
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(keys), self.table)
        shortcut.setWhatsThis(f"Agenda: {text.replace('&', '').rstrip('…').lower()}")
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        return button

    def set_meeting(self, meeting: MeetingDTO, people: list[PersonChoice]) -> None:
        self.meeting = meeting
        self.presenter_delegate.labels = {0: "(nobody)", **{p.id: p.name for p in people}}
        self.model.set_locked(meeting.locked)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not meeting.locked)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        assert self.meeting is not None
        keep = select_id if select_id is not None else self.current_id()
        self.model.set_rows(self.runner.call(agenda.list_agenda, self.meeting.id))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_timing()

    def _show_timing(self) -> None:
        assert self.meeting is not None
        t = self.runner.call(agenda.timing, self.meeting.id)
        style = self.style()
        if t.overrun_minutes:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
            text = (f"Warning: the agenda overruns the meeting by {t.overrun_minutes} min "
                    f"({t.total_minutes} min planned in {t.available_minutes}; it would end at {t.ends_at:%H:%M}).")
        else:
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
            text = (f"{t.total_minutes} of {t.available_minutes} min planned; ends at {t.ends_at:%H:%M} "
                    f"({t.available_minutes - t.total_minutes} min spare).")
        size = self.fontMetrics().height()
        self.timing_icon.setPixmap(style.standardIcon(icon).pixmap(size, size))
        self.timing.setText(text)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_dto(index.row()).id if index.isValid() else None

    def current_item(self) -> AgendaItemDTO | None:
        index = self.table.currentIndex()
        return self.model.row_dto(index.row()) if index.isValid() else None

    def _edit(self, item_id: int, field: str, value: object) -> None:
        label = FIELD_LABELS.get(field, field)
        self.ops.change(f"Change {label.lower()}", "agenda", agenda.update_agenda_item, item_id, **{field: value})
        self.reload(item_id)  # a refused value is put back

    def add_item(self) -> None:
        if self.meeting is None or self.meeting.locked:
            return
        current = self.current_item()
        # After the selected business item; otherwise the service puts it before the closing standing items.
        position = self.table.currentIndex().row() + 1 if current is not None and current.kind != "standing" else None
        added = self.ops.change("Add agenda item", "agenda", agenda.add_agenda_item, meeting_id=self.meeting.id,
                                title="New item", position=position)
        if not added:
            return
        item = added.value
        self.reload(item.id)
        index = self.model.index(self.model.row_of(item.id), COL_TITLE)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None or self.meeting is None or self.meeting.locked:
            return
        notes = "Its minutes (discussion and decisions) are removed with it." if item.discussion or item.decisions \
            else ""
        if not confirm_delete(self, f"agenda item {item.number}, “{item.title}”", notes):
            return
        if self.ops.change("Remove agenda item", "agenda", agenda.delete_agenda_item, item.id):
            self.reload()

    def step(self, delta: int) -> None:
        item = self.current_item()
        if item is not None:
            self.move_item(item.id, self.table.currentIndex().row() + delta)

    def move_item(self, item_id: int, position: int) -> None:
        if position < 0 or position >= self.model.rowCount() or self.meeting is None or self.meeting.locked:
            return
        if self.ops.change("Move agenda item", "agenda", agenda.move_agenda_item, item_id=item_id,
                           to_position=position):
            self.reload(item_id)
            self.table.setFocus()

    def save_state(self, settings: QSettings) -> None:
        prefs.set_value(prefs.AGENDA_COLUMNS, self.table.horizontalHeader().saveState(), settings)

    def restore_state(self, settings: QSettings) -> None:
        self.table.horizontalHeader().restoreState(prefs.value(prefs.AGENDA_COLUMNS, settings))
