"""Issues & SEAs driven as a user would: create an issue with an SEA, change its status, link, filter, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from interface_desktop.services.actions import actions
from interface_desktop.services.issues import issues
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.issues.issues_model import COL_SEA, IssuesModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.issues.issues_view import IssuesView
from tests.support.ui_records_fixtures import make_records


def fill_new_issue(qtbot, editor: IssueEditor) -> None:
    qtbot.keyClicks(editor.title, "Blood results sent to the wrong practice")
    editor.role.setCurrentText("Practice manager")
    editor.organisation.setText("Leith Practice")
    editor.category.setCurrentIndex(editor.category.findData("results"))
    editor.has_sea.setChecked(True)
    texts = editor.text_editors()
    qtbot.keyClicks(texts["sea_what_happened"], "Results for a registered patient went to a neighbouring practice.")
    qtbot.keyClicks(texts["sea_why"], "The lab system held an old practice code.")
    editor.sea_form.fields["sea_harm"].setCurrentIndex(editor.sea_form.fields["sea_harm"].findData("potential_harm"))
    editor.sea_form.fields["sea_risk_grade"].setCurrentIndex(3)


def test_create_issue_with_sea_and_change_status(qtbot, db):
    rec = make_records(db)
    editor = IssueEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    assert {"description", "impact", "sea_what_happened", "sea_learning_needs"} <= set(editor.text_editors())
    fill_new_issue(qtbot, editor)
    editor.accept()
    issue = editor.saved
    assert issue is not None and issue.reference == "LO-2026-002"
    assert issue.raised_by_role == "Practice manager" and issue.sea.harm == "potential_harm"
    assert issue.sea.risk_grade == 3 and issue.sea.why == "The lab system held an old practice code."

    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, issue.id))
    qtbot.addWidget(editor)
    assert editor.reference.text() == "LO-2026-002" and editor.has_sea.isChecked()
    panel = editor.status
    panel.status.setCurrentIndex(panel.status.findData("under_review"))
    qtbot.keyClicks(panel.note, "Taken to the November meeting")
    panel.record.click()
    assert rec.runner.call(issues.get_issue, issue.id).status == "under_review"
    assert panel.history.rowCount() == 2 and panel.history.item(1, 2).text() == "Taken to the November meeting"


def test_validation_message_beside_the_field_and_nothing_lost(qtbot, db):
    rec = make_records(db)
    editor = IssueEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    editor.role.setCurrentText("GP")
    editor.show()
    editor.accept()
    assert editor.saved is None and editor.isVisible()
    assert editor.form.errors["title"].isVisibleTo(editor) and "required" in editor.form.errors["title"].text()
    editor.has_sea.setChecked(True)
    qtbot.keyClicks(editor.title, "Clinic letters")
    editor.accept()
    assert editor.saved is not None and editor.saved.title == "Clinic letters"


def test_link_and_unlink_meeting_and_action(qtbot, db):
    rec = make_records(db)
    opened = []
    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, rec.issue_id),
                         open_record=lambda kind, rid: opened.append((kind, rid)))
    qtbot.addWidget(editor)
    links = editor.links
    links.meetings.link.click()
    assert rec.runner.call(issues.get_issue, rec.issue_id).meeting_ids == (rec.meeting_id,)
    links.actions.choice.setCurrentIndex(links.actions.choice.findData(rec.action_ids[2]))
    links.actions.link.click()
    assert rec.runner.call(actions.get_action, rec.action_ids[2]).issue_id == rec.issue_id
    links.actions.linked.setCurrentRow(0)
    links.actions.open.click()
    assert opened == [("action", rec.action_ids[2])]
    links.actions.unlink.click()
    links.meetings.linked.setCurrentRow(0)
    links.meetings.unlink.click()
    issue = rec.runner.call(issues.get_issue, rec.issue_id)
    assert issue.meeting_ids == () and issue.action_ids == ()
    assert editor.ops.held == ["issue", "action"]  # announced by the page once the editor closes


def test_log_filters_and_delete(qtbot, db, monkeypatch):
    rec = make_records(db)
    with db.session_scope() as s:
        other = issues.create_issue(s, group_id=rec.group_id, title="Fit notes requested from GPs",
                                    raised_by_role="Consultant", raised_by_sector="secondary",
                                    direction="primary_to_secondary", category="fit_notes", severity="high")
        issues.save_sea(s, other.id, what_happened="x", harm="no_harm")
    view = IssuesView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    assert view.model.rowCount() == 2
    view.filters.sea.setCurrentIndex(view.filters.sea.findData("yes"))
    assert [i.id for i in view.model.rows()] == [other.id]
    assert view.model.index(0, COL_SEA).data() == "No harm"
    view.filters.reset()
    view.filters.category.setCurrentIndex(view.filters.category.findData("letters"))
    assert [i.id for i in view.model.rows()] == [rec.issue_id]
    qtbot.keyClicks(view.filters.text, "fit")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=15000)
    view.filters.reset()
    view.table.select_id(other.id)
    QTimer.singleShot(0, lambda: _click_delete())
    view.delete_current()
    assert [i.id for i in rec.runner.call(issues.list_issues)] == [rec.issue_id]
    assert view.model.rowCount() == 1


def _click_delete() -> None:
    from PySide6.QtWidgets import QApplication
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "will" not in box.text() and "Delete interface issue" in box.text()
    next(b for b in box.buttons() if b.text() == "Delete").click()


def test_model_without_widgets(db, qapp):
    rec = make_records(db)
    model = IssuesModel()
    model.set_rows(rec.runner.call(issues.list_issues))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "LO-2026-001"
    assert model.headerData(COL_SEA, Qt.Orientation.Horizontal) == "SEA" and model.index(0, COL_SEA).data() == ""
