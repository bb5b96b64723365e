"""Documents from the GUI: asks where to save, writes off the UI thread with progress, offers to open the result."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from interface_desktop.services.core.clock import today
from interface_desktop.services.documents.kinds import KINDS
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.extensions import ExtensionWindow
from interface_desktop.ui.lazy import lazy_module
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.widgets.modal import open_freed, run_modal

groups = lazy_module("interface_desktop.services.people.groups")
issues = lazy_module("interface_desktop.services.issues.issues")
meetings = lazy_module("interface_desktop.services.meetings.meetings")
narratives = lazy_module("interface_desktop.services.documents.narrative")

if TYPE_CHECKING:
    from interface_desktop.exports import jobs

FILTERS = {".docx": "Word document (*.docx)", ".pdf": "PDF (*.pdf)", ".xlsx": "Excel workbook (*.xlsx)",
           ".csv": "CSV for any spreadsheet (*.csv)", ".ics": "Calendar invitation (*.ics)"}


def install(window: ExtensionWindow) -> None:
    window.export_controller = ExportController(window)


class ExportController(QObject):
    """Listens to `export_requested(what, id)`; adds the Export menu's own entries and the Word template setting."""

    def __init__(self, window: ExtensionWindow):
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.tasks = getattr(window, "tasks", None) or TaskRunner(self)
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.ask_period = self._ask_period
        self.confirm_identifiers = self._confirm_identifiers
        self.confirm_builtin_template = self._confirm_builtin_template
        window.signals.export_requested.connect(self.request)
        menu = window.menus["export"]
        # The documents about a group (or every group); those about one meeting or issue are offered there.
        for kind in KINDS.values():
            if kind.subject in ("group", "period"):
                action = menu.addAction(kind.menu_text, lambda _=False, w=kind.code: self.request(w, self._group_id()))
                action.setShortcut(QKeySequence(kind.shortcut))
        menu.addSeparator()
        menu.addAction("&Word template…", self.choose_template)

    def _group_id(self) -> int:
        current = getattr(self.window, "current_group_id", None)
        return (current() if current else 0) or 0

    # -- asking ---------------------------------------------------------------------------------
    def _subject_name(self, what: str, subject_id: int) -> tuple[str, object]:
        """A title for the default file name and the date it carries."""
        kind = KINDS[what]
        if kind.subject == "meeting":
            meeting = self.runner.call(meetings.get_meeting, subject_id)
            return meeting.group_name, meeting.starts_at.date()
        if kind.subject == "issue":
            return self.runner.call(issues.get_issue, subject_id).reference, today()
        name = self.runner.call(groups.get_group, subject_id).name if subject_id else "All groups"
        return name, today()

    def _ask_period(self, scope: str, group_id: int):  # noqa: ANN202 - (date, date) or None
        """The report's period; the lead's summary for it is saved by the dialog before it closes."""
        from interface_desktop.ui.documents.report_period_dialog import ReportPeriodDialog

        group = group_id or None
        dialog = ReportPeriodDialog(
            today(), scope, self.window,
            load_narrative=lambda start, end: self.runner.call(
                narratives.get_narrative, group_id=group, date_from=start, date_to=end),
            save_narrative=lambda start, end, text: self.runner.call(
                narratives.save_narrative, group_id=group, date_from=start, date_to=end, text=text))
        return dialog.period() if run_modal(dialog) == QDialog.DialogCode.Accepted else None

    def _ask_target(self, what: str, name: str, on) -> Path | None:  # noqa: ANN001 - a date
        from interface_desktop.exports import jobs  # loads the document code (not the libraries) when first needed
        kind = KINDS[what]
        folder = prefs.value(prefs.EXPORT_FOLDER) or str(Path.home())
        suggested = str(Path(folder) / jobs.default_name(what, name, on))
        filters = ";;".join(FILTERS[f] for f in kind.formats)
        path, chosen = QFileDialog.getSaveFileName(self.window, f"Save {kind.label.lower()}", suggested, filters)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in kind.formats:
            chosen_ext = next((ext for ext, text in FILTERS.items() if text == chosen), kind.formats[0])
            target = target.with_name(target.name + chosen_ext)
        prefs.set_value(prefs.EXPORT_FOLDER, str(target.parent))
        return target

    def request(self, what: str, subject_id: int) -> None:
        """Runs the whole exchange for one document; every failure ends in a message, never a crash."""
        from interface_desktop.exports import jobs

        try:
            name, on = self._subject_name(what, subject_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._show_error(exc)
            return
        period = None
        if KINDS[what].subject == "period":
            period = self.ask_period(name, subject_id)
            if period is None:
                return
        target = self._ask_target(what, name, on)
        if target is None:
            return
        request = jobs.ExportRequest(what=what, target=target, subject_id=subject_id or None,
                                     template=self.template(), date_from=period[0] if period else None,
                                     date_to=period[1] if period else None)
        self.start(request)

    def template(self) -> Path | None:
        chosen = prefs.value(prefs.WORD_TEMPLATE)
        return Path(chosen) if chosen else None

    # -- running --------------------------------------------------------------------------------
    def start(self, request: jobs.ExportRequest, *, allow_identifiers: bool = False) -> None:
        from interface_desktop.exports import jobs  # loads the document code (not the libraries) when first needed
        from interface_desktop.exports.docx_styles import TemplateError
        label = f"Writing {KINDS[request.what].label.lower()}…"
        self.progress = QProgressDialog(label, "", 0, 0, self.window)
        self.progress.setWindowTitle("Export")
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        self.progress.setModal(True)
        self.progress.show()

        def failed(exc: Exception) -> None:
            self._close_progress()
            if isinstance(exc, jobs.IdentifierFindingsError) and self.confirm_identifiers(str(exc)):
                self.start(request, allow_identifiers=True)
            elif isinstance(exc, TemplateError) and request.template and self.confirm_builtin_template(str(exc)):
                self.start(replace(request, template=None), allow_identifiers=allow_identifiers)
            else:
                self._show_error(exc)

        self.tasks.start(label, lambda: jobs.run(self.runner, request, allow_identifiers=allow_identifiers),
                         self._done, failed)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()  # a child of the window: kept until the window goes, otherwise
            self.progress = None

    def _done(self, path: Path) -> None:
        self._close_progress()
        box = QMessageBox(QMessageBox.Icon.Information, "Export", f"Saved {path.name}\nin {path.parent}",
                          QMessageBox.StandardButton.Close, self.window)
        open_file = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(open_file)

        def clicked(button) -> None:  # noqa: ANN001 - the clicked button
            if button is open_file:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(clicked)
        self.message = open_freed(box)
        signals = self.window.signals
        if hasattr(signals, "status_message"):
            signals.status_message.emit(f"Saved {path}")

    def _confirm_identifiers(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Possible patient identifiers",
                          text[0].upper() + text[1:] + ".\n\nDocuments that leave the group must not identify "
                          "patients. Export anyway?", QMessageBox.StandardButton.Cancel, self.window)
        export = box.addButton("Export anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is export

    def _confirm_builtin_template(self, text: str) -> bool:
        """The board's template was refused: nothing was written. The user decides whether this document goes
        out on the built-in template; the setting is left alone so the board's template is fixed, not lost."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Word template refused",
                          text[0].upper() + text[1:] + ".\n\nNothing was written. You can export this document with "
                          "the built-in template instead, or cancel and choose another template under "
                          "Export > Word template….", QMessageBox.StandardButton.Cancel, self.window)
        builtin = box.addButton("Use the built-in template", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is builtin

    def _show_error(self, exc: Exception, title: str = "Export failed") -> None:
        from interface_desktop.services.core.errors import ServiceError

        text = str(exc) if isinstance(exc, ServiceError) else f"Something went wrong: {exc!r}"
        text = text[:1].upper() + text[1:]
        self.message = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                                   self.window)
        open_freed(self.message)

    # -- the board's Word template ----------------------------------------------------------------
    def choose_template(self) -> None:
        current = self.template()
        box = QMessageBox(QMessageBox.Icon.Question, "Word template",
                          "Word minutes, agendas, SEA reports and quarterly reports are built on a Word template: "
                          "its styles, letterhead, header and footer.\n\nNow using: "
                          + (str(current) if current else "the clean template that comes with the app"),
                          QMessageBox.StandardButton.Cancel, self.window)
        choose = box.addButton("Choose template…", QMessageBox.ButtonRole.AcceptRole)
        default = box.addButton("Use the built-in template", QMessageBox.ButtonRole.ResetRole)
        box.exec()
        if box.clickedButton() is default:
            prefs.set_value(prefs.WORD_TEMPLATE, "")
        elif box.clickedButton() is choose:
            path, _ = QFileDialog.getOpenFileName(self.window, "Choose the board's Word template",
                                                  str(current.parent) if current else str(Path.home()),
                                                  "Word document (*.docx)")
            if path:
                self.set_template(Path(path))

    def set_template(self, path: Path) -> bool:
        """Accepts a template only when the file guard passes it and it opens as a Word document."""
        from interface_desktop.exports.docx_styles import WordDoc

        try:
            WordDoc(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._show_error(exc, "Word template refused")
            return False
        prefs.set_value(prefs.WORD_TEMPLATE, str(path))
        return True

