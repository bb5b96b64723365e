"""A second instance gets the database read-only: a banner says who holds it and editing is switched off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from interface_desktop.app import open_app_database
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.core.errors import ReadOnlyError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.issues.issue_editor import IssueEditor
from tests.support.ui_records_fixtures import make_records

REASON = "the database is in use by jsmith on PC-123 since 09:14"


@pytest.fixture
def records(db):  # written by the first instance (the `db` fixture holds the lock)
    return make_records(db, n_actions=2)


@pytest.fixture
def runner(records, db, app_paths):
    """The second instance's runner: the same file opened read-only, as the composition root does."""
    second = open_app_database(str(db.file), paths=app_paths, read_only=True)
    yield ServiceRunner(second.session_scope, location=str(second.file), read_only=True, read_only_reason=REASON)
    second.dispose()


def test_banner_names_the_holder_and_window_commands_are_off(qtbot, make_window):
    window = make_window()
    banner = window.read_only_guard.banner
    assert banner.isVisible()
    text = window.read_only_guard.banner_label.text()
    assert "Read-only." in text and "jsmith on PC-123 since 09:14" in text and "close Interface Desktop there" in text
    assert not window.new_meeting_action.isEnabled() and not window.save_action.isEnabled()
    assert not window.action_import.menu_action.isEnabled()


def test_pages_disable_new_and_delete_but_keep_open(qtbot, make_window):
    window = make_window()
    page = window.show_module("issues_view")
    buttons = {b.text().replace("&", ""): b.isEnabled() for b in page.findChildren(QPushButton)}
    assert buttons["New issue"] is False and buttons["Open…"] is True
    assert not any(enabled for text, enabled in buttons.items() if text.startswith("Delete"))


def test_record_editor_is_view_only(qtbot, make_window, runner, records):
    window = make_window()
    page = window.show_module("issues_view")
    editor = IssueEditor(runner, runner.call(issues.get_issue, records.issue_id), parent=page)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle().endswith("(read-only)")
    assert editor.title.isReadOnly() and editor.text_editors()["description"].isReadOnly()
    assert not editor.severity.isEnabled() and not editor.has_sea.isEnabled()
    assert not editor.buttons.button(QDialogButtonBox.StandardButton.Save).isVisible()
    assert not editor.buttons.button(QDialogButtonBox.StandardButton.Apply).isVisible()
    assert editor.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Close"
    assert editor.history_button.isEnabled()
    editor.title.setReadOnly(False)  # code that unlocks an input is overruled
    assert editor.title.isReadOnly()
    editor.reject()


def test_a_write_that_slips_through_gets_a_plain_message(runner):
    with pytest.raises(ReadOnlyError, match="open read-only here.*jsmith on PC-123"):
        runner.call(groups.create_group, name="Fife Interface Group", board="FF")


def test_tables_edited_in_place_open_no_editor(qtbot, make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    window = make_window()
    page = window.show_module("actions_view")
    table = page.findChild(QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    index = table.model().index(0, 4)
    table.setCurrentIndex(index)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() != QAbstractItemView.State.EditingState
