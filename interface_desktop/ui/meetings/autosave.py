"""Saves typed minutes a moment after typing pauses, every few seconds while it does not, on leaving a field or
item, and when the editor goes away; every keystroke also goes to the recovery journal meanwhile."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from interface_desktop.services.meetings import agenda
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.meetings.journal import MinutesJournal
from interface_desktop.ui.operations import Operations

DEBOUNCE_MS = 1200
MAX_WAIT_MS = 2000  # steady typing never pauses for DEBOUNCE_MS: it is saved this often all the same
SYNC_MS = 500  # the journal reaches the disk at most this often (the operating system has each line at once)


class PendingMinutes:
    """Plain Python (no widgets), so it can still save after the widgets holding the text are destroyed."""

    def __init__(self, runner: ServiceRunner, journal: MinutesJournal | None = None):
        self.ops = Operations(runner, None, report=self._refused)
        self.journal = journal
        self.texts: dict[int, tuple[str, str]] = {}  # agenda item id -> (discussion, decisions)
        self.error = ""

    def note(self, item_id: int, discussion: str, decisions: str) -> None:
        self.texts[item_id] = (discussion, decisions)
        if self.journal is not None:
            self.journal.record(item_id, "discussion", discussion)
            self.journal.record(item_id, "decisions", decisions)

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
            if not saved:
                continue
            if self.journal is not None:
                self.journal.saved(item_id, "discussion", discussion)
                self.journal.saved(item_id, "decisions", decisions)
            if self.texts.get(item_id) == (discussion, decisions):
                del self.texts[item_id]
        if self.journal is not None:
            self.journal.compact()
        return not self.texts

    def _refused(self, _title: str, exc: Exception) -> None:
        self.error = str(exc)  # the text stays pending; the editor shows why


class MinutesAutosaver(QObject):
    """`note()` on every keystroke; `state_changed(text)` reports "Unsaved…", "Saved 14:02:11" or the error.

    `journal_failed(text)` says, once, that the recovery journal cannot be written (the minutes are still saved).
    """

    state_changed = Signal(str)
    saved = Signal()
    journal_failed = Signal(str)

    def __init__(self, runner: ServiceRunner, owner: QObject):
        super().__init__(owner)
        self.pending = PendingMinutes(runner, runner.journal)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        self.deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self.deadline.timeout.connect(self.flush)
        self.sync_timer = QTimer(self, singleShot=True, interval=SYNC_MS)
        self.sync_timer.timeout.connect(self.sync_journal)
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
        if not self.deadline.isActive():
            self.deadline.start()
        if self.pending.journal is not None and not self.sync_timer.isActive():
            self.sync_timer.start()
        self._report_journal()

    def has_pending(self) -> bool:
        return bool(self.pending.texts)

    def sync_journal(self) -> None:
        if self.pending.journal is not None:
            self.pending.journal.sync()
            self._report_journal()

    def flush(self) -> bool:
        self.timer.stop()
        self.deadline.stop()
        if not self.pending.texts:
            return True
        ok = self.pending.flush()
        if ok:
            self.state_changed.emit(f"All changes saved {datetime.now():%H:%M:%S}")
            self.saved.emit()
        else:
            self.state_changed.emit(f"⚠ Not saved: {self.pending.error}")
        self._report_journal()
        return ok

    def _report_journal(self) -> None:
        failure = self.pending.journal.take_failure() if self.pending.journal is not None else ""
        if failure:
            self.journal_failed.emit(f"Minutes are saved every few seconds, but what is typed between saves cannot "
                                     f"be kept for recovery after a crash: {failure}")
