"""The main workflows, end to end in one process, for the offline test (support/offline_driver.py watches them)."""

from __future__ import annotations

import contextlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

from interface_desktop.app import open_app_database
from interface_desktop.cli import main as cli
from interface_desktop.paths import AppPaths
from interface_desktop.services.actions import actions
from interface_desktop.demo import example as demo
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.issues.issues import IssueFilter

DOCUMENTS = (("minutes", "meeting", "minutes.docx"), ("agenda", "meeting", "agenda.docx"),
             ("agenda", "meeting", "agenda.pdf"), ("pack", "meeting", "pack.pdf"), ("ics", "meeting", "meeting.ics"),
             ("sea", "issue", "sea.docx"), ("sea", "issue", "sea.pdf"), ("actions", "group", "actions.xlsx"),
             ("actions", "group", "actions.csv"))
RECORDS = (("meeting", "meeting"), ("issue", "issue"), ("action", "action"), ("person", "person"),
           ("group", "group"))


@dataclass
class Example:
    db_file: Path
    backup_dir: Path
    ids: dict[str, int]


def run_all(workdir: str, steps: list[str]) -> None:
    root = Path(workdir)
    example = _example_database(root, steps)
    _cli_safety(example, steps)
    _cli_documents(example, root / "documents", steps)
    _json_round_trip(example, root, steps)
    _gui(example, steps)


def _cli(*args: str) -> None:
    """One command through the real command line, in this process so the watchers see it."""
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli(list(args))
    if code != 0:
        raise RuntimeError(f"interface-desktop {' '.join(args)} exited {code}")


def _example_database(root: Path, steps: list[str]) -> Example:
    paths = AppPaths(root / "data", root / "settings", root / "backups", portable=False)
    paths.ensure()
    database = open_app_database(str(paths.default_db_file), paths=paths)  # a fresh file: created and migrated
    steps.append("create and migrate a database")
    try:
        with database.session_scope() as s:
            demo.load_demo(s)
            held = [m for m in meetings.list_meetings(s, status="held") if m.agenda_count]
            sea = issues.list_issues(s, IssueFilter(has_sea=True))[0]
            action = actions.list_actions(s)[0]
            ids = {"meeting": held[0].id, "issue": sea.id, "group": held[0].group_id, "action": action.id,
                   "person": held[0].chair_id or action.owner_id}
    finally:
        database.dispose()
    steps.append("load the example data")
    return Example(paths.default_db_file, paths.backup_dir, ids)


def _cli_safety(example: Example, steps: list[str]) -> None:
    where = ("--db", str(example.db_file), "--backup-dir", str(example.backup_dir))
    for command in ("backup", "check", "scan"):
        _cli(command, *where)
        steps.append(f"cli {command}")


def _cli_documents(example: Example, folder: Path, steps: list[str]) -> None:
    folder.mkdir()
    where = ("--db", str(example.db_file), "--allow-identifiers")
    for what, subject, name in DOCUMENTS:
        _cli("export", what, f"--{subject}", str(example.ids[subject]), "-o", str(folder / name), *where)
        steps.append(f"export {name}")
    for name in ("report.pdf", "report.docx"):
        _cli("export", "report", "--from", "2026-08-01", "--to", "2026-10-31", "-o", str(folder / name), *where)
        steps.append(f"export {name}")


def _json_round_trip(example: Example, root: Path, steps: list[str]) -> None:
    data = root / "documents" / "data.json"
    _cli("export", "data", "-o", str(data), "--db", str(example.db_file))
    steps.append("export data.json")
    _cli("import", "data", str(data), "--db", str(root / "imported.sqlite3"), "--backup-dir", str(root / "backups"))
    steps.append("import data.json into a new database")


def _gui(example: Example, steps: list[str]) -> None:
    _cli("--exit-after-start", "--db", str(example.db_file), "--backup-dir", str(example.backup_dir))
    steps.append("start the GUI with --exit-after-start")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from interface_desktop.services.core.runner import ServiceRunner
    from interface_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    database = open_app_database(str(example.db_file), paths=AppPaths(example.db_file.parent, example.db_file.parent,
                                                                      example.backup_dir, portable=False))
    try:
        window = MainWindow(ServiceRunner(database.session_scope, location=str(example.db_file)))
        window.show()
        for n, entry in enumerate(window.pages.entries):
            window.nav.setCurrentRow(n)
            _settle(app, window)
            steps.append(f"page {entry.title}")
        # Some records open in a dialog that waits for the user: close each one once it is up.
        closer = QTimer(interval=300, timeout=lambda: app.activeModalWidget() and app.activeModalWidget().reject())
        closer.start()
        for kind, key in RECORDS:
            if window.open_record(kind, example.ids[key]):
                steps.append(f"open the {kind}")
            _settle(app, window)
        closer.stop()
        window.close()
        _settle(app, window)
    finally:
        database.dispose()


def _settle(app, window) -> None:  # QApplication, MainWindow
    """Let the page's background loads finish and their results arrive."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.tasks.busy:
            break
        time.sleep(0.01)
    app.processEvents()

