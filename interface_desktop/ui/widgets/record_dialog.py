"""Base for record editors: fields with validation messages beside them, and an unsaved-changes prompt."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QTextEdit, QVBoxLayout, QWidget,
)

from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.safety.privacy_highlighter import PrivacyWatch
from interface_desktop.ui.widgets.confirm import ask_to_save
from interface_desktop.ui.widgets.feedback import error_label
from interface_desktop.ui.widgets.modal import open_freed

# Read-only mode (ui.safety.read_only) locks every input inside a widget carrying EDITOR_PROPERTY (record
# dialogs, the meeting editor), except the buttons carrying SAFE_PROPERTY (History…, Open…).
EDITOR_PROPERTY = "recordEditor"
SAFE_PROPERTY = "readOnlySafe"


def watch(widget: QWidget, callback) -> None:  # noqa: ANN001 - any slot
    """Call `callback` whenever the user changes the input."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(callback)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        # The identifier highlighter re-lays out text, which emits textChanged with nothing edited; only
        # an edit sets the document's modified flag (cleared when a record is loaded or saved).
        widget.textChanged.connect(lambda: widget.document().isModified() and callback())
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
        self.columns: dict[str, QVBoxLayout] = {}

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
        self.columns[name] = column
        return widget

    def add_note(self, name: str, note: QWidget) -> None:
        """A line under a field's input (and its error), e.g. what the identifier check found."""
        self.columns[name].addWidget(note)


class RecordDialog(QDialog):
    """Subclasses build `self.form`, then implement `save() -> bool` (True when stored).

    Given a runner, the dialog stores through `self.ops` (ui.operations): a refused save shows its messages
    beside the fields, and what changed is held in `ops.held` for the page that opened the dialog to announce.
    Those that override `record_key()` get a "History…" button; `watch_identifiers()` marks possible
    patient identifiers in free-text fields as the user types.
    """

    def __init__(self, title: str, parent: QWidget | None = None, *, apply: bool = False,
                 runner: ServiceRunner | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setProperty(EDITOR_PROPERTY, True)
        self.runner = runner
        self.ops = Operations(runner, self, report=self._report) if runner is not None else None
        self.dirty = False
        self.history_button: QPushButton | None = None
        self.privacy_notes: dict[str, PrivacyWatch] = {}
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
        if type(self).record_key is not RecordDialog.record_key:
            self.history_button = self.buttons.addButton("&History…", QDialogButtonBox.ButtonRole.HelpRole)
            self.history_button.setProperty(SAFE_PROPERTY, True)
            self.history_button.setToolTip("Every recorded change to this record: who, when, old and new values")
            self.history_button.clicked.connect(self.show_history)
            self._update_history_button()
        self.mark_clean()
        self.resize(*size)

    # -- history --------------------------------------------------------------------------------
    def record_key(self) -> tuple[str, int] | None:
        """(kind, id) of the stored record, or None while it is new: its history, and the row the page selects."""
        return None

    def _update_history_button(self) -> None:
        if self.history_button is not None:
            self.history_button.setEnabled(self.record_key() is not None)

    def show_history(self) -> None:
        from interface_desktop.ui.safety.history_dialog import HistoryDialog

        key = self.record_key()
        if key is not None:
            self.history_dialog = open_freed(HistoryDialog(self.runner, *key, self))

    # -- patient identifiers ----------------------------------------------------------------------
    def watch_identifiers(self, fields: tuple[str, ...], *, names: bool) -> None:
        """Highlight findings in these free-text fields, with a note under each naming what was found."""
        for form in self._forms:
            for name in fields:
                widget = form.fields.get(name)
                if isinstance(widget, (QPlainTextEdit, QTextEdit)):
                    self.privacy_notes[name] = PrivacyWatch(widget, names=names)
                    form.add_note(name, self.privacy_notes[name].note)

    def mark_dirty(self, *_: object) -> None:
        self.dirty = True

    def mark_clean(self) -> None:
        """Saved: nothing to ask about on close until the user edits again."""
        self.dirty = False
        for widget in self.text_editors().values():
            widget.document().setModified(False)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        leftovers = []
        first: QWidget | None = None
        for field, message in errors.items():
            form = next((f for f in self._forms if field in f.errors), None)
            if form is None:
                leftovers.append(f"{field.replace('_', ' ')}: {message}" if field else message)
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

    def _report(self, _title: str, exc: Exception) -> None:
        """A refused save: validation messages beside their fields, any other message under the form."""
        self.show_errors(exc.errors if isinstance(exc, ValidationError) else {"": str(exc)})

    def save(self) -> bool:
        raise NotImplementedError

    def apply(self) -> bool:
        """Save and stay open (so parts that need a stored record, like participants, can be added)."""
        if self.save():
            self.mark_clean()
            self.after_apply()
            self._update_history_button()
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
            answer = ask_to_save(self, "You have changes that are not saved. Save them before closing?")
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

    def ask_about_identifiers(self, entity: str, entity_id: int | None, texts: dict[str, str]):  # noqa: ANN201
        """Before saving free text: possible patient identifiers are redacted, kept with a recorded reason, or the
        save is cancelled (None). Returns the privacy_prompt.Decision: the texts to store and what to record."""
        from interface_desktop.ui.safety.privacy_prompt import check_before_save

        editors = self.text_editors()
        labels = {name: editors[name].accessibleName() or name for name in texts if name in editors}
        return check_before_save(self, self.runner, entity, entity_id, texts, labels)

    def show_stored_texts(self, texts: dict[str, str]) -> None:
        """After a save, the fields show what was stored (the redacted text, when the user chose that)."""
        editors = self.text_editors()
        for name, text in texts.items():
            widget = editors.get(name)
            if widget is not None and widget.toPlainText() != text:
                widget.setPlainText(text)
        self.mark_clean()

    def form_errors(self, field: str) -> str:
        """The message shown beside `field` ('' when none)."""
        for form in self._forms:
            if field in form.errors and form.errors[field].isVisibleTo(self):
                return form.errors[field].text()
        return ""
