"""File > Import actions from Excel…: choose a tracker, preview it, import it into a group."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from interface_desktop.ui import settings as prefs
from interface_desktop.ui.extensions import ExtensionWindow
from interface_desktop.ui.lazy import lazy_module

if TYPE_CHECKING:
    from interface_desktop.ui.imports.action_import_dialog import ActionImportDialog

groups = lazy_module("interface_desktop.services.people.groups")


def install(window: ExtensionWindow) -> None:
    window.action_import = ActionImportCommand(window)


class ActionImportCommand:
    """The File menu entry; keeps the open dialog in `dialog` (tests and screenshots reach it there)."""

    def __init__(self, window: ExtensionWindow):
        self.window = window
        self.dialog: ActionImportDialog | None = None
        self.message: QMessageBox | None = None
        menu = window.menus["file"]
        action = QAction("&Import actions from Excel…", window)
        action.triggered.connect(lambda _=False: self.start())
        # Before the separator that ends the file commands, so Quit stays last.
        separator = next((a for a in menu.actions() if a.isSeparator()), None)
        if separator is not None:
            menu.insertAction(separator, action)
        else:
            menu.addAction(action)
        self.menu_action = action

    def start(self, path: Path | None = None) -> ActionImportDialog | None:
        if self.window.runner.read_only:
            return self._tell("The database is open read-only; actions cannot be imported.")
        group_list = self.window.runner.call(groups.list_groups)
        if not group_list:
            return self._tell("Create a group first: imported actions belong to a group.")
        if path is None:
            folder = prefs.value(prefs.EXPORT_FOLDER) or str(Path.home())
            chosen, _ = QFileDialog.getOpenFileName(self.window, "Import actions from an Excel tracker", folder,
                                                    "Spreadsheets (*.xlsx *.csv);;All files (*)")
            if not chosen:
                return None
            path = Path(chosen)
        current = self.window.current_group_id() or group_list[0].id
        from interface_desktop.ui.imports.action_import_dialog import ActionImportDialog

        self.dialog = ActionImportDialog(self.window, path, group_list, current)
        self.dialog.open()
        self.dialog.load()
        return self.dialog

    def _tell(self, text: str) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Information, "Import actions", text,
                                   QMessageBox.StandardButton.Ok, self.window)
        self.message.open()
        return None
