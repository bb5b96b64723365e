"""Takes the README screenshots of the data-safety screens, on a fresh copy of the example data.

    xvfb-run -a python scripts/screenshots_safety.py --out docs/screenshots

The File menu, restore from backup, the database check, a record's history, an SEA with a highlighted CHI number and the
save prompt, and a second copy of the app holding the database read-only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import settle, shoot

from interface_desktop.app import open_app_database
from interface_desktop.db.maintenance import Maintenance
from interface_desktop.paths import AppPaths
from interface_desktop.privacy import mod11_check_digit
from interface_desktop.demo import example as demo
from interface_desktop.services.issues import issues
from interface_desktop.services.identifiers import guard as privacy_guard
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.safety.restore_dialog import RestoreDialog
from interface_desktop.ui.main_window import MainWindow
from interface_desktop.ui.safety.privacy_prompt import PrivacyPrompt

SIZE = (1280, 800)
CHI = "010190123" + str(mod11_check_digit("010190123"))


def example_paths(root: Path) -> AppPaths:
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    return paths


def open_window(paths: AppPaths, *, read_only: bool = False, reason: str = "") -> MainWindow:
    db = open_app_database(str(paths.default_db_file), paths=paths, read_only=read_only)
    runner = ServiceRunner(db.session_scope, location=str(db.file), read_only=read_only, read_only_reason=reason,
                           maintenance=Maintenance(db, paths.backup_dir))
    window = MainWindow(runner)
    window.resize(*SIZE)
    window.show()
    return window


def file_menu(app: QApplication, window: MainWindow, out: Path) -> None:
    """A menu is its own pop-up window, so this one is taken from the screen (hence Xvfb)."""
    menu = window.menus["file"]
    menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))
    settle(app, 400)
    corner = window.mapToGlobal(window.rect().topLeft())
    app.primaryScreen().grabWindow(0).copy(corner.x(), corner.y(), 700, 420).save(str(out / "file-menu.png"))
    print(out / "file-menu.png")
    menu.close()


def backups_and_check(app: QApplication, window: MainWindow, out: Path) -> None:
    maintenance = window.runner.maintenance
    maintenance.backup_now()
    window.data_safety.refresh_last_backup()
    file_menu(app, window, out)
    dialog = RestoreDialog(maintenance.list_backups(), maintenance.backup_dir, window)
    dialog.show()
    shoot(app, dialog, out / "restore-backup.png")
    dialog.reject()
    window.data_safety.check_action.trigger()
    window.tasks.wait()
    settle(app)
    shoot(app, window.data_safety.message, out / "check-database.png")
    window.data_safety.message.close()


def history(app: QApplication, window: MainWindow, out: Path) -> None:
    first = window.runner.call(issues.list_issues)[0]
    window.runner.call(issues.update_issue, first.id, title=first.title + " (reviewed)", severity="high")
    window.signals.history_requested.emit("issue", first.id)
    shoot(app, window.history_dialog, out / "history.png")
    window.history_dialog.close()


def privacy(app: QApplication, window: MainWindow, out: Path) -> None:
    sea = next(i for i in window.runner.call(issues.list_issues) if i.sea is not None)
    editor = IssueEditor(window.runner, window.runner.call(issues.get_issue, sea.id), parent=window)
    editor.tabs.setCurrentIndex(1)
    edit = editor.text_editors()["sea_what_happened"]
    edit.setPlainText(edit.toPlainText() + f"\n\nThe results for CHI {CHI} were filed in the wrong record. "
                      "The ward was told on 0131 242 1000.")
    editor.show()
    settle(app, 600)
    shoot(app, editor, out / "privacy-highlight.png")
    texts = editor.checked_texts()
    findings = window.runner.call(privacy_guard.unresolved_in_texts, entity="interface_issue", entity_id=sea.id,
                                  texts=texts)
    labels = {name: editor._field_widget(name).accessibleName() for name in texts}
    prompt = PrivacyPrompt(findings, texts, labels, editor)
    prompt.show()
    prompt.keep_button.click()
    shoot(app, prompt, out / "privacy-prompt.png")
    prompt.reject()
    editor.dirty = False
    editor.reject()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    paths = example_paths(Path(tempfile.mkdtemp()))
    prefs.use_file(paths.settings_file)
    db = open_app_database(str(paths.default_db_file), paths=paths)
    with db.session_scope() as session:
        demo.load_demo(session)
    window = open_window(paths)
    backups_and_check(app, window, args.out)
    history(app, window, args.out)
    privacy(app, window, args.out)
    second = open_window(paths, read_only=True, reason="the database is in use by jsmith on LOTH-PC-0142 since 09:14")
    second.show_module("issues_view")
    shoot(app, second, args.out / "read-only.png")
    second.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
