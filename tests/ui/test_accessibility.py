"""Every input on the shell's and meeting editor's screens has a name a screen reader can announce."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings

INPUTS = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView)


def unnamed_inputs(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget.parent(), INPUTS):
            continue  # the line edit inside a combo or spin box is announced as its owner
        if isinstance(widget.parent(), QWidget) and widget.parent().inherits("QComboBoxPrivateContainer"):
            continue  # a combo's drop-down list
        if not widget.accessibleName() and id(widget) not in buddies:
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_first_run_inputs_are_named(make_window):
    window = make_window()
    assert unnamed_inputs(window._first_run) == []


def test_shell_dashboard_and_meeting_editor_inputs_are_named(make_window, runner):
    g = runner.call(groups.create_group, name="Shetland Interface Group", board="SH")
    m = runner.call(meetings.create_meeting, group_id=g.id, starts_at=datetime(2026, 12, 2, 14, 0))
    window = make_window()
    window.open_record("meeting", m.id)
    editor = window.pages.current_page().editor
    editor.minutes.open_inline_action()
    assert unnamed_inputs(window) == []


def test_the_check_finds_an_unnamed_input(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    named, unnamed, labelled = QLineEdit(root), QLineEdit(root), QComboBox(root)
    named.setAccessibleName("Title")
    QLabel("&Group:", root).setBuddy(labelled)
    assert unnamed_inputs(root) == ["QLineEdit in QWidget"]
    assert unnamed is not None
