"""Builds the main window's pages on first show, from the registry, and keeps track of stale ones."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.view import View
from interface_desktop.ui.registry import VIEWS

@dataclass
class PageEntry:
    module: str
    class_name: str
    title: str
    page: View | None = None
    stale: bool = False

    @property
    def key(self) -> str:
        """The module's last part: what the saved last page names, so settings outlive a package move."""
        return self.module.rpartition(".")[2]

    @property
    def cls(self) -> type[View]:
        """Imported on first use, so start-up loads only the page it shows."""
        return getattr(importlib.import_module(self.module), self.class_name)


def available_entries(views: tuple[tuple[str, str, str], ...] = VIEWS) -> list[PageEntry]:
    """Registry entries whose module exists (a view that has not landed yet is simply not shown)."""
    return [PageEntry(module, class_name, title) for module, class_name, title in views if _exists(module)]


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its package is missing too
        return False


class PageHost(QStackedWidget):
    """The stack of pages; `page(n)` builds page n the first time it is needed."""

    def __init__(self, runner: ServiceRunner, signals: AppSignals, window: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.window_ = window
        self.entries = available_entries()
        self.group_id: int | None = None
        for entry in self.entries:
            # A placeholder until first shown; seen only while a first page waits for the data layer.
            waiting = QLabel(f"Opening {entry.title}…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            waiting.setEnabled(False)
            self.addWidget(waiting)

    def built(self) -> list[View]:
        return [e.page for e in self.entries if e.page is not None]

    def page(self, n: int) -> View:
        entry = self.entries[n]
        if entry.page is None:
            page = entry.cls(self.runner, self.signals, self)
            install = getattr(page, "install_window", None)
            if install is not None:
                install(self.window_)
            page.restore_state(prefs.store())
            placeholder = self.widget(n)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            self.insertWidget(n, page)
            entry.page = page
            page.set_group(self.group_id)
        return entry.page

    def show_page(self, n: int) -> View:
        page = self.page(n)
        self.setCurrentIndex(n)
        entry = self.entries[n]
        if entry.stale:
            entry.stale = False
            page.refresh()
        return page

    def current_page(self) -> View | None:
        n = self.currentIndex()
        return self.entries[n].page if 0 <= n < len(self.entries) else None

    def index_of_module(self, name: str) -> int:
        """The page whose module is `name`, given whole or by its last part ("meetings_view")."""
        return next((n for n, e in enumerate(self.entries) if name in (e.module, e.key)), -1)

    def index_for_kind(self, kind: str) -> int:
        return next((n for n, e in enumerate(self.entries) if kind in e.cls.kinds), -1)

    def set_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        for n, entry in enumerate(self.entries):
            if entry.page is None:
                continue
            if n == self.currentIndex():
                entry.page.set_group(group_id)
            else:
                entry.page.group_id = group_id
                entry.stale = True

    def mark_changed(self, kind: str) -> None:
        """Hidden pages refresh when next shown; the visible one now, unless it follows changes itself."""
        for n, entry in enumerate(self.entries):
            if entry.page is None:
                continue
            if n == self.currentIndex() and not getattr(entry.page, "follows_changes", False):
                entry.page.refresh()
            elif n != self.currentIndex():
                entry.stale = True

    def save_state(self) -> None:
        for page in self.built():
            page.save_state(prefs.store())
