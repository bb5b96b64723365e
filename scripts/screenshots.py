"""Takes the README screenshots of the main screens.

    interface-desktop demo
    xvfb-run -a python scripts/screenshots.py --out docs/screenshots --empty-db PATH

Run it in a real window (e.g. under xvfb-run); the screens are taken on the default database (or --db) with
the example data, the first-run screen on a new, empty database at PATH.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from interface_desktop.app import open_app_database
from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.main_window import MainWindow
from interface_desktop.ui.meetings.meeting_editor import TAB_AGENDA, TAB_ATTENDANCE, TAB_MINUTES

SIZE = (1280, 800)


def settle(app: QApplication, ms: int = 150) -> None:
    # A local loop: QApplication.quit() would also try to close every window (and an open editor would ask to save).
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def open_window(db_file: Path | None, settings: Path) -> MainWindow:
    prefs.use_file(settings)
    db = open_app_database(str(db_file) if db_file else None)
    window = MainWindow(ServiceRunner(db.session_scope, location=str(db.file)))
    window.resize(*SIZE)
    window.show()
    return window


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="database with the example data (default: the usual one)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--empty-db", type=Path, required=True, help="where to create the empty database")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp())
    window = open_window(args.db, scratch / "ui.ini")
    window.nav.setCurrentRow(0)
    shoot(app, window, args.out / "dashboard.png")
    view = window.show_module("meetings_view")
    view.when.setCurrentIndex(view.when.findData("all"))
    past = window.runner.call(meetings.list_meetings, when="past", limit=1)
    window.open_record("meeting", past[0].id)
    shoot(app, window, args.out / "meetings.png")
    for tab, name in ((TAB_AGENDA, "meeting-agenda"), (TAB_ATTENDANCE, "meeting-attendance"),
                      (TAB_MINUTES, "meeting-minutes")):
        view.editor.show_tab(tab)
        if tab == TAB_MINUTES:
            view.editor.minutes.item_list.setCurrentRow(4)
        shoot(app, window, args.out / f"{name}.png")
    window.close()
    first = open_window(args.empty_db, scratch / "ui2.ini")
    shoot(app, first, args.out / "first-run.png")
    first.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
