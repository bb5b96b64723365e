"""Help > Keyboard shortcuts: every key the window answers to, read from its actions and shortcuts themselves."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

# Keys Qt's own widgets answer to: no action of the app stands behind them, so they are named here.
BUILT_IN = "Qt's own keys work too: Ctrl+Tab moves between a meeting's tabs, F2 edits a table cell."


@dataclass(frozen=True)
class Binding:
    keys: str  # as the platform writes them (Ctrl+Shift+H)
    what: str  # "Meeting › Mark as held", "Minutes: next agenda item"
    scope: QObject  # where the key works: the window for menu commands, else the widget that owns it


def _plain(text: str) -> str:
    """Menu text as read: "&&" is an ampersand, "&" before a letter only marks its Alt key."""
    return re.sub("&(.)", r"\1", text).rstrip("…").strip()


def _menu_path(action: QAction) -> str:
    """"Meeting › Mark as held": the menu the action sits in, then its text."""
    menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
    return f"{_plain(menus[0].title())} › {_plain(action.text())}" if menus else _plain(action.text())


def bindings(window: QWidget) -> list[Binding]:
    """Every key sequence bound in the window: its QActions (menus, toolbar) and its QShortcuts (pages)."""
    found = []
    for action in window.findChildren(QAction):
        scope = action.parent() if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut else window
        found += [Binding(keys.toString(QKeySequence.SequenceFormat.NativeText), _menu_path(action), scope)
                  for keys in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        scope = window if shortcut.context() == Qt.ShortcutContext.WindowShortcut else shortcut.parent()
        sequences = shortcut.keys()  # a QShortcut's key sequences (a list, not a mapping)
        found += [Binding(keys.toString(QKeySequence.SequenceFormat.NativeText), shortcut.whatsThis(), scope)
                  for keys in sequences]
    return found


def shortcuts_html(found: list[Binding]) -> str:
    """One row per command, its keys together (Ctrl+Return, Ctrl+Enter), menu commands first."""
    keys_of: dict[str, list[str]] = {}
    for binding in sorted(found, key=lambda b: ("›" not in b.what, b.what)):
        keys_of.setdefault(binding.what, [])
        if binding.keys not in keys_of[binding.what]:
            keys_of[binding.what].append(binding.keys)
    rows = "".join(f"<tr><td><b>{html.escape(' / '.join(keys))}</b></td><td>{html.escape(what)}</td></tr>"
                   for what, keys in keys_of.items())
    return f"<table cellpadding='3'>{rows}</table><p>{html.escape(BUILT_IN)}</p>"


class ShortcutsDialog(QDialog):
    def __init__(self, found: list[Binding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.text = QTextBrowser()
        self.text.setAccessibleName("Keyboard shortcuts")
        self.text.setHtml(shortcuts_html(found))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(close)
        # Tall enough for the list on a laptop screen, scrolled beyond that.
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 34)
