"""The full check deferred from start-up: sound files go on to the daily backup, damaged ones get the dialog."""

from __future__ import annotations

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.db import maintenance
from interface_desktop.services.people import groups
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.safety import integrity_check
from interface_desktop.ui.safety import startup_problem_dialog
from tests.test_damaged_files import _garbage_inside, saved  # noqa: F401 - the fixture


@pytest.fixture
def start_window(app_paths, qtbot):
    """Opens the file as the GUI does (quick look only) and builds the main window over it."""
    from interface_desktop.ui.main_window import MainWindow

    opened = []

    def start(db_file):
        database = open_app_database(str(db_file), paths=app_paths, defer_daily_backup=True, defer_full_check=True)
        opened.append(database)
        runner = ServiceRunner(database.session_scope, location=str(db_file),
                               maintenance=maintenance.Maintenance(database, app_paths.backup_dir))
        window = MainWindow(runner)
        qtbot.addWidget(window)
        window.show()
        return window

    yield start
    for database in opened:
        database.dispose()


def _answer(monkeypatch, choice: str) -> list[str]:
    shown: list[str] = []

    def exec_(box) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(startup_problem_dialog.StartupProblemDialog, "exec", exec_)
    monkeypatch.setattr(startup_problem_dialog.StartupProblemDialog, "choice", lambda box: choice)
    return shown


def test_a_sound_file_goes_on_to_the_daily_backup(saved, start_window, qtbot, monkeypatch):
    shown = _answer(monkeypatch, startup_problem_dialog.QUIT)
    window = start_window(saved[0])
    after = []
    integrity_check.start(window, then=lambda: after.append("backup"))
    qtbot.waitUntil(lambda: after == ["backup"], timeout=30000)
    assert shown == [] and window.isVisible()


def test_damage_found_after_start_is_explained_and_can_be_kept_read_only(saved, start_window, qtbot, monkeypatch):
    _garbage_inside(saved[0])
    shown = _answer(monkeypatch, startup_problem_dialog.READ_ONLY)
    window = start_window(saved[0])
    after = []
    integrity_check.start(window, then=lambda: after.append("backup"))
    qtbot.waitUntil(lambda: "damaged" in window.windowTitle(), timeout=30000)
    assert after == [] and len(shown) == 1
    assert "Nothing has been written to the file" in shown[0] and "latest backup" in shown[0]
    with pytest.raises(Exception, match="not authorized"):
        window.runner.call(groups.create_group, name="Tayside Interface Group", board="TY")


def test_damage_found_after_start_can_be_repaired_from_the_latest_backup(saved, start_window, qtbot, monkeypatch):
    db_file, backup = saved
    _garbage_inside(db_file)
    _answer(monkeypatch, startup_problem_dialog.RESTORE)
    window = start_window(db_file)
    messages = []
    window.signals.status_message.connect(messages.append)
    integrity_check.start(window, then=lambda: None)
    qtbot.waitUntil(lambda: any("Restored" in m for m in messages), timeout=30000)
    assert str(backup.path) in messages[-1]
    window.runner.call(groups.create_group, name="Tayside Interface Group", board="TY")
    names = [g.name for g in window.runner.call(groups.list_groups)]
    assert names == ["Fife Interface Group", "Tayside Interface Group"]
