"""Runs slow service work on a worker thread and reports back on the UI thread, with a busy indicator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Worker code: calls the function and hands the result over; it never touches a widget."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI thread to be shown
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class TaskRunner(QObject):
    """`tasks.start("Loading…", fn, on_done, on_error)`; `busy_changed(label)` drives the progress indicator."""

    busy_changed = Signal(str)  # the label of the running task, or "" when idle

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._running: dict[int, tuple[_Relay, str]] = {}

    def start(self, label: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[Exception], None]) -> None:
        relay = _Relay()
        key = id(relay)
        self._running[key] = (relay, label)

        def done(result: Any) -> None:
            self._finish(key)
            on_done(result)

        def failed(exc: Exception) -> None:
            self._finish(key)
            on_error(exc)

        relay.finished.connect(done)
        relay.failed.connect(failed)
        self.busy_changed.emit(label)
        self.pool.start(_Job(fn, relay))

    def _finish(self, key: int) -> None:
        self._running.pop(key, None)
        labels = [label for _, label in self._running.values()]
        self.busy_changed.emit(labels[-1] if labels else "")

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Used at shutdown and in tests: lets running jobs finish."""
        return self.pool.waitForDone(msecs)
