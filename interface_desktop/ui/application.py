"""Starts Qt and shows the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from interface_desktop import APP_NAME, __version__
from interface_desktop.services import groups
from interface_desktop.services.runner import ServiceRunner


def run(runner: ServiceRunner, *, exit_after_start: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    count = len(runner.call(groups.list_groups))
    window.setCentralWidget(QLabel(f"{count} group(s) in {runner.location}"))
    window.resize(1000, 700)
    window.show()
    if exit_after_start:
        QTimer.singleShot(0, app.quit)
    return app.exec()
