"""Confirmation prompts that say exactly what will be removed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_delete(parent: QWidget, what: str, consequences: str = "") -> bool:
    """Ask before deleting; `what` names the record, `consequences` lists what goes with it."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Confirm delete", f"Delete {what}?", parent=parent)
    box.setInformativeText((consequences + "\n\n" if consequences else "") + "This cannot be undone.")
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete
