"""The start-up baseline: a bare PySide6 script that shows an empty QMainWindow, notes its first paint, then quits.

It notes the time as the app does (ui.application.note_time), once the first paint event has been handled.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow):
        super().__init__(window)
        self.app, self.window = app, window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        target = os.environ.get("INTERFACE_DESKTOP_TIMINGS")
        if target:
            with open(target, "a", encoding="utf-8") as out:
                out.write(json.dumps({"event": "first_paint", "time": time.time()}) + "\n")
        self.window.close()
        self.app.quit()


def main() -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1200, 800)
    FirstPaint(app, window)
    window.show()
    app.exec()
    return {}
