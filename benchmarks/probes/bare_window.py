"""The start-up baseline: a bare PySide6 script that shows an empty QMainWindow, then quits."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1200, 800)
    window.show()
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, app.quit)
    app.exec()
    return {}
