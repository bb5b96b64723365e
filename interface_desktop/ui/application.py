"""Starts Qt and shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from interface_desktop import APP_NAME, __version__
from interface_desktop.paths import resource
from interface_desktop.services.runner import ServiceRunner
from interface_desktop.ui import integrity_check
from interface_desktop.ui import settings as prefs


def run(runner: ServiceRunner, *, exit_after_start: bool = False, settings_file: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("InterfaceDesktop")
    app.setWindowIcon(QIcon(str(resource("icons", "interface-desktop.png"))))
    if settings_file is not None:
        prefs.use_file(settings_file)
    from interface_desktop.ui.main_window import MainWindow

    window = MainWindow(runner)
    window.show()
    if runner.maintenance is not None and not exit_after_start:
        # Reading every page of the file waited for the window; the daily backup follows once it has passed.
        QTimer.singleShot(0, lambda: integrity_check.start(window, then=lambda: _daily_backup(window, runner)))
    if exit_after_start:
        # The first page is built and loaded in the constructor; quit once the window has been painted.
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
    return app.exec()


def _daily_backup(window, runner: ServiceRunner) -> None:  # noqa: ANN001 - the MainWindow
    """Today's automatic backup on a worker once the window is up; a failure is reported, never fatal."""
    def failed(exc: Exception) -> None:
        window.signals.status_message.emit(f"Today's automatic backup could not be written: {exc}")

    window.tasks.start("Backing up the database…", runner.maintenance.daily_backup, lambda _info: None, failed)
