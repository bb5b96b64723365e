"""The bar for adding an action while minuting: description, owner, due date; Enter adds, Esc closes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from interface_desktop.services.core.clock import today
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.ui.widgets.forms import date_edit, date_value, set_date
from interface_desktop.ui.meetings.person_combo import person_combo

DEFAULT_DUE_DAYS = 28


class InlineActionBar(QFrame):
    """Emits `submitted(description, owner_id or 0, due date or None)`; the owner shows errors via show_error."""

    submitted = Signal(str, int, object)
    closed = Signal()

    def __init__(self, parent=None):  # noqa: ANN001 - any QWidget
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.description = QLineEdit()
        self.description.setPlaceholderText("Action agreed…")
        self.description.setAccessibleName("New action description")
        self.owner = person_combo("New action owner")
        self.owner.lineEdit().setPlaceholderText("Owner")
        self.due = date_edit(None, optional=True, none_text="No due date")
        self.due.setAccessibleName("New action due date")
        self.add = QPushButton("&Add action")
        self.add.clicked.connect(self.submit)
        close = QPushButton("Close")
        close.clicked.connect(self.close_bar)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        for label, widget, stretch in (("Action:", self.description, 3), ("Owner:", self.owner, 1),
                                       ("Due:", self.due, 0)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, stretch)
        row.addWidget(self.add)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(row)
        layout.addWidget(self.error)
        for widget in (self.description, self.owner, self.owner.lineEdit(), self.due):
            widget.installEventFilter(self)

    def set_people(self, people: list[PersonChoice]) -> None:
        self.owner.clear()
        self.owner.addItem("", 0)
        for person in people:
            self.owner.addItem(person.name, person.id)

    def open_bar(self) -> None:
        self.error.hide()
        if not self.description.text():
            set_date(self.due, today() + timedelta(days=DEFAULT_DUE_DAYS))
        self.show()
        self.description.setFocus()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def owner_id(self) -> int | None:
        """The person named in the owner box; None when it is empty; -1 when nobody has that name."""
        text = self.owner.currentText().strip()
        if not text:
            return None
        index = self.owner.findText(text, Qt.MatchFlag.MatchFixedString)
        return int(self.owner.itemData(index)) if index > 0 else -1

    def submit(self) -> None:
        owner = self.owner_id()
        if owner == -1:
            self.show_error(f"Owner: nobody called “{self.owner.currentText().strip()}”; add them in People first")
            self.owner.setFocus()
            return
        due: date | None = date_value(self.due)
        self.submitted.emit(self.description.text(), owner or 0, due)

    def show_error(self, message: str) -> None:
        self.error.setText(f"⚠ {message}")
        self.error.show()

    def reset(self) -> None:
        """After an action was added: ready for the next one, keeping the due date."""
        self.description.clear()
        self.owner.setCurrentIndex(0)
        self.owner.setEditText("")
        self.error.hide()
        self.description.setFocus()

    def _choosing(self, obj: QObject) -> bool:
        """Enter in the owner box with its list open picks the person rather than adding the action."""
        in_owner = obj in (self.owner, self.owner.lineEdit())
        return in_owner and (self.owner.view().isVisible() or self.owner.completer().popup().isVisible())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                    and not self._choosing(obj):
                self.submit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
