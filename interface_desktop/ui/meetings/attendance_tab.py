"""The attendance register: members and guests, present / apologies / absent / in attendance, interests, quorum."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QStyle, QTableView,
    QVBoxLayout, QWidget,
)

from interface_desktop.services.meetings import attendance
from interface_desktop.services.people import lookups, people
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.ui.operations import Operations
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from interface_desktop.ui.widgets.feedback import show_error
from interface_desktop.ui.meetings.attendance_model import (
    COL_DECLARATION, COL_NAME, COL_ORGANISATION, COL_STATUS, AttendanceModel,
)
from interface_desktop.ui.meetings.person_combo import person_combo
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.tables import EmptyHint, record_table
from interface_desktop.vocab import ATTENDANCE_LABELS

# One key per status while the register has focus: fast during the roll call.
STATUS_KEYS = {"P": "present", "A": "apologies", "X": "absent", "I": "in_attendance"}


class AttendanceTab(QWidget):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.ops = Operations(runner, self, signals=signals)
        self.meeting: MeetingDTO | None = None
        self.model = AttendanceModel(self)
        self.model.status_requested.connect(self.set_status)
        self.model.declaration_requested.connect(self._set_declaration)
        self.table = self._register_table()
        self.quorum_icon, self.quorum, self.counts = QLabel(), QLabel(), QLabel()
        self.quorum.setAccessibleName("Quorum")
        self.all_present = QPushButton("Mark the rest &present")
        self.all_present.setToolTip("Everyone whose attendance is not recorded yet is marked present")
        self.all_present.clicked.connect(self.mark_rest_present)
        self.guest = person_combo("Guest to add")
        self.add_guest = QPushButton("Add &guest")
        self.add_guest.clicked.connect(self.add_selected_guest)
        self.guest.lineEdit().returnPressed.connect(self.add_selected_guest)
        self._people_by_name: dict[str, int] = {}
        self.remove_guest = QPushButton("Remo&ve guest")
        self.remove_guest.clicked.connect(self.remove_selected_guest)
        self._lay_out()

    def _register_table(self) -> QTableView:
        table = record_table(self.model, "Attendance register", COL_ORGANISATION, COL_DECLARATION)
        EmptyHint(table, "The group has no members yet — add them in Groups, or a guest below")
        triggers = QAbstractItemView.EditTrigger
        table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
        table.setItemDelegateForColumn(COL_STATUS, ChoiceDelegate(ATTENDANCE_LABELS, "Attendance", table))
        for key, status in STATUS_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setWhatsThis(f"Attendance register: mark {ATTENDANCE_LABELS[status].lower()}")
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=status: self._key_status(s))
        return table

    def _lay_out(self) -> None:
        self.quorum.setWordWrap(True)
        self.counts.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.quorum_icon)
        top.addWidget(self.quorum, 1)
        top.addWidget(self.all_present)
        guests = QHBoxLayout()
        guest_label = QLabel("Guest or officer in attendance:")
        guest_label.setBuddy(self.guest)
        for widget in (guest_label, self.guest, self.add_guest, self.remove_guest):
            guests.addWidget(widget)
        guests.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(guests)
        hint = QLabel("With the register focused: P present, A apologies, X absent, I in attendance; "
                      "F2 on a declaration to record an interest.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def set_meeting(self, meeting: MeetingDTO, people: list[PersonChoice]) -> None:
        self.meeting = meeting
        self.model.set_locked(meeting.locked)
        for widget in (self.all_present, self.guest, self.add_guest, self.remove_guest):
            widget.setEnabled(not meeting.locked)
        self.guest.clear()
        self.guest.addItem("", 0)
        for person in people:
            self.guest.addItem(f"{person.name} ({person.description})", person.id)
        self._people_by_name = {person.name.casefold(): person.id for person in people}
        self.reload()

    def reload(self, keep_person: int | None = None) -> None:
        assert self.meeting is not None
        index = self.table.currentIndex()
        keep = keep_person or (self.model.row_dto(index.row()).person_id if index.isValid() else None)
        self.model.set_rows(self.runner.call(attendance.register, self.meeting.id))
        row = self.model.row_of_person(keep) if keep else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, COL_NAME))
        self._show_quorum()

    def _show_quorum(self) -> None:
        assert self.meeting is not None
        q = self.runner.call(attendance.quorum, self.meeting.id)
        icon = QStyle.StandardPixmap.SP_DialogApplyButton if q.met else QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.fontMetrics().height()
        self.quorum_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.quorum.setText(q.summary)
        self.quorum.setToolTip(f"Counted as secondary-care clinicians: {', '.join(q.secondary_roles) or 'no role'}. "
                               "The minute-taker is in attendance and not counted.")
        counts = self.model.counts()
        self.counts.setText(" · ".join(f"{label}: {counts[code]}" for code, label in ATTENDANCE_LABELS.items())
                            + (f" · Not recorded: {counts['']}" if counts[""] else ""))

    def set_status(self, person_id: int, status: str) -> None:
        assert self.meeting is not None
        self.ops.change("Attendance", "attendance", attendance.set_attendance, meeting_id=self.meeting.id,
                        person_id=person_id, status=status)
        self.reload(person_id)

    def _key_status(self, status: str) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.model.locked:
            self.set_status(self.model.row_dto(index.row()).person_id, status)
            below = self.model.index(min(index.row() + 1, self.model.rowCount() - 1), index.column())
            self.table.setCurrentIndex(below)

    def _set_declaration(self, person_id: int, text: str) -> None:
        assert self.meeting is not None
        row = self.model.row_dto(self.model.row_of_person(person_id))
        self.ops.change("Declaration of interest", "attendance", attendance.set_attendance, meeting_id=self.meeting.id,
                        person_id=person_id, status=row.status or "present", declaration=text)
        self.reload(person_id)

    def mark_rest_present(self) -> None:
        assert self.meeting is not None
        self.ops.change("Attendance", "attendance", attendance.add_members, meeting_id=self.meeting.id,
                        status="present")
        self.reload()

    def add_selected_guest(self) -> None:
        assert self.meeting is not None
        typed = self.guest.currentText().strip()
        index = self.guest.findText(typed, Qt.MatchFlag.MatchFixedString)
        person_id = self.guest.itemData(index) if index > 0 else self._people_by_name.get(typed.casefold())
        if not typed:
            show_error(self, "Add guest", ServiceError("Choose a person from the list, or type a new guest's name."))
            return
        person_id = person_id or self._add_person(typed)
        if not person_id:
            return
        if self.ops.change("Add guest", "attendance", attendance.set_attendance, meeting_id=self.meeting.id,
                           person_id=person_id, status="in_attendance"):
            self.guest.setCurrentIndex(0)
        self.reload(person_id)

    def _add_person(self, name: str) -> int | None:
        """A name nobody in People has: offered as a new person, prefilled; their id once added."""
        from interface_desktop.ui.meetings.new_guest_dialog import NewGuestDialog

        dialog = NewGuestDialog(name, self.runner.call(lookups.list_lookups, kind="person_role"), self)
        while dialog.exec():  # a refused entry (no name) keeps the dialog, and what was typed, open
            created = self.ops.change("New guest", "person", people.create_person, **dialog.fields())
            if created:
                self._people_by_name[created.value.name.casefold()] = created.value.id
                return created.value.id
        return None

    def remove_selected_guest(self) -> None:
        assert self.meeting is not None
        index = self.table.currentIndex()
        if not index.isValid() or not self.model.row_dto(index.row()).is_guest:
            show_error(self, "Remove guest", ServiceError("Select a guest in the register first."))
            return
        row = self.model.row_dto(index.row())
        self.ops.change("Remove guest", "attendance", attendance.remove_attendance, meeting_id=self.meeting.id,
                        person_id=row.person_id)
        self.reload()

    def save_state(self, settings: QSettings) -> None:
        prefs.set_value(prefs.ATTENDANCE_COLUMNS, self.table.horizontalHeader().saveState(), settings)

    def restore_state(self, settings: QSettings) -> None:
        self.table.horizontalHeader().restoreState(prefs.value(prefs.ATTENDANCE_COLUMNS, settings))
