"""How service errors reach the user: one message box for actions, field messages beside the inputs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from interface_desktop.services.core.errors import ServiceError, ValidationError


def show_error(parent: QWidget | None, title: str, exc: Exception) -> None:
    """Service errors are written for people; anything else is a bug and says so."""
    text = str(exc) if isinstance(exc, ServiceError) else f"Something went wrong: {exc!r}"
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str = "Delete") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


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
