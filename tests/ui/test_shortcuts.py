"""Keyboard shortcuts: none bound twice where both would answer, every one described in Help."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtWidgets import QDialog

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents.kinds import KINDS
from interface_desktop.ui import shortcuts
from interface_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db) -> MainWindow:
    window = MainWindow(ServiceRunner(demo_db.session_scope, location=str(demo_db.file)))
    qtbot.addWidget(window)
    window.show()
    for n in range(len(window.pages.entries)):  # every page built, so every shortcut exists
        window.pages.page(n)
    return window


def test_no_key_is_bound_twice_in_one_context(window):
    by_keys = defaultdict(list)
    for binding in shortcuts.bindings(window):
        by_keys[binding.keys].append(binding)
    assert len(by_keys) > 30
    for keys, found in by_keys.items():
        scopes = [b.scope for b in found]
        # A window-wide key would make a page's key of the same name ambiguous (Qt then runs neither).
        assert len(set(map(id, scopes))) == len(scopes), (keys, [b.what for b in found])
        assert window not in scopes or len(scopes) == 1, (keys, [b.what for b in found])


def test_lifecycle_commands_and_every_document_have_keys(window):
    commands = window.meeting_commands
    for action in (commands.mark_held, commands.circulate, commands.approve, commands.next_meeting,
                   *commands.exports.values()):
        assert not action.shortcut().isEmpty(), action.text()
    assert all(kind.shortcut for kind in KINDS.values())
    described = {b.what for b in shortcuts.bindings(window)}
    assert {"Export › Action log", "Export › Quarterly report", "Issues: SEA report of the selected issue",
            "Meeting › Mark as held", "Meeting › Approve minutes"} <= described


def test_help_lists_every_binding_and_describes_each(window, qtbot, monkeypatch):
    shown = {}

    def exec_(dialog: QDialog) -> int:
        shown["text"] = dialog.text.toPlainText()
        return 0

    monkeypatch.setattr(shortcuts.ShortcutsDialog, "exec", exec_)
    window._show_shortcuts()
    found = shortcuts.bindings(window)
    assert all(b.what for b in found), [b.keys for b in found if not b.what]
    for binding in found:
        assert binding.keys in shown["text"] and binding.what in shown["text"]
    assert "Ctrl+Shift+H" in shown["text"] and "Minutes: next agenda item" in shown["text"]
