"""Saves typed minutes a moment after typing pauses, on leaving a field or item, and when the editor goes away."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from interface_desktop.services.meetings import agenda
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations

DEBOUNCE_MS = 1200


class PendingMinutes:
    """Plain Python (no widgets), so it can still save after the widgets holding the text are destroyed."""

    def __init__(self, runner: ServiceRunner):
        self.ops = Operations(runner, None, report=self._refused)
        self.texts: dict[int, tuple[str, str]] = {}  # agenda item id -> (discussion, decisions)
        self.error = ""

    def note(self, item_id: int, discussion: str, decisions: str) -> None:
        self.texts[item_id] = (discussion, decisions)

    def flush(self) -> bool:
        """Writes every pending item; what fails to save stays pending (and `error` says why)."""
        self.error = ""
        for item_id, (discussion, decisions) in list(self.texts.items()):
            try:
                # Nothing announced here: this also runs as the editor goes away. MinutesAutosaver.saved tells.
                saved = self.ops.change("Save minutes", (), agenda.save_minutes, item_id=item_id,
                                        discussion=discussion, decisions=decisions)
            except Exception as exc:  # noqa: BLE001 - a locked or unreachable database: keep the text, retry later
                self.error = f"the database could not be written ({exc.__class__.__name__}); retrying as you type"
                continue
            if saved and self.texts.get(item_id) == (discussion, decisions):
                del self.texts[item_id]
        return not self.texts

    def _refused(self, _title: str, exc: Exception) -> None:
        self.error = str(exc)  # the text stays pending; the editor shows why


class MinutesAutosaver(QObject):
    """`note()` on every keystroke; `state_changed(text)` reports "Unsaved…", "Saved 14:02:11" or the error."""

    state_changed = Signal(str)
    saved = Signal()

    def __init__(self, runner: ServiceRunner, owner: QObject):
        super().__init__(owner)
        self.pending = PendingMinutes(runner)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        pending = self.pending
        # Closing the window, quitting, or the owner being destroyed without a save: write what was typed.
        owner.destroyed.connect(lambda *_: pending.flush())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    def note(self, item_id: int, discussion: str, decisions: str) -> None:
        self.pending.note(item_id, discussion, decisions)
        self.state_changed.emit("Unsaved changes…")
        self.timer.start()

    def has_pending(self) -> bool:
        return bool(self.pending.texts)

    def flush(self) -> bool:
        self.timer.stop()
        if not self.pending.texts:
            return True
        ok = self.pending.flush()
        if ok:
            self.state_changed.emit(f"All changes saved {datetime.now():%H:%M:%S}")
            self.saved.emit()
        else:
            self.state_changed.emit(f"⚠ Not saved: {self.pending.error}")
        return ok
