"""Feature modules that add menus, toolbar buttons and dialogs to the main window.

Each named module has `install(window)`, called once after the main window is built. The window
offers `window.menus` (dict of "file", "edit", "view", "meeting", "export", "tools", "help" -> QMenu),
`window.runner`, `window.signals`, `window.current_group_id()` and `window.statusBar()`.
"""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = (
    "interface_desktop.ui.documents.export_controller",
    "interface_desktop.ui.imports.action_import",
    "interface_desktop.ui.safety.data_safety",
    "interface_desktop.ui.safety.history_dialog",
    "interface_desktop.ui.safety.read_only_mode",
)
