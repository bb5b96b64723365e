"""Base for record editors: fields with validation messages beside them, and an unsaved-changes prompt."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QSpinBox, QTextEdit, QVBoxLayout, QWidget,
)

from interface_desktop.services.errors import ServiceError, ValidationError


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    # A symbol and bold text in the palette's own colour stay readable in dark and high-contrast themes.
    label.setStyleSheet("font-weight: bold;")
    return label


def watch(widget: QWidget, callback) -> None:  # noqa: ANN001 - any slot
    """Call `callback` whenever the user changes the input."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(callback)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.textChanged.connect(callback)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(callback)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(callback)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(callback)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(callback)


class FieldForm(QWidget):
    """A form whose rows are named after service fields, each with an error line under its input."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, box)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.fields[name] = widget
        self.errors[name] = error
        return widget


class RecordDialog(QDialog):
    """Subclasses build `self.form`, then implement `save() -> bool` (True when stored)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, apply: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.dirty = False
        self.general_error = error_label()
        buttons = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(buttons | QDialogButtonBox.StandardButton.Apply if apply else buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if apply:
            self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self._forms: list[FieldForm] = []

    def track(self, form: FieldForm) -> FieldForm:
        self._forms.append(form)
        for widget in form.fields.values():
            watch(widget, self.mark_dirty)
        return form

    def lay_out(self, *parts: QWidget, size: tuple[int, int]) -> None:
        """Stack the parts (the last one takes the spare height), then messages and buttons; start clean."""
        column = QVBoxLayout(self)
        for part in parts:
            column.addWidget(part, 1 if part is parts[-1] else 0)
        column.addWidget(self.general_error)
        column.addWidget(self.buttons)
        self.dirty = False
        self.resize(*size)

    def mark_dirty(self, *_: object) -> None:
        self.dirty = True

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        leftovers = []
        first: QWidget | None = None
        for field, message in errors.items():
            form = next((f for f in self._forms if field in f.errors), None)
            if form is None:
                leftovers.append(f"{field.replace('_', ' ')}: {message}")
                continue
            form.errors[field].setText("\u26a0 " + message[:1].upper() + message[1:])
            form.errors[field].setVisible(True)
            first = first or form.fields[field]
        self.general_error.setText("\n".join("\u26a0 " + line for line in leftovers))
        self.general_error.setVisible(bool(leftovers))
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        for form in self._forms:
            for label in form.errors.values():
                label.setVisible(False)
        self.general_error.setVisible(False)

    def run_service(self, fn, *args, **kwargs):  # noqa: ANN001, ANN201 - passes through any call
        """Call a service; on a validation error show it beside the fields and return None."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.show_errors(exc.errors)
        except ServiceError as exc:
            self.show_errors({"": str(exc)})
        return None

    def save(self) -> bool:
        raise NotImplementedError

    def apply(self) -> bool:
        """Save and stay open (so parts that need a stored record, like participants, can be added)."""
        if self.save():
            self.dirty = False
            self.after_apply()
            return True
        return False

    def after_apply(self) -> None:
        """Subclasses refresh what depends on the stored record."""

    def accept(self) -> None:
        if self.save():
            self.dirty = False
            super().accept()

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self, "Unsaved changes", "You have changes that are not saved. Save them before closing?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.accept()
                return
        super().reject()

    def text_editors(self) -> dict[str, QPlainTextEdit | QTextEdit]:
        """Free-text inputs by field name, for the patient-identifier highlighter to attach to."""
        return {name: widget for form in self._forms for name, widget in form.fields.items()
                if isinstance(widget, (QPlainTextEdit, QTextEdit))}

    def form_errors(self, field: str) -> str:
        """The message shown beside `field` ('' when none)."""
        for form in self._forms:
            if field in form.errors and form.errors[field].isVisibleTo(self):
                return form.errors[field].text()
        return ""
