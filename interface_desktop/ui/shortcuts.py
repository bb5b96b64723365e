"""The keyboard shortcuts a secretary needs, as shown by Help > Keyboard shortcuts."""

from __future__ import annotations

SHORTCUTS = (
    ("Ctrl+F", "Search everything (meetings, minutes, actions, issues, people)"),
    ("Ctrl+S", "Save now (minutes also save themselves as you type)"),
    ("Ctrl+N", "New meeting"),
    ("Ctrl+1 … Ctrl+8", "Go to Dashboard, Meetings, Actions …"),
    ("F5", "Refresh"),
    ("Ctrl+Enter", "Minutes: next agenda item"),
    ("Ctrl+Shift+Enter", "Minutes: previous agenda item"),
    ("Ctrl+Shift+A", "Minutes: add an action (description, owner, due date; Enter adds it)"),
    ("Alt+Up / Alt+Down", "Agenda: move the selected item up or down"),
    ("Insert / Delete", "Agenda: add or remove an item"),
    ("Ctrl+Tab", "Meeting editor: next tab"),
)

SHORTCUTS_HTML = "<table cellpadding='3'>" + "".join(
    f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in SHORTCUTS) + "</table>"
