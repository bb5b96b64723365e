"""Feature modules that add menus, toolbar buttons and dialogs to the main window, and what they may use of it.

Each named module has `install(window: ExtensionWindow)`, called once after the main window is built. An
extension keeps what it installs on the window under its own name (`window.data_safety`, …), where tests and
other extensions reach it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QStatusBar, QToolBar, QWidget

    from interface_desktop.services.core.runner import ServiceRunner
    from interface_desktop.ui.page_host import PageHost
    from interface_desktop.ui.signals import AppSignals
    from interface_desktop.ui.tasks import TaskRunner

EXTENSIONS: tuple[str, ...] = (
    "interface_desktop.ui.documents.export_controller",
    "interface_desktop.ui.imports.action_import",
    "interface_desktop.ui.safety.data_safety",
    "interface_desktop.ui.safety.history_dialog",
)
# Installed only when the database is open read-only: otherwise their code is not even loaded.
READ_ONLY_EXTENSIONS: tuple[str, ...] = (
    "interface_desktop.ui.safety.read_only",
)


def extensions_for(runner: ServiceRunner) -> tuple[str, ...]:
    return EXTENSIONS + (READ_ONLY_EXTENSIONS if runner.read_only else ())


@runtime_checkable
class ExtensionWindow(Protocol):
    """The main window as an extension sees it. It is a QMainWindow, so also the parent of an extension's
    objects and dialogs; of the rest, an extension uses only what is named here."""

    runner: ServiceRunner
    signals: AppSignals
    tasks: TaskRunner  # slow work, shown in the status bar's busy indicator
    menus: dict[str, QMenu]  # "file", "edit", "view", "meeting", "export", "tools", "help"
    toolbar: QToolBar
    pages: PageHost
    new_meeting_action: QAction
    save_action: QAction

    def current_group_id(self) -> int | None: ...

    def reload_groups(self, select: int | None = None) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # Qt API

    def takeCentralWidget(self) -> QWidget: ...  # Qt API

    def setCentralWidget(self, widget: QWidget) -> None: ...  # Qt API
