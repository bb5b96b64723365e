"""The dialog shown when the database cannot be opened as it is: what is wrong and the ways out."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from interface_desktop import APP_NAME

RESTORE, READ_ONLY, QUIT = "restore", "read_only", "quit"


class StartupProblemDialog(QMessageBox):
    """Explains the problem in plain words; offers to restore the latest backup or open read-only."""

    def __init__(self, title: str, message: str, *, backup: str | None = None, offer_read_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: {title}")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(f"<b>{title}</b>")
        details = [message[:1].upper() + message[1:] + "."]
        details.append("Nothing has been written to the file.")
        if backup:
            details.append(f"The latest backup is {backup}. Restoring it keeps a copy of the current file.")
        self.setInformativeText("\n\n".join(details))
        self._choices: dict[object, str] = {}
        if backup:
            self._add("Restore latest backup", QMessageBox.ButtonRole.AcceptRole, RESTORE)
        if offer_read_only:
            self._add("Open read-only", QMessageBox.ButtonRole.AcceptRole, READ_ONLY)
        quit_button = self._add("Quit", QMessageBox.ButtonRole.RejectRole, QUIT)
        self.setDefaultButton(quit_button)
        self.setEscapeButton(quit_button)

    def _add(self, text: str, role: QMessageBox.ButtonRole, choice: str):  # noqa: ANN202 - QPushButton
        button = self.addButton(text, role)
        self._choices[button] = choice
        return button

    def choice(self) -> str:
        return self._choices.get(self.clickedButton(), QUIT)


def ask(title: str, message: str, *, backup: str | None = None, offer_read_only: bool = False) -> str:
    """Show the dialog before the main window exists; returns RESTORE, READ_ONLY or QUIT."""
    QApplication.instance() or QApplication(sys.argv)
    dialog = StartupProblemDialog(title, message, backup=backup, offer_read_only=offer_read_only)
    dialog.exec()
    return dialog.choice()
