"""The base class every main-window page derives from. Each page is built as View(runner, signals, parent) with:

- `title`: the navigation label;
- `set_group(group_id: int | None)`: show only this group (None = all groups);
- `refresh()`: reload from services;
- `open_record(kind: str, record_id: int) -> bool`: show that record if this view owns the kind;
- `save_state(settings) / restore_state(settings)`: column widths, splitters, filters (QSettings);
- `ops`: how the page changes data (ui.operations), announcing each change on `signals`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.signals import AppSignals


class View(QWidget):
    title = ""
    kinds: tuple[str, ...] = ()  # record kinds this view opens

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.ops = Operations(runner, self, signals=signals)
        self.group_id: int | None = None

    def set_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def save_state(self, settings: QSettings) -> None:
        """Views with tables or splitters store their layout under their own settings group."""

    def restore_state(self, settings: QSettings) -> None:
        """Counterpart of save_state."""
