"""The export controller in the real main window: menu entries, a file chosen, written off the UI thread."""

from __future__ import annotations

from datetime import date

import docx
from PySide6.QtWidgets import QFileDialog, QMessageBox

from interface_desktop.services.documents.kinds import KINDS
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.documents.report_period_dialog import last_quarter
from tests.support import document_data


def _prepare(session):
    fx = document_data.build(session)
    session.commit()
    return fx


def _choose(monkeypatch, path, seen):
    def fake(parent, caption, suggested, filters):
        seen.append((caption, suggested, filters))
        return str(path), filters.split(";;")[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)


def test_minutes_requested_by_signal_are_written_and_offered_to_open(qtbot, make_window, session, tmp_path,
                                                                     monkeypatch):
    fx = _prepare(session)
    window = make_window()
    controller = window.export_controller
    seen = []
    _choose(monkeypatch, tmp_path / "my minutes", seen)
    window.signals.export_requested.emit("minutes", fx.meeting_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert seen[0][1].endswith("Lothian Interface Group minutes 2026-11-25.docx")
    assert seen[0][2] == "Word document (*.docx)"
    written = tmp_path / "my minutes.docx"
    assert docx.Document(written).paragraphs[0].text == "Lothian Interface Group"
    buttons = [b.text() for b in controller.message.buttons()]
    assert "Open" in buttons and "Open folder" in buttons
    assert prefs.value(prefs.EXPORT_FOLDER) == str(tmp_path)
    controller.message.close()


def test_export_menu_has_action_log_and_report(qtbot, make_window, session, tmp_path, monkeypatch):
    fx = _prepare(session)
    window = make_window()
    controller = window.export_controller
    texts = [a.text() for a in window.menus["export"].actions()]
    assert {"&Action log…", "&Quarterly report…", "&Word template…"} <= set(texts)
    _choose(monkeypatch, tmp_path / "report.pdf", [])
    controller.ask_period = lambda scope, group_id: (date(2026, 8, 1), date(2026, 10, 31))
    window.signals.export_requested.emit("report", fx.group_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"
    controller.message.close()


def test_errors_are_shown_and_nothing_is_written(qtbot, make_window, session, tmp_path, monkeypatch):
    fx = _prepare(session)
    window = make_window()
    controller = window.export_controller
    _choose(monkeypatch, tmp_path / "sea.docx", [])
    window.signals.export_requested.emit("sea", fx.issue_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert controller.message.icon() == QMessageBox.Icon.Warning
    assert "no Significant Event Analysis" in controller.message.text()
    assert not (tmp_path / "sea.docx").exists()
    controller.message.close()


def test_word_template_must_open_as_a_docx(qtbot, make_window, tmp_path):
    window = make_window()
    controller = window.export_controller
    bad = tmp_path / "letterhead.docx"
    bad.write_text("not a document")
    assert not controller.set_template(bad)
    assert prefs.value(prefs.WORD_TEMPLATE) == ""
    controller.message.close()
    good = tmp_path / "board.docx"
    docx.Document().save(good)
    assert controller.set_template(good)
    assert controller.template() == good


def test_last_quarter():
    assert last_quarter(date(2026, 11, 23)) == (date(2026, 7, 1), date(2026, 9, 30))
    assert last_quarter(date(2027, 2, 1)) == (date(2026, 10, 1), date(2026, 12, 31))


def test_identifiers_are_confirmed_before_export(qtbot, make_window, session, tmp_path, monkeypatch):
    from interface_desktop.services.meetings import agenda

    fx = _prepare(session)
    item = agenda.list_agenda(session, fx.meeting_id)[5]
    agenda.save_minutes(session, item_id=item.id, discussion="Patient CHI 0101701004 was discussed.", decisions="")
    session.commit()
    window = make_window()
    controller = window.export_controller
    asked = []
    controller.confirm_identifiers = lambda text: asked.append(text) or len(asked) > 1
    _choose(monkeypatch, tmp_path / "minutes.docx", [])
    window.signals.export_requested.emit("minutes", fx.meeting_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert "CHI" in asked[0] and not (tmp_path / "minutes.docx").exists()
    controller.message.close()
    controller.message = None
    window.signals.export_requested.emit("minutes", fx.meeting_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert (tmp_path / "minutes.docx").exists() and len(asked) == 2
    controller.message.close()


def test_a_hostile_template_is_refused_when_chosen(qtbot, make_window, tmp_path):
    from tests.support.hostile_files import BILLION_LAUGHS, LAUGH, rewrite_part, word_document

    window = make_window()
    controller = window.export_controller
    plain = word_document(tmp_path / "plain.docx")
    bomb = rewrite_part(plain, tmp_path / "letterhead.docx", "word/document.xml", BILLION_LAUGHS,
                        "<w:t>Board letterhead</w:t>", f"<w:t>{LAUGH}</w:t>")
    assert not controller.set_template(bomb)
    assert controller.message.windowTitle() == "Word template refused"
    assert "letterhead.docx: part word/document.xml declares a DOCTYPE" in controller.message.text()
    assert prefs.value(prefs.WORD_TEMPLATE) == ""
    controller.message.close()


def test_a_template_spoilt_since_it_was_chosen_stops_the_export_and_offers_the_builtin(
        qtbot, make_window, session, tmp_path, monkeypatch):
    fx = _prepare(session)
    window = make_window()
    controller = window.export_controller
    board = tmp_path / "board.docx"
    docx.Document().save(board)
    assert controller.set_template(board)
    board.write_bytes(board.read_bytes()[:300])  # replaced on the shared drive by a broken copy
    answers = [False, True]
    asked = []
    controller.confirm_builtin_template = lambda text: asked.append(text) or answers.pop(0)
    _choose(monkeypatch, tmp_path / "minutes.docx", [])
    window.signals.export_requested.emit("minutes", fx.meeting_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert asked == ["the Word template cannot be used: board.docx is damaged or incomplete (File is not a zip file)"]
    assert not (tmp_path / "minutes.docx").exists()
    controller.message.close()
    controller.message = None
    window.signals.export_requested.emit("minutes", fx.meeting_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert docx.Document(tmp_path / "minutes.docx").paragraphs[0].text == "Lothian Interface Group"
    assert controller.template() == board  # the board's choice stays, to be fixed rather than forgotten
    controller.message.close()


def test_every_document_is_offered_with_its_declared_text(qtbot, make_window):
    window = make_window()
    offered = window.meeting_commands.exports
    meeting_menu = [a.text() for a in window.menus["meeting"].actions()]
    export_menu = [a.text() for a in window.menus["export"].actions()]
    for kind in KINDS.values():
        if kind.subject == "meeting":
            assert offered[kind.code].text() == kind.menu_text and kind.menu_text in meeting_menu
            assert offered[kind.code].shortcut().toString() == kind.shortcut
        elif kind.subject in ("group", "period"):
            assert kind.menu_text in export_menu
    assert set(offered) == {kind.code for kind in KINDS.values() if kind.subject == "meeting"}
