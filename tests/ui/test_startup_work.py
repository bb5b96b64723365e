"""Start-up does only what cannot wait: no export code or Alembic loaded, the daily backup after the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from interface_desktop.app import open_app_database
from interface_desktop.db import backups, maintenance
from interface_desktop.db.migrate import script_directory, shipped_revisions
from interface_desktop.services.people import groups
from interface_desktop.services.core.runner import ServiceRunner

DEFERRED = ("alembic", "docx", "reportlab", "pypdf", "openpyxl", "icalendar", "interface_desktop.exports.jobs",
            "interface_desktop.services.documents.documents", "interface_desktop.ui.documents.report_period_dialog",
            "interface_desktop.ui.safety.read_only")  # the read-only guard: loaded only in a read-only window
PROBE = """
import json, sys
from interface_desktop.cli import main
code = main(["--db", sys.argv[1], "--exit-after-start"])
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.argv[2:] if m in sys.modules)}))
"""


def test_revisions_read_from_the_scripts_match_alembic():
    revisions, head = shipped_revisions()
    scripts = script_directory()
    assert head == scripts.get_current_head()
    assert revisions == {rev.revision for rev in scripts.walk_revisions()}


def test_the_app_starts_without_loading_export_libraries_or_alembic(app_paths, db):
    with db.session_scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")
    db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERFACE_DESKTOP_DATA_DIR=str(app_paths.data_dir))
    done = subprocess.run([sys.executable, "-c", PROBE, str(app_paths.default_db_file), *DEFERRED], env=env,
                          capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": []}


def test_the_gui_takes_the_daily_backup_once_its_window_is_up(app_paths, db, qtbot):
    from interface_desktop.ui import application
    from interface_desktop.ui.main_window import MainWindow

    db.dispose()
    opened = open_app_database(str(app_paths.default_db_file), paths=app_paths, defer_daily_backup=True)
    try:
        assert backups.latest_backup(opened.file, app_paths.backup_dir) is None
        runner = ServiceRunner(opened.session_scope, location=str(opened.file),
                               maintenance=maintenance.Maintenance(opened, app_paths.backup_dir))
        window = MainWindow(runner)
        qtbot.addWidget(window)
        application._daily_backup(window, runner)
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30000)
        latest = backups.latest_backup(opened.file, app_paths.backup_dir)
        assert latest is not None and latest.reason == "daily"
        assert runner.maintenance.daily_backup() is None  # once a day
    finally:
        opened.dispose()


FIRST_PAINT_PROBE = """
import json, linecache, sys
from interface_desktop.ui import application
from interface_desktop.ui.main_window import MainWindow
seen = {}
noted = application.note_time
def note(event):
    window = next(w for w in application.QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    board = window.pages.page(0)
    seen[event] = {
        "sqlalchemy": "sqlalchemy" in sys.modules,
        "hooks": "interface_desktop.services.audit.tracking" in sys.modules,
        "visible": window.isVisible(),
        "overdue_title": board.overdue.box.title(),
        "groups": [window.group_combo.itemText(i) for i in range(window.group_combo.count())],
        "sources_kept": sorted(f for f in linecache.cache if "sqlalchemy" in f),
    }
    noted(event)
application.note_time = note
from interface_desktop.cli import main
code = main(["--db", sys.argv[1], "--exit-after-start"])
print(json.dumps({"code": code, **seen}))
"""


def _start_app(probe: str, app_paths) -> dict:  # AppPaths
    """Starts the app in a child process with `probe` noting what it sees; returns the probe's JSON."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERFACE_DESKTOP_DATA_DIR=str(app_paths.data_dir),
               INTERFACE_DESKTOP_TODAY="2026-11-23")
    done = subprocess.run([sys.executable, "-c", probe, str(app_paths.default_db_file)], env=env,
                          capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_dashboard_is_painted_before_the_data_layer_loads(app_paths, db):
    """The window shows the groups and the filled dashboard read through plain SQLite; then SQLAlchemy loads,
    imported without PySide6's source-reading import hook."""
    with db.session_scope() as s:
        g = groups.create_group(s, name="Fife Interface Group", board="FF")
        from interface_desktop.services.actions import actions
        from interface_desktop.services.meetings import meetings

        m = meetings.create_meeting(s, group_id=g.id, starts_at="2026-10-01 14:00")
        actions.add_action(s, meeting_id=m.id, description="Audit discharge letters", due_on="2026-11-01")
    db.dispose()
    result = _start_app(FIRST_PAINT_PROBE, app_paths)
    painted, ready = result["first_paint"], result["ready"]
    assert result["code"] == 0
    assert painted["visible"] and not painted["sqlalchemy"] and not painted["hooks"]
    assert painted["overdue_title"] == "Overdue actions (1)"
    assert painted["groups"] == ["All groups", "Fife Interface Group"]
    assert ready["sqlalchemy"] and ready["hooks"] and ready["sources_kept"] == []


WAITING_PAGE_PROBE = """
import json, sys
from interface_desktop.ui import application
from interface_desktop.ui.main_window import MainWindow
seen = {}
noted = application.note_time
def note(event):
    window = next(w for w in application.QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    shown = window.pages.currentWidget()
    seen[event] = {
        "sqlalchemy": "sqlalchemy" in sys.modules,
        "row": window.nav.currentItem().text(),
        "placeholder": shown.text() if hasattr(shown, "text") else None,
        "page": type(window.pages.current_page()).__name__,
        "rows": window.pages.current_page().model.rowCount() if window.pages.current_page() else None,
    }
    noted(event)
application.note_time = note
from interface_desktop.cli import main
code = main(["--db", sys.argv[1], "--exit-after-start"])
print(json.dumps({"code": code, **seen}))
"""


def test_a_last_page_other_than_the_dashboard_is_built_once_the_data_layer_has_loaded(app_paths, db):
    """The window is painted at once with the page's place held ("Opening Actions…"), then the page fills."""
    from PySide6.QtCore import QSettings

    from interface_desktop.services.actions import actions
    from interface_desktop.services.meetings import meetings
    from interface_desktop.ui import settings as prefs

    with db.session_scope() as s:

        g = groups.create_group(s, name="Fife Interface Group", board="FF")
        m = meetings.create_meeting(s, group_id=g.id, starts_at="2026-10-01 14:00")
        for n in range(3):
            actions.add_action(s, meeting_id=m.id, description=f"Audit discharge letters {n}", due_on="2026-12-01")
    db.dispose()
    settings = QSettings(str(app_paths.settings_dir / prefs.SETTINGS_FILENAME), QSettings.Format.IniFormat)
    prefs.set_value(prefs.LAST_VIEW, "actions_view", settings)
    settings.sync()
    result = _start_app(WAITING_PAGE_PROBE, app_paths)
    assert result["first_paint"] == {"sqlalchemy": False, "row": "Actions", "placeholder": "Opening Actions…",
                                     "page": "NoneType", "rows": None}
    assert result["ready"]["page"] == "ActionsView" and result["ready"]["rows"] == 3
