"""A record's history from its editor and from the app-wide signal, and its CSV export."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QFileDialog, QMessageBox

from interface_desktop.services.actions import actions
from interface_desktop.services.issues import issues
from interface_desktop.ui.actions.action_editor import ActionEditor
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.safety.history_dialog import HistoryDialog
from tests.support.ui_records_fixtures import make_records


def _rows(dialog: HistoryDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(n).text(c) for c in range(table.columnCount())]
            for n in range(table.topLevelItemCount())]


def test_issue_editor_history_lists_an_update_with_old_and_new(qtbot, db):
    rec = make_records(db, n_actions=0)
    rec.runner.call(issues.update_issue, rec.issue_id, title="Discharge letters arrive a week late")
    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, rec.issue_id))
    qtbot.addWidget(editor)
    assert editor.history_button.isEnabled()
    editor.history_button.click()
    dialog = editor.history_dialog
    rows = _rows(dialog)
    assert rows[0][2] == "Created"
    changed = [r for r in rows if r[2] == "Changed"]
    assert changed == [[changed[0][0], changed[0][1], "Changed", "Title", "Discharge letters arrive late", "→",
                        "Discharge letters arrive a week late"]]
    assert changed[0][0].startswith("23/11/2026") or len(changed[0][0]) == 16
    dialog.close()
    editor.reject()


def test_a_new_record_has_no_history_yet_until_applied(qtbot, db):
    rec = make_records(db, n_actions=0)
    editor = ActionEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    assert not editor.history_button.isEnabled()
    editor.reject()


def test_history_signal_opens_the_dialog_and_saves_csv(qtbot, db, make_window, tmp_path, monkeypatch):
    rec = make_records(db, n_actions=1)
    action_id = rec.action_ids[0]
    rec.runner.call(actions.update_action, action_id, description='=HYPERLINK("x") then, "quoted"')
    window = make_window()
    window.signals.history_requested.emit("action", action_id)
    dialog = window.history_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "History of this action"
    target = tmp_path / "history"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert dialog.save_csv() == tmp_path / "history.csv"
    with open(tmp_path / "history.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["When", "Who", "What", "Field", "Old value", "New value"]
    update = [r for r in rows if r[2] == "Changed"]
    assert update == [[update[0][0], update[0][1], "Changed", "Description", "Action number 0",
                       "'=HYPERLINK(\"x\") then, \"quoted\""]]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    dialog.close()


def test_meeting_editor_offers_history(qtbot, db, make_window):
    rec = make_records(db, n_actions=0)
    window = make_window()
    window.open_record("meeting", rec.meeting_id)
    page = window.pages.current_page()
    page.editor.history_action.trigger()
    assert window.history_dialog.kind == "meeting" and window.history_dialog.record_id == rec.meeting_id
    assert _rows(window.history_dialog)[0][2] == "Created"
    window.history_dialog.close()


def test_saving_a_history_over_the_open_database_is_refused(qtbot, db, make_window, tmp_path, monkeypatch):
    rec = make_records(db, n_actions=1)
    window = make_window()
    window.signals.history_requested.emit("action", rec.action_ids[0])
    dialog = window.history_dialog
    link = tmp_path / "history.csv"
    link.symlink_to(db.file)
    before = db.file.read_bytes()[:16]
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(link), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert dialog.save_csv() is None
    assert len(shown) == 1 and shown[0].startswith("Refusing to write over the open database")
    assert db.file.read_bytes()[:16] == before == b"SQLite format 3\x00"
    dialog.close()
