"""A meeting's details: title, date and time, length, close time, venue or call link, chair, minute taker, status,
notes."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget,
)

from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.feedback import FieldErrors
from interface_desktop.ui.widgets.forms import set_combo_data
from interface_desktop.vocab import MEETING_STATUS_LABELS


def close_time_edit() -> QTimeEdit:
    """When the chair closed the meeting; 00:00 stands for "not recorded" (no meeting closes at midnight)."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setSpecialValueText("Not recorded")
    edit.setToolTip("When the chair closed the meeting; the minutes end 'The meeting closed at …'")
    return edit


class DetailsTab(QWidget):
    """Edits are kept until saved (Ctrl+S or Save details); `dirty` drives the unsaved-changes prompt."""

    saved = Signal(object)  # MeetingDTO
    _loading = False  # True while filling the form, so that is not taken for the user's edits

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = Operations(runner, self, signals=signals, report=self._refused)
        self.meeting: MeetingDTO | None = None
        self.dirty = False
        self.errors = FieldErrors()
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Interface Group meeting (leave empty for the group's name)")
        self.starts_at = QDateTimeEdit()
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat("dddd dd/MM/yyyy HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.closed_at = close_time_edit()
        self.location = QLineEdit()
        self.call_link = QLineEdit()
        self.call_link.setPlaceholderText("Teams or other call link, if any")
        self.chair, self.minute_taker, self.status = QComboBox(), QComboBox(), QComboBox()
        for code, label in MEETING_STATUS_LABELS.items():
            self.status.addItem(label, code)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.save_button = QPushButton("&Save details")
        self.save_button.clicked.connect(self.save)
        self.state = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addLayout(buttons)
        layout.addStretch(1)
        for signal in (self.title.textEdited, self.location.textEdited, self.call_link.textEdited,
                       self.starts_at.dateTimeChanged, self.duration.valueChanged, self.notes.textChanged,
                       self.closed_at.timeChanged,
                       self.chair.currentIndexChanged, self.minute_taker.currentIndexChanged,
                       self.status.currentIndexChanged):
            signal.connect(self._edited)

    def _form(self) -> QFormLayout:
        """Each field with its error line beneath it."""
        form = QFormLayout()
        rows = (("&Title", self.title, "title"), ("&Date and time", self.starts_at, "starts_at"),
                ("&Length", self.duration, "duration_minutes"), ("Closed a&t", self.closed_at, "closed_at"),
                ("&Venue", self.location, "location"),
                ("Call lin&k", self.call_link, "call_link"), ("C&hair", self.chair, "chair_id"),
                ("Minute ta&ker", self.minute_taker, "minute_taker_id"), ("&Status", self.status, "status"),
                ("N&otes", self.notes, "notes"))
        for caption, widget, field in rows:
            widget.setAccessibleName(caption.replace("&", ""))
            form.addRow(caption + ":", widget)
            form.addRow("", self.errors.label_for(field))
        return form

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True
            self.state.setText("Unsaved changes (Ctrl+S saves)")

    def set_meeting(self, meeting: MeetingDTO, people: list[PersonChoice]) -> None:
        self._loading = True
        self.meeting = meeting
        for combo in (self.chair, self.minute_taker):
            combo.clear()
            combo.addItem("(not set)", 0)
            for person in people:
                combo.addItem(person.name, person.id)
        self.title.setText(meeting.title)
        self.starts_at.setDateTime(QDateTime(meeting.starts_at))
        self.duration.setValue(meeting.duration_minutes)
        closed = meeting.closed_at
        self.closed_at.setTime(QTime(closed.hour, closed.minute) if closed else self.closed_at.minimumTime())
        self.location.setText(meeting.location)
        self.call_link.setText(meeting.call_link)
        set_combo_data(self.chair, meeting.chair_id or 0)
        set_combo_data(self.minute_taker, meeting.minute_taker_id or 0)
        set_combo_data(self.status, meeting.status)
        self.notes.setPlainText(meeting.notes)
        self._loading = False
        self.dirty = False
        self.errors.clear()
        self.state.setText("")

    def _fields(self) -> dict:
        starts: datetime = self.starts_at.dateTime().toPython()
        starts = starts.replace(second=0, microsecond=0)
        return dict(title=self.title.text(), starts_at=starts, closed_at=self._closed(starts),
                    duration_minutes=self.duration.value(), location=self.location.text(),
                    call_link=self.call_link.text(), chair_id=self.chair.currentData() or None,
                    minute_taker_id=self.minute_taker.currentData() or None, notes=self.notes.toPlainText())

    def _closed(self, starts: datetime) -> datetime | None:
        """The close time on the meeting's day (one before the start is refused beside the field)."""
        chosen = self.closed_at.time()
        if chosen == self.closed_at.minimumTime():
            return None
        return datetime.combine(starts.date(), time(chosen.hour(), chosen.minute()))

    def save(self) -> bool:
        """Saves when changed; a failed save keeps every typed value and shows the message beside the field."""
        if not self.dirty or self.meeting is None:
            return True
        stored = self.ops.change("Meeting details", "meeting", _store, self.meeting.id, self._fields(),
                                 self.status.currentData())
        if not stored:
            return False
        updated = stored.value
        self.errors.clear()
        self.meeting = updated
        self.dirty = False
        self.state.setText("Saved")
        self.saved.emit(updated)
        return True

    def _refused(self, title: str, exc: Exception) -> None:
        """Every typed value is kept; messages go beside their fields."""
        if isinstance(exc, ValidationError):
            self.state.setText("Not saved: please correct the fields marked ⚠")
        self.errors.report(self, title, exc)


def _store(session, meeting_id: int, fields: dict, status: str) -> MeetingDTO:  # noqa: ANN001 - a Session
    """The details and a changed status are saved together or not at all."""
    updated = meetings.update_meeting(session, meeting_id, **fields)
    if status != updated.status:
        updated = meetings.set_status(session, meeting_id, status)
    return updated
