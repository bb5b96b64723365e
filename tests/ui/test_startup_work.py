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
from interface_desktop.services import groups
from interface_desktop.services.runner import ServiceRunner

DEFERRED = ("alembic", "docx", "reportlab", "pypdf", "openpyxl", "icalendar", "interface_desktop.exports.jobs",
            "interface_desktop.services.documents", "interface_desktop.ui.dialogs.report_period_dialog")
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
