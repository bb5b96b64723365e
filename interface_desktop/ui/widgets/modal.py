"""Dialogs that free themselves once closed: a day of opening and cancelling editors must not grow memory.

A dialog made with the window as its parent lives as long as the window unless it is deleted, and a record
editor holds megabytes of widgets. `run_modal` is `exec()` that hands the dialog to Qt for deletion once the
caller's handler has returned to the event loop (so the caller still reads what was chosen); `open_freed` is
`open()` for a dialog deleted as soon as it closes (its finished signal still reaches the caller first).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """`dialog.exec()`; the dialog is deleted once control is back in the event loop."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def open_freed(dialog: QDialog) -> QDialog:
    """`dialog.open()` (window-modal, returns at once); the dialog is deleted when it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
