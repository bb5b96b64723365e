"""Base for the record pages: they refresh themselves when a kind they show changes, and run record dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.modal import run_modal
from interface_desktop.ui.widgets.view import View

if TYPE_CHECKING:
    from interface_desktop.ui.widgets.record_dialog import RecordDialog


class RecordView(View):
    follows_changes = True  # the page host leaves refreshing the visible page to the page itself
    watched_kinds: tuple[str, ...] = ()

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.signals.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, kind: str) -> None:
        # A hidden page inside the window is refreshed by the page host when it is next shown.
        if kind in self.watched_kinds and (self.isVisible() or self.parent() is None):
            self.refresh()

    def run_editor(self, editor: RecordDialog) -> bool:
        """Shows a record dialog; once it closes, announces what it changed. True when it changed anything.

        The editor is deleted once the caller has returned to the event loop: read what it stored before then.
        """
        run_modal(editor)
        assert editor.ops is not None, "a record dialog that stores needs a runner"
        self.ops.announce(*editor.ops.held)
        return bool(editor.ops.held)
