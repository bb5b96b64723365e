"""The activity editor's participants: who took part, in what role, and their reflective notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QLabel, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QWidget,
)

from interface_desktop.services.activities import activities
from interface_desktop.services.people import people
from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.ui.operations import Operations, Outcome
from interface_desktop.ui.widgets.forms import fill_combo, set_combo_data
from interface_desktop.vocab import PARTICIPANT_ROLE_LABELS, SECTOR_LABELS


class ParticipantsPanel(QWidget):
    changed = Signal(object)  # the updated ActivityDTO

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        """`ops`: the activity editor's, which also shows what the service refuses."""
        super().__init__(parent)
        self.ops = ops.part(self)
        self.runner = ops.runner
        self.activity: ActivityDTO | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Name", "Role in activity", "Sector", "Organisation"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 130)
        self.table.setColumnWidth(2, 130)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Participants")
        self.table.currentCellChanged.connect(lambda *_: self._show_reflection())
        self.person, self.role = QComboBox(), QComboBox()
        self.person.setAccessibleName("Person to add")
        self.role.setAccessibleName("Role in the activity")
        fill_combo(self.role, [(label, code) for code, label in PARTICIPANT_ROLE_LABELS.items()])
        set_combo_data(self.role, "attendee")
        self.add = QPushButton("A&dd participant")
        self.remove = QPushButton("Re&move participant")
        self.reflection = QPlainTextEdit(placeholderText="What the participant saw, learned and will do differently")
        self.reflection.setAccessibleName("Reflective notes")
        self.reflection.setTabChangesFocus(True)
        self.save_reflection = QPushButton("Save &reflection")
        self.add.clicked.connect(self.add_participant)
        self.remove.clicked.connect(self.remove_participant)
        self.save_reflection.clicked.connect(self.store_reflection)
        grid = QGridLayout(self)
        grid.addWidget(self.table, 0, 0, 1, 3)
        grid.addWidget(self.person, 1, 0)
        grid.addWidget(self.role, 1, 1)
        grid.addWidget(self.add, 1, 2)
        grid.addWidget(self.remove, 2, 2)
        grid.addWidget(QLabel("Reflective notes of the selected participant:"), 3, 0, 1, 3)
        grid.addWidget(self.reflection, 4, 0, 1, 3)
        grid.addWidget(self.save_reflection, 5, 2)
        grid.setColumnStretch(0, 1)

    def show_activity(self, activity: ActivityDTO | None) -> None:
        self.activity = activity
        self.setEnabled(activity is not None)
        if activity is None:
            return
        fill_combo(self.person, [(f"{p.name} ({p.description})", p.id)
                                 for p in self.runner.call(people.list_people, active_only=True)])
        self.table.setRowCount(len(activity.participants))
        for row, p in enumerate(activity.participants):
            values = (p.name, PARTICIPANT_ROLE_LABELS.get(p.role, p.role), SECTOR_LABELS.get(p.sector, p.sector),
                      p.organisation)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.person_id)
                self.table.setItem(row, column, item)
        self._show_reflection()

    def _current(self):  # noqa: ANN202 - a ParticipantDTO or None
        row = self.table.currentRow()
        if self.activity is None or not 0 <= row < len(self.activity.participants):
            return None
        return self.activity.participants[row]

    def _show_reflection(self) -> None:
        current = self._current()
        self.reflection.setEnabled(current is not None)
        self.save_reflection.setEnabled(current is not None)
        self.reflection.setPlainText(current.reflection if current else "")

    def _stored(self, stored: Outcome[ActivityDTO], person_id: int | None = None) -> None:
        """Shows the stored activity, with `person_id`'s row chosen (after an add or a saved reflection)."""
        if not stored:
            return
        activity = stored.value
        self.show_activity(activity)
        row = next((n for n, p in enumerate(activity.participants) if p.person_id == person_id), -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        self.changed.emit(activity)

    def add_participant(self) -> None:
        person_id = self.person.currentData()
        if self.activity is not None and person_id is not None:
            self._stored(self.ops.change("Add participant", "activity", activities.set_participant,
                                         activity_id=self.activity.id, person_id=person_id,
                                         role=self.role.currentData()), person_id)

    def remove_participant(self) -> None:
        current = self._current()
        if current is not None:
            self._stored(self.ops.change("Remove participant", "activity", activities.remove_participant,
                                         activity_id=self.activity.id, person_id=current.person_id))

    def store_reflection(self) -> None:
        current = self._current()
        if current is not None:
            self._stored(self.ops.change("Save reflection", "activity", activities.set_participant,
                                         activity_id=self.activity.id, person_id=current.person_id, role=current.role,
                                         reflection=self.reflection.toPlainText()), current.person_id)
