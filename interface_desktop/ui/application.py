"""Starts Qt and shows the main window."""

from __future__ import annotations

import builtins
import json
import linecache
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from interface_desktop import APP_NAME, __version__
from interface_desktop.paths import resource
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import PLAIN_IMPORT
from interface_desktop.ui.safety import integrity_check
from interface_desktop.ui import settings as prefs

# Where to note when the first window was painted and when every command was ready (the benchmarks read it).
TIMINGS_ENV = "INTERFACE_DESKTOP_TIMINGS"


def run(runner: ServiceRunner, *, exit_after_start: bool = False, settings_file: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("InterfaceDesktop")
    app.setWindowIcon(QIcon(str(resource("icons", "interface-desktop.png"))))
    if settings_file is not None:
        prefs.use_file(settings_file)
    runner.import_context = plain_imports  # also when the first page shown needs the data layer at once
    from interface_desktop.ui.main_window import MainWindow

    window = MainWindow(runner)
    window.show()
    after_first_paint(window, lambda: _finish_start(app, window, runner, exit_after_start))
    return app.exec()


def _finish_start(app: QApplication, window, runner: ServiceRunner, exit_after_start: bool) -> None:  # noqa: ANN001
    """Once the dashboard is on screen: load the data layer, then check the file and take the daily backup."""
    note_time("first_paint")
    # The source text PySide6's import hook read for the window's own modules is of no further use; freed
    # now, its memory goes to the data layer instead of adding to the peak.
    linecache.clearcache()
    runner.load()
    window.data_layer_loaded()
    note_time("ready")
    if exit_after_start:
        window.close()
        app.quit()
    elif runner.maintenance is not None:
        # Reading every page of the file waited for the window; the daily backup follows once it has passed.
        integrity_check.start(window, then=lambda: _daily_backup(window, runner))


@contextmanager
def plain_imports() -> Iterator[None]:
    """Imports in this block use Python's own `__import__`, not the one PySide6 installs.

    PySide6's reads the whole source of every module imported after it, to see whether the module mentions
    PySide6 (for its optional `__feature__` switches, which this app does not use), and the text stays in
    memory. The data layer (SQLAlchemy, the models, the hooks) never touches Qt: imported plainly it loads
    about 50 ms sooner and holds about 18 MiB less (benchmarks/ measures both).
    """
    if PLAIN_IMPORT is None:
        yield
        return
    installed, builtins.__import__ = builtins.__import__, PLAIN_IMPORT
    try:
        yield
    finally:
        builtins.__import__ = installed


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self.then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        # A window manager that never exposes the window must not leave the app half loaded.
        QTimer.singleShot(2000, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.Paint and self.then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._go)  # after this paint has finished
        return False

    def _go(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once `widget` has been painted for the first time."""
    _FirstPaint(widget, then)


def note_time(event: str) -> None:
    target = os.environ.get(TIMINGS_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"event": event, "time": time.time()}) + "\n")


def _daily_backup(window, runner: ServiceRunner) -> None:  # noqa: ANN001 - the MainWindow
    """Today's automatic backup on a worker once the window is up; a failure is reported, never fatal."""
    def failed(exc: Exception) -> None:
        window.signals.status_message.emit(f"Today's automatic backup could not be written: {exc}")

    window.tasks.start("Backing up the database…", runner.maintenance.daily_backup,
                       lambda _info: window.signals.backups_changed.emit(), failed)
