"""Identifiers marked as the user types, and the save prompt: redact, keep with a reason, or cancel."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from interface_desktop.privacy import mod11_check_digit
from interface_desktop.services.meetings import agenda
from interface_desktop.services.issues import issues
from interface_desktop.services.identifiers import guard as privacy_guard
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.safety.privacy_highlighter import watch
from interface_desktop.ui.safety.privacy_prompt import PrivacyPrompt
from tests.support.ui_records_fixtures import make_records

PAYLOAD = "010190123"
CHI = PAYLOAD + str(mod11_check_digit(PAYLOAD))
PHONE = "0131 242 1000"


def _marked(edit: QPlainTextEdit) -> list[str]:
    block, found = edit.document().firstBlock(), []
    while block.isValid():
        found += [block.text()[r.start:r.start + r.length] for r in block.layout().formats()]
        block = block.next()
    return found


def test_highlighter_marks_a_chi_number_and_not_a_phone_number(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    note = watch(edit, names=True)
    qtbot.keyClicks(edit, f"Ring the ward on {PHONE} about CHI {CHI}.")
    assert _marked(edit) == [CHI]
    qtbot.waitUntil(lambda: note.note.text() != "", timeout=3000)  # the note follows after a pause
    assert note.note.text().startswith("⚠ Looks like a CHI number.")
    assert note.finding_at(edit.toPlainText().index(CHI) + 2).kind == "chi"
    assert note.finding_at(edit.toPlainText().index(PHONE) + 2) is None
    edit.clear()
    note.update_note()
    assert _marked(edit) == [] and note.note.text() == ""


def test_highlighter_keeps_up_with_a_long_text(qtbot):
    """100,000 characters in 200 paragraphs: loading once, then a key typed re-checks one paragraph."""
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    watch(edit, names=True)
    paragraph = ("The discharge letter reached the practice three weeks after the patient went home. " * 7)[:500]
    text = "\n".join(paragraph for _ in range(200))
    assert len(text) >= 100_000
    start = time.perf_counter()
    edit.setPlainText(text + f"\nCHI {CHI}")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    qtbot.keyClicks(edit, "x")
    typed = time.perf_counter() - start
    assert _marked(edit)[-1] == CHI
    assert loaded < 3.0 and typed < 0.2, (loaded, typed)


@pytest.fixture
def rec(db):
    return make_records(db, n_actions=0)


def _editor_with_chi(qtbot, rec) -> IssueEditor:
    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, rec.issue_id))
    qtbot.addWidget(editor)
    editor.has_sea.setChecked(True)
    qtbot.keyClicks(editor.text_editors()["sea_what_happened"], f"Results for CHI {CHI} went to another practice.")
    return editor


def _answer(monkeypatch, *clicks, reason: str = "") -> list[PrivacyPrompt]:
    seen = []

    def exec_(prompt: PrivacyPrompt) -> int:
        seen.append(prompt)
        for name in clicks:
            if name == "keep" and not prompt.reason_edit.isHidden():
                prompt.reason_edit.setText(reason)
            getattr(prompt, f"{name}_button").click()
        return prompt.result()

    monkeypatch.setattr(PrivacyPrompt, "exec", exec_)
    return seen


def test_redact_and_save_stores_the_marker(qtbot, rec, monkeypatch):
    editor = _editor_with_chi(qtbot, rec)
    note = editor.privacy_notes["sea_what_happened"]
    qtbot.waitUntil(lambda: "Looks like a CHI number" in note.note.text(), timeout=3000)
    seen = _answer(monkeypatch, "redact")
    editor.accept()
    assert seen[0].list.topLevelItem(0).text(0) == "What happened?"
    assert seen[0].list.topLevelItem(0).text(2) == "[CHI removed]"
    assert f"[{CHI}]" in seen[0].list.topLevelItem(0).text(3)
    stored = rec.runner.call(issues.get_issue, rec.issue_id).sea.what_happened
    assert stored == "Results for CHI [CHI removed] went to another practice."
    assert editor.result() == editor.DialogCode.Accepted


def test_keep_needs_a_reason_and_records_an_exception(qtbot, rec, monkeypatch):
    editor = _editor_with_chi(qtbot, rec)
    seen = _answer(monkeypatch, "keep", "keep", reason="")
    assert not editor.apply()  # no reason given: the prompt stays open, then closes as cancelled
    assert seen[0].reason_error.isVisibleTo(seen[0])
    assert rec.runner.call(issues.get_issue, rec.issue_id).sea is None
    _answer(monkeypatch, "keep", "keep", reason="Test number from the lab's training system")
    assert editor.apply()
    stored = rec.runner.call(issues.get_issue, rec.issue_id).sea.what_happened
    assert CHI in stored
    found = rec.runner.call(privacy_guard.record_findings, "interface_issue", rec.issue_id)
    assert [(f.kind, f.accepted, f.reason) for f in found] == \
        [("chi", True, "Test number from the lab's training system")]
    editor.reject()


def test_cancel_saves_nothing_and_keeps_the_text(qtbot, rec, monkeypatch):
    editor = _editor_with_chi(qtbot, rec)
    _answer(monkeypatch, "cancel")
    assert not editor.save()
    assert rec.runner.call(issues.get_issue, rec.issue_id).sea is None
    assert CHI in editor.text_editors()["sea_what_happened"].toPlainText()
    editor.dirty = False
    editor.reject()


def test_minutes_review_redacts_the_stored_item(qtbot, rec, make_window, monkeypatch):
    item = rec.runner.call(agenda.add_agenda_item, meeting_id=rec.meeting_id, title="Discharge letters")
    window = make_window()
    window.open_record("meeting", rec.meeting_id)
    minutes = window.pages.current_page().editor.minutes
    window.pages.current_page().editor.show_tab(3)
    minutes.select_item(item.id)
    qtbot.keyClicks(minutes.discussion, f"Letter for {CHI} was lost.")
    minutes.flush()
    assert _marked(minutes.discussion) == [CHI]
    _answer(monkeypatch, "redact")
    minutes.review_identifiers()
    assert rec.runner.call(agenda.get_agenda_item, item.id).discussion == "Letter for [CHI removed] was lost."


def test_opening_a_record_with_highlighted_text_does_not_count_as_an_edit(qtbot, rec):
    """Highlighting re-lays out the text once the dialog is up; only typing makes it ask about unsaved changes."""
    rec.runner.call(issues.update_issue, rec.issue_id, description=f"Results for CHI {CHI} were misfiled.")
    editor = IssueEditor(rec.runner, rec.runner.call(issues.get_issue, rec.issue_id))
    qtbot.addWidget(editor)
    editor.show()
    description = editor.text_editors()["description"]
    qtbot.waitUntil(lambda: _marked(description) == [CHI], timeout=3000)
    qtbot.wait(600)  # past the note's pause, which re-checks the text
    assert not editor.dirty
    qtbot.keyClicks(description, " Reported.")
    assert editor.dirty
    editor.dirty = False  # as after a save: the next highlight pass alone must not make it dirty again
    description.document().setModified(False)
    qtbot.wait(600)
    assert not editor.dirty
    editor.reject()
    assert not editor.isVisible()


def test_an_action_with_a_chi_number_is_redacted_on_request(qtbot, rec, monkeypatch):
    from interface_desktop.services.actions import actions
    from interface_desktop.ui.actions.action_editor import ActionEditor

    editor = ActionEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.description, f"Chase the lab about results for {CHI}")
    seen = _answer(monkeypatch, "cancel")
    assert not editor.save() and len(seen) == 1
    assert rec.runner.call(actions.list_actions) == []
    assert CHI in editor.description.toPlainText()
    _answer(monkeypatch, "redact")
    assert editor.save()
    assert [a.description for a in rec.runner.call(actions.list_actions)] == \
        ["Chase the lab about results for [CHI removed]"]
    assert editor.description.toPlainText() == "Chase the lab about results for [CHI removed]"
    assert not editor.dirty
    editor.reject()


def test_an_activity_keeps_an_identifier_only_with_a_recorded_reason(qtbot, rec, monkeypatch):
    from interface_desktop.services.activities import activities
    from interface_desktop.ui.activities.activity_editor import ActivityEditor

    editor = ActivityEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    editor.title.setText("GP shadowing in the acute medical unit")
    qtbot.keyClicks(editor.form.fields["outcomes"], f"Practice test record {CHI} used in the teaching session")
    _answer(monkeypatch, "keep", "keep", reason="A training record, not a patient")
    assert editor.apply()
    saved = rec.runner.call(activities.list_activities)[0]
    assert CHI in saved.outcomes
    found = rec.runner.call(privacy_guard.record_findings, "activity", saved.id)
    assert [(f.field, f.accepted, f.reason) for f in found] == [("outcomes", True, "A training record, not a patient")]
    editor.reject()
