"""File menu data safety in the real main window: back up now, restore, check, backup folder, status bar."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from interface_desktop.db import sqlite_adapter
from interface_desktop.db.maintenance import Maintenance
from interface_desktop.paths import preferred_backup_dir, with_backup_dir
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.safety.restore_dialog import RestoreDialog


@pytest.fixture
def runner(db, app_paths) -> ServiceRunner:  # Database and AppPaths fixtures
    """As the composition root builds it: with the data-safety operations for the open database."""
    return ServiceRunner(db.session_scope, location=str(db.file), maintenance=Maintenance(db, app_paths.backup_dir))


@pytest.fixture
def group_id(runner) -> int:
    return runner.call(groups.create_group, name="Fife Interface Group", board="FF").id


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]


def _wait_message(qtbot, safety) -> QMessageBox:
    qtbot.waitUntil(lambda: safety.message is not None and safety.message.isVisible(), timeout=20000)
    return safety.message


def test_file_menu_has_the_backup_entries_before_quit(qtbot, make_window, group_id):
    window = make_window()
    texts = _menu_texts(window)
    wanted = ["&Back up now", "&Restore from backup…", "&Check database", "Backup &folder…", "&Open backups folder"]
    assert texts[texts.index("&Back up now"):texts.index("&Back up now") + 5] == wanted
    assert texts[-1] == "&Quit"
    assert all(a.isEnabled() for a in window.menus["file"].actions())
    assert window.data_safety.last_label.text() == "No backup yet"


def test_back_up_now_writes_a_verified_backup_and_updates_the_status_bar(qtbot, make_window, group_id, app_paths):
    window = make_window()
    safety = window.data_safety
    safety.backup_action.trigger()
    qtbot.waitUntil(lambda: safety.last_label.text().startswith("Last backup: "), timeout=20000)
    written = list(app_paths.backup_dir.glob("*-manual.sqlite3"))
    assert len(written) == 1
    assert sqlite_adapter.integrity_problems(written[0]) == []
    info = window.runner.maintenance.last_backup()
    assert safety.last_label.text() == f"Last backup: {info.taken_at:%d/%m/%Y %H:%M}"
    assert safety.last_label.toolTip() == str(written[0])


def test_restore_replaces_the_data_and_pages_reload(qtbot, make_window, group_id, monkeypatch):
    window = make_window()
    backup = window.runner.maintenance.backup_now()
    window.runner.call(groups.create_group, name="Tayside Interface Group", board="TY")
    window.signals.data_changed.emit("group")
    assert window.group_combo.count() == 3  # All groups, Fife, Tayside
    safety = window.data_safety
    offered = []

    def choose():
        dialog = RestoreDialog(window.runner.maintenance.list_backups(), window.runner.maintenance.backup_dir, window)
        offered.extend(dialog.list.topLevelItem(n).text(1) for n in range(dialog.list.topLevelItemCount()))
        dialog.reject()
        return backup.path

    safety.choose_backup = choose
    safety.confirm_restore = lambda source: True
    refreshed = []
    monkeypatch.setattr(window.pages, "mark_changed", lambda kind: refreshed.append(kind))
    safety.restore_action.trigger()
    box = _wait_message(qtbot, safety)
    assert offered == ["Backed up by hand"]
    assert box.text().startswith(f"Restored {backup.path.name}.")
    assert "-pre-restore.sqlite3" in box.text()
    assert [window.group_combo.itemText(n) for n in range(window.group_combo.count())] == \
        ["All groups", "Fife Interface Group"]
    assert [g.name for g in window.runner.call(groups.list_groups)] == ["Fife Interface Group"]
    assert "all" in refreshed
    box.close()


def test_restore_dialog_lists_backups_newest_first_with_reason_and_size(qtbot, runner, group_id):
    runner.maintenance.backup_now()
    backups = runner.maintenance.list_backups()
    dialog = RestoreDialog(backups, runner.maintenance.backup_dir)
    qtbot.addWidget(dialog)
    row = dialog.list.topLevelItem(0)
    assert row.text(1) == "Backed up by hand"
    assert row.text(2).endswith(" KB")
    assert row.text(0) == f"{backups[0].taken_at:%a %d/%m/%Y %H:%M}"
    dialog.restore_button.click()
    assert dialog.chosen == backups[0].path


def test_check_database_says_ok(qtbot, make_window, group_id):
    window = make_window()
    window.data_safety.check_action.trigger()
    box = _wait_message(qtbot, window.data_safety)
    assert box.text() == "The database is OK."
    assert "all ok" in box.informativeText()
    box.close()


def test_check_database_shows_a_broken_reference(qtbot, make_window, group_id, db):
    issue = make_window().runner.call(
        issues.create_issue, group_id=group_id, title="Results", raised_by_role="GP", raised_by_sector="primary",
        direction="secondary_to_primary", category="results")
    conn = sqlite3.connect(db.file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE interface_issue SET group_id = 999 WHERE id = ?", (issue.id,))
    conn.commit()
    conn.close()
    window = make_window()
    window.data_safety.check_action.trigger()
    box = _wait_message(qtbot, window.data_safety)
    assert box.text() == "The check found 1 problem."
    assert "PROBLEM: interface_issue row" in box.informativeText()
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()


def test_backup_folder_applies_now_and_at_next_start(qtbot, make_window, group_id, tmp_path, app_paths):
    window = make_window()
    folder = tmp_path / "home drive" / "backups"
    assert window.data_safety.use_folder(folder)
    assert window.runner.maintenance.backup_dir == folder
    window.data_safety.back_up_now()
    qtbot.waitUntil(lambda: window.data_safety.last_label.text().startswith("Last backup"), timeout=20000)
    assert len(list(folder.glob("*-manual.sqlite3"))) == 1
    # The UI preferences sit in tmp_path (see conftest); the composition root reads the choice from there.
    assert preferred_backup_dir(tmp_path) == folder
    assert with_backup_dir(app_paths.__class__(app_paths.data_dir, tmp_path, app_paths.backup_dir, False),
                           None).backup_dir == folder


def test_a_folder_that_cannot_be_written_is_refused(qtbot, make_window, group_id, tmp_path):
    window = make_window()
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert not window.data_safety.use_folder(blocker / "backups")
    box = _wait_message(qtbot, window.data_safety)
    assert "cannot be written" in box.text()
    assert window.runner.maintenance.backup_dir != blocker / "backups"
    box.close()


def test_read_only_and_server_databases_cannot_back_up_or_restore(qtbot, make_window, group_id, runner,
                                                                     monkeypatch):
    monkeypatch.setattr(runner.maintenance.database, "read_only", True)
    window = make_window()
    safety = window.data_safety
    assert not safety.backup_action.isEnabled() and not safety.restore_action.isEnabled()
    assert "read-only" in safety.restore_action.toolTip()
    assert safety.check_action.isEnabled()
    monkeypatch.setattr(Maintenance, "db_file", property(lambda self: None))
    window = make_window()
    assert not any(a.isEnabled() for a in (window.data_safety.backup_action, window.data_safety.open_action))
    assert "database server" in window.data_safety.backup_action.toolTip()
    assert not window.data_safety.last_label.isVisibleTo(window)


def test_no_maintenance_leaves_only_disabled_entries(qtbot, db, group_id, qapp):
    from interface_desktop.ui.main_window import MainWindow

    window = MainWindow(ServiceRunner(db.session_scope, location=str(Path(db.file))))
    qtbot.addWidget(window)
    assert not window.data_safety.check_action.isEnabled()


def test_the_backup_taken_before_an_upgrade_is_offered_with_the_schema_it_went_to(qtbot, app_paths):
    from interface_desktop.app import open_app_database
    from interface_desktop.db.migrate import head_revision
    from tests.test_migrations import _make_first_revision_database

    path = app_paths.data_dir / "board.sqlite3"
    _make_first_revision_database(path)
    database = open_app_database(str(path), paths=app_paths, defer_daily_backup=True)
    try:
        dialog = RestoreDialog(Maintenance(database, app_paths.backup_dir).list_backups(), app_paths.backup_dir)
        qtbot.addWidget(dialog)
        assert dialog.list.topLevelItemCount() == 1
        assert dialog.list.topLevelItem(0).text(1) == f"Before upgrade to schema {head_revision()}"
    finally:
        database.dispose()
