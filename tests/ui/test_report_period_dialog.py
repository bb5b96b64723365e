"""The report period dialog: the lead's summary for the chosen period, filled in from what was saved and saved
again on Continue; through the export controller it reaches the report."""

from __future__ import annotations

from datetime import date

import docx
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents import narrative
from interface_desktop.ui.documents.report_period_dialog import ReportPeriodDialog
from tests.support import document_data

Q3, Q2 = (date(2026, 7, 1), date(2026, 9, 30)), (date(2026, 4, 1), date(2026, 6, 30))


class Store:
    def __init__(self, texts: dict):
        self.texts = dict(texts)
        self.saved: list[tuple[date, date, str]] = []

    def load(self, start: date, end: date) -> str:
        return self.texts.get((start, end), "")

    def save(self, start: date, end: date, text: str) -> None:
        if len(text) > 20:
            raise ValidationError({"narrative": "is too long (21 characters; the limit is 20)"})
        self.saved.append((start, end, text))
        self.texts[(start, end)] = text


def _dialog(qtbot, store: Store) -> ReportPeriodDialog:
    dialog = ReportPeriodDialog(date(2026, 11, 23), "Lothian Interface Group", load_narrative=store.load,
                                save_narrative=store.save)
    qtbot.addWidget(dialog)
    return dialog


def test_the_summary_saved_for_the_period_is_filled_in_and_follows_the_dates(qtbot):
    store = Store({Q3: "Letters improved.", Q2: "Spring."})
    dialog = _dialog(qtbot, store)
    assert dialog.period() == Q3 and dialog.narrative() == "Letters improved."
    dialog.start_edit.setDate(QDate(Q2[0]))
    dialog.end_edit.setDate(QDate(Q2[1]))
    assert dialog.narrative() == "Spring."
    dialog.narrative_edit.setPlainText("My own words.")
    dialog.start_edit.setDate(QDate(Q3[0]))
    dialog.end_edit.setDate(QDate(Q3[1]))
    assert dialog.narrative() == "My own words."  # typed text is never replaced
    dialog._accept()
    assert dialog.result() == ReportPeriodDialog.DialogCode.Accepted and store.saved == [(*Q3, "My own words.")]


def test_unchanged_summary_is_not_saved_and_a_refused_one_stays_in_the_box(qtbot):
    store = Store({Q3: "Letters improved."})
    dialog = _dialog(qtbot, store)
    dialog._accept()
    assert dialog.result() == ReportPeriodDialog.DialogCode.Accepted and store.saved == []
    dialog = _dialog(qtbot, store)
    dialog.narrative_edit.setPlainText("Twenty-one characters")
    dialog._accept()
    assert dialog.result() != ReportPeriodDialog.DialogCode.Accepted and store.saved == []
    assert "too long" in dialog.error.text() and dialog.narrative() == "Twenty-one characters"


def test_the_summary_typed_in_the_dialog_is_kept_and_printed(qtbot, make_window, db, session, tmp_path, monkeypatch):
    fx = document_data.build(session)
    narrative.save_narrative(session, group_id=fx.group_id, date_from=date(2026, 7, 1), date_to=date(2026, 9, 30),
                             text="Saved before.")
    session.commit()
    window = make_window()
    controller = window.export_controller
    shown = []

    def answer(dialog: ReportPeriodDialog) -> int:
        shown.append(dialog.narrative())
        dialog.narrative_edit.setPlainText("Written in the dialog.")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ReportPeriodDialog, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "report.docx"), ""))
    window.signals.export_requested.emit("report", fx.group_id)
    qtbot.waitUntil(lambda: controller.message is not None, timeout=20000)
    assert shown == ["Saved before."]
    assert "Written in the dialog." in [p.text for p in docx.Document(tmp_path / "report.docx").paragraphs]
    with db.session_scope() as s:
        assert narrative.get_narrative(s, group_id=fx.group_id, date_from=date(2026, 7, 1),
                                       date_to=date(2026, 9, 30)) == "Written in the dialog."
    controller.message.close()
