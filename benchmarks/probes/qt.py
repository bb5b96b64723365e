"""Qt helpers shared by the GUI probes: a window to show things in, and waiting until a widget has painted."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TIMEOUT = 60.0


def application() -> QApplication:
    return QApplication.instance() or QApplication(sys.argv)  # type: ignore[return-value]


def window(central: QWidget) -> QMainWindow:
    win = QMainWindow()
    win.setCentralWidget(central)
    win.resize(1400, 850)
    return win


class PaintWatch(QObject):
    """Counts paint events of one widget, so a probe can wait for the next frame that shows new data."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False

    def wait(self, ready: Callable[[], bool] = lambda: True) -> None:
        """Processes events until `ready()` holds and a paint has happened after that."""
        app, deadline = application(), time.perf_counter() + TIMEOUT
        while not ready():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the data never arrived")
        seen = self.paints
        while self.paints == seen:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the widget never painted")
