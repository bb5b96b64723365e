"""Takes the README screenshots of the record pages (actions, issues, activities, people, groups, resources).

    interface-desktop demo
    xvfb-run -a python scripts/screenshots_records.py --out docs/screenshots

Run it in a real window (e.g. under xvfb-run) on the default database (or --db) with the example data.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import open_window, settle, shoot

from interface_desktop.services.activities import activities
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.ui.activities.activity_editor import ActivityEditor
from interface_desktop.ui.people.group_editor import GroupEditor
from interface_desktop.ui.issues.issue_editor import IssueEditor

PAGES = (("actions_view", "actions"), ("issues_view", "issues"), ("activities_view", "activities"),
         ("people_view", "people"), ("groups_view", "groups"), ("resources_view", "resources"))


def shoot_dialog(app: QApplication, dialog: QWidget, path: Path) -> None:
    dialog.show()
    settle(app)
    dialog.grab().save(str(path))
    dialog.close()
    print(path)


def dialogs(app: QApplication, window, out: Path) -> None:  # the main window
    runner = window.runner
    with_sea = next(i for i in runner.call(issues.list_issues) if i.sea is not None)
    editor = IssueEditor(runner, runner.call(issues.get_issue, with_sea.id), parent=window)
    editor.tabs.setCurrentIndex(1)
    editor.resize(900, 820)
    shoot_dialog(app, editor, out / "issue-sea.png")
    shadowing = max(runner.call(activities.list_activities), key=lambda a: (len(a.participants), len(a.feedback)))
    editor = ActivityEditor(runner, shadowing, parent=window)
    editor.tabs.setCurrentIndex(1)
    editor.participants.table.setCurrentCell(0, 0)
    shoot_dialog(app, editor, out / "activity-participants.png")
    editor.tabs.setCurrentIndex(2)
    shoot_dialog(app, editor, out / "activity-feedback.png")
    group = runner.call(groups.list_groups)[0]
    editor = GroupEditor(runner, group, parent=window)
    editor.tabs.setCurrentIndex(1)
    shoot_dialog(app, editor, out / "group-standing-items.png")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="database with the example data (default: the usual one)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    window = open_window(args.db, Path(tempfile.mkdtemp()) / "ui.ini")
    for module, name in PAGES:
        window.show_module(module)
        shoot(app, window, args.out / f"{name}.png")
    dialogs(app, window, args.out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
