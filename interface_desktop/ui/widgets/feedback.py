"""How errors reach the user: a message box for commands, messages under the inputs they concern."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from interface_desktop.services.core.errors import ServiceError, ValidationError


def error_text(exc: Exception) -> str:
    """Service errors are written for people; anything else is a bug and says so."""
    return str(exc) if isinstance(exc, ServiceError) else f"Something went wrong: {exc!r}"


def show_error(parent: QWidget | None, title: str, exc: Exception) -> None:
    QMessageBox.warning(parent, title, error_text(exc))


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    # A symbol and bold text in the palette's own colour stay readable in dark and high-contrast themes.
    label.setStyleSheet("font-weight: bold;")
    return label


def shown_in(label: QLabel, then: Callable[[], object] = lambda: None) -> Callable[[str, Exception], None]:
    """A report (see ui.operations) that writes each message on its own line in `label`, then calls `then`."""
    def report(_title: str, exc: Exception) -> None:
        messages = exc.errors.values() if isinstance(exc, ValidationError) else [error_text(exc)]
        label.setText("\n".join(f"\u26a0 {m[:1].upper()}{m[1:]}" for m in messages))
        label.setVisible(True)
        then()
    return report


class FieldErrors:
    """Error labels placed under inputs; `show(exc)` fills those named in a ValidationError."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label_for(self, field: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setObjectName("fieldError")
        label.setAccessibleName(f"{field} error")
        label.hide()
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def report(self, parent: QWidget, title: str, exc: Exception) -> None:
        """A report (see ui.operations): validation messages beside their fields; any other error, and messages
        for fields not on this form, in one message box."""
        if not isinstance(exc, ValidationError):
            show_error(parent, title, exc)
            return
        unplaced = self.show(exc)
        if unplaced:
            show_error(parent, title, ServiceError("; ".join(unplaced)))

    def show(self, exc: ValidationError) -> list[str]:
        """Shows each message beside its field; returns the messages with no field on this form."""
        self.clear()
        unplaced = []
        for field, message in exc.errors.items():
            label = self.labels.get(field)
            if label is None:
                unplaced.append(f"{field}: {message}")
                continue
            label.setText(f"⚠ {message}")
            label.show()
        return unplaced
