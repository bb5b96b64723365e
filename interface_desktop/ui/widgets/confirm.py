"""Questions asked before a step that cannot be taken back: delete, approve, restore, or close unsaved work."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from interface_desktop.ui.widgets.modal import run_modal


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str = "Delete", detail: str = "",
            warning: bool = False) -> bool:
    """True when the user chose `yes`; Cancel is the default, so Enter alone never destroys anything."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, parent)
    if detail:
        box.setInformativeText(detail)
    ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    run_modal(box)
    return box.clickedButton() is ok


def confirm_delete(parent: QWidget, what: str, consequences: str = "") -> bool:
    """Ask before deleting; `what` names the record, `consequences` lists what goes with it."""
    return confirm(parent, "Confirm delete", f"Delete {what}?", warning=True,
                   detail=(consequences + "\n\n" if consequences else "") + "This cannot be undone.")


def ask_to_save(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for edits not saved yet; Save is the default."""
    buttons = QMessageBox.StandardButton
    return QMessageBox.question(parent, "Unsaved changes", text, buttons.Save | buttons.Discard | buttons.Cancel,
                                buttons.Save)
