"""At start-up, offers back minutes that the recovery journal holds and the database does not."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from interface_desktop.services.core.errors import NotFoundError, ServiceError
from interface_desktop.services.meetings.journal import FIELDS, JournalEntry, MinutesJournal
from interface_desktop.ui.lazy import lazy_module
from interface_desktop.ui.widgets.feedback import show_error

if TYPE_CHECKING:
    from interface_desktop.services.meetings.agenda import AgendaItemDTO
    from interface_desktop.services.meetings.meetings import MeetingDTO

# Imported when the journal holds something to offer: an empty journal costs start-up nothing.
agenda = lazy_module("interface_desktop.services.meetings.agenda")
meetings = lazy_module("interface_desktop.services.meetings.meetings")

RESTORE, DISCARD, KEEP = "restore", "discard", "keep"
CAPTIONS = {"discussion": "Discussion", "decisions": "Decisions"}


class RecoveredMinutesDialog(QDialog):
    """Shows what was typed and never saved for one agenda item; `ask()` returns RESTORE, DISCARD or KEEP.

    Approved (locked) minutes, or an item deleted since, cannot take the text: it is shown for copying instead.
    """

    def __init__(self, entries: dict[str, JournalEntry], item: AgendaItemDTO | None, meeting: MeetingDTO | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Unsaved minutes")
        self.choice = KEEP  # closing the dialog loses nothing
        self.restorable = item is not None and meeting is not None and not meeting.locked
        self.message = QLabel(self._message(entries, item, meeting))
        self.message.setWordWrap(True)
        self.text = QPlainTextEdit("\n\n".join(f"{CAPTIONS[f]}:\n{entries[f].text}" for f in FIELDS if f in entries))
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Recovered minutes")
        self.buttons = QDialogButtonBox()
        self.choices: dict[str, QPushButton] = {}
        for choice, caption in ((RESTORE, "&Restore"), (DISCARD, "&Discard"), (KEEP, "&Keep for later")):
            if choice == RESTORE and not self.restorable:
                continue
            button = self.buttons.addButton(caption, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, choice=choice: self._choose(choice))
            self.choices[choice] = button
        self.copy_button = self.buttons.addButton("&Copy text", QDialogButtonBox.ButtonRole.HelpRole)
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.text.toPlainText()))
        self.choices[RESTORE if self.restorable else KEEP].setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 24)

    def _message(self, entries: dict[str, JournalEntry], item: AgendaItemDTO | None,
                 meeting: MeetingDTO | None) -> str:
        typed = max(entry.typed_at for entry in entries.values())
        when = f"{typed:%H:%M}" if typed.date() == date.today() else f"{typed:%H:%M} on {typed:%d/%m/%Y}"
        if item is None or meeting is None:
            return (f"Minutes typed at {when} were not saved when the app closed, and the agenda item they belong "
                    "to has since been deleted. Copy what you need from below.")
        where = f"{meeting.label}, item {item.number}. {item.title}"
        if meeting.locked:
            return (f"Minutes typed at {when} for {where} were not saved when the app closed. These minutes have "
                    "been approved and are locked, so they are not changed: copy what you need from below.")
        replaces = [CAPTIONS[f].lower() for f in entries if getattr(item, f)]
        note = (f" Restoring replaces the saved {' and '.join(replaces)} (the replaced text stays in the item's "
                "history).") if replaces else ""
        return f"Minutes typed at {when} for {where} were not saved when the app closed: restore them?{note}"

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def ask(self) -> str:
        self.exec()
        return self.choice


def offer_soon(window) -> None:  # noqa: ANN001 - the MainWindow
    """Once start-up has finished its own work, offers what the journal recovered (nothing when it is empty)."""
    if window.runner.journal is not None and not window.runner.read_only:
        QTimer.singleShot(0, lambda: offer_recovered_minutes(window))


def offer_recovered_minutes(window) -> None:  # noqa: ANN001 - the MainWindow
    journal: MinutesJournal = window.runner.journal
    by_item: dict[int, dict[str, JournalEntry]] = {}
    for entry in journal.recovered():
        by_item.setdefault(entry.item_id, {})[entry.field] = entry
    for item_id, entries in by_item.items():
        _offer_item(window, journal, item_id, entries)


def _offer_item(window, journal: MinutesJournal, item_id: int,  # noqa: ANN001 - the MainWindow
                entries: dict[str, JournalEntry]) -> None:
    runner = window.runner
    try:
        item: AgendaItemDTO | None = runner.call(agenda.get_agenda_item, item_id)
        meeting: MeetingDTO | None = runner.call(meetings.get_meeting, item.meeting_id)
    except NotFoundError:
        item = meeting = None
    changed = {f: e for f, e in entries.items() if item is None or e.text != getattr(item, f)}
    if not changed:
        journal.resolve(item_id)  # the database holds this text already
        return
    choice = RecoveredMinutesDialog(changed, item, meeting, window).ask()
    if choice == DISCARD:
        journal.resolve(item_id)
    if choice != RESTORE or item is None:
        return
    texts = {f: changed[f].text if f in changed else getattr(item, f) for f in FIELDS}
    try:
        runner.call(agenda.save_minutes, item_id=item_id, **texts)
    except ServiceError as exc:
        show_error(window, "The minutes could not be restored", exc)  # still in the journal for the next start
        return
    journal.resolve(item_id)
    window.signals.data_changed.emit("agenda")
    window.signals.status_message.emit(f"Restored the minutes of item {item.number}. {item.title}")
    window.signals.open_record.emit("agenda", item_id)
