"""The meeting editor's details, papers and deletes, driven through the window."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from interface_desktop.services.meetings import agenda
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.validation import TITLE_MAX
from interface_desktop.ui.meetings.meeting_editor import TAB_DETAILS, TAB_PAPERS


@pytest.fixture
def opened(make_window, runner):
    g = runner.call(groups.create_group, name="Borders Interface Group", board="BR")
    first = runner.call(meetings.create_meeting, group_id=g.id, starts_at=datetime(2026, 12, 2, 14, 0))
    second = runner.call(meetings.create_meeting, group_id=g.id, starts_at=datetime(2027, 1, 27, 14, 0))
    window = make_window()
    window.open_record("meeting", first.id)
    view = window.pages.current_page()
    return window, view, first, second


def test_details_save_with_ctrl_s_and_errors_show_beside_the_field(opened, qtbot, runner):
    window, view, first, _ = opened
    details = view.editor.details
    view.editor.show_tab(TAB_DETAILS)
    details.title.setFocus()
    qtbot.keyClicks(details.title, "x" * (TITLE_MAX + 1))
    qtbot.keyClicks(details.location, "Borders General Hospital")
    window.save_action.trigger()
    assert details.errors.labels["title"].isVisibleTo(details)
    assert details.location.text() == "Borders General Hospital"  # what was typed is kept
    assert details.dirty and runner.call(meetings.get_meeting, first.id).location == ""
    details.title.setText("December meeting")
    details.title.textEdited.emit("December meeting")
    window.save_action.trigger()
    saved = runner.call(meetings.get_meeting, first.id)
    assert (saved.title, saved.location) == ("December meeting", "Borders General Hospital")
    assert not details.errors.labels["title"].isVisibleTo(details)
    assert view.editor.heading.text().startswith("December meeting")


def test_leaving_unsaved_details_asks_and_cancel_stays(opened, qtbot, runner, monkeypatch):
    window, view, first, second = opened
    details = view.editor.details
    qtbot.keyClicks(details.location, "Melrose")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr("interface_desktop.ui.meetings.meeting_editor.QMessageBox.question",
                        lambda *a, **k: answers.pop(0))
    assert not view.open_record("meeting", second.id)
    assert view.editor.meeting.id == first.id and details.location.text() == "Melrose"
    assert view.open_record("meeting", second.id)
    assert view.editor.meeting.id == second.id
    assert runner.call(meetings.get_meeting, first.id).location == "Melrose"


def test_papers_attach_link_and_open_a_copy(opened, qtbot, runner, tmp_path, monkeypatch):
    window, view, first, _ = opened
    papers = view.editor.papers
    view.editor.show_tab(TAB_PAPERS)
    source = tmp_path / "Discharge audit.pdf"
    source.write_bytes(b"%PDF-1.4 audit")
    papers.attach_files([source])
    qtbot.waitUntil(lambda: papers.model.rowCount() == 1, timeout=15000)
    [paper] = runner.call(files.list_papers, first.id)
    assert paper.title == "Discharge audit"
    papers.table.selectRow(0)
    item = runner.call(agenda.list_agenda, first.id)[2]
    papers.item_combo.setCurrentIndex(papers.item_combo.findData(item.id))
    papers.item_combo.activated.emit(papers.item_combo.currentIndex())
    assert runner.call(files.list_papers, first.id)[0].agenda_item_id == item.id
    assert papers.model.index(0, 1).data() == f"3. {item.title}"
    opened_urls = []
    monkeypatch.setattr("interface_desktop.ui.meetings.papers_tab.QDesktopServices.openUrl",
                        lambda url: opened_urls.append(url.toLocalFile()) or True)
    papers.open_paper()
    assert opened_urls[0].endswith("Discharge audit.pdf")
    with open(opened_urls[0], "rb") as copy:
        assert copy.read() == b"%PDF-1.4 audit"


def test_attaching_an_unreadable_file_says_which_and_adds_nothing(opened, qtbot, runner, tmp_path, monkeypatch):
    window, view, first, _ = opened
    shown = []
    monkeypatch.setattr("interface_desktop.ui.operations.show_error",
                        lambda parent, title, exc: shown.append(str(exc)))
    good = tmp_path / "agenda.docx"
    good.write_bytes(b"docx")
    view.editor.papers.attach_files([good, tmp_path / "missing.pdf"])
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "missing.pdf" in shown[0]
    assert runner.call(files.list_papers, first.id) == []


def test_delete_meeting_confirms_what_goes(opened, runner, monkeypatch):
    window, view, first, second = opened
    asked = []
    monkeypatch.setattr("interface_desktop.ui.meetings.meetings_view.confirm_delete",
                        lambda parent, what, consequences: asked.append((what, consequences)) or True)
    view.delete_meeting()
    assert "02/12/2026" in asked[0][0] and "6 item(s)" in asked[0][1]
    assert [m.id for m in runner.call(meetings.list_meetings)] == [second.id]
    assert view.editor.meeting.id == second.id


def test_switching_page_or_closing_with_unsaved_details_asks_first(opened, qtbot, runner, monkeypatch):
    window, view, first, _ = opened
    qtbot.keyClicks(view.editor.details.location, "Galashiels")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
               QMessageBox.StandardButton.Discard]
    monkeypatch.setattr("interface_desktop.ui.meetings.meeting_editor.QMessageBox.question",
                        lambda *a, **k: answers.pop(0))
    window.nav.setCurrentRow(0)
    assert window.pages.current_page() is view and window.nav.currentRow() == 1
    window.close()
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert runner.call(meetings.get_meeting, first.id).location == ""
