"""Previews an action tracker row by row, then imports it into a group off the UI thread, all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from interface_desktop.services.imports import action_import
from interface_desktop.ui.imports.import_preview_model import ImportPreviewModel
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import error_text


class ActionImportDialog(QDialog):
    """Shows what every row will become; Import is offered only when no row has a problem."""

    def __init__(self, window, path: Path, groups: list, group_id: int,  # noqa: ANN001 - the main window
                 parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.ops = Operations(window.runner, self, signals=window.signals, report=self._failed)
        self.path = Path(path)
        self.preview: action_import.ActionImportPreview | None = None
        self.result_: action_import.ActionImportResult | None = None
        self.setWindowTitle("Import actions from Excel")
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName("Group to import into")
        for group in groups:
            self.group_combo.addItem(group.name, group.id)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group_id)))
        self.group_combo.currentIndexChanged.connect(self.load)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.model = ImportPreviewModel(self)
        self.table = self._table()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(1120, 580)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName("Rows of the tracker and what each becomes")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column, width in ((ImportPreviewModel.ROW, 48), (ImportPreviewModel.ACTION, 320),
                              (ImportPreviewModel.OWNER, 190), (ImportPreviewModel.DUE, 88),
                              (ImportPreviewModel.STATUS, 90)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(ImportPreviewModel.RESULT, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("File:", QLabel(self.path.name))
        form.addRow("Into &group:", self.group_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def group_id(self) -> int:
        return int(self.group_combo.currentData())

    # -- preview --------------------------------------------------------------------------------
    def load(self) -> None:
        """Reads the file and plans every row on a worker; nothing is written."""
        self.import_button.setEnabled(False)
        self.summary.setText(f"Reading {self.path.name}…")
        self.error.clear()
        self._on_worker("Reading", action_import.preview_actions, (), self._show)

    def _on_worker(self, verb: str, service, kinds: tuple[str, ...], done) -> None:  # noqa: ANN001 - a service, a slot
        group_id, path, runner = self.group_id(), self.path, self.window_.runner
        self.ops.start(lambda: runner.call(service, group_id=group_id, path=path), tasks=self.window_.tasks,
                       label=f"{verb} {path.name}…", title="Import actions", kinds=kinds, done=done)

    def _show(self, preview: action_import.ActionImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self.table.resizeRowsToContents()
        summary = preview.summary[0].upper() + preview.summary[1:] + "."
        self.summary.setText(f"<b>{summary}</b>")
        where = f"Sheet '{preview.sheet}', header" if preview.sheet else "Header"
        lines = [f"{where} on row {preview.header_row}. Columns read: {', '.join(preview.columns.values())}"
                 + (f"; not read: {', '.join(preview.ignored_columns)}" if preview.ignored_columns else "")]
        lines[0] = lines[0].rstrip(".") + "."
        if preview.new_people:
            lines.append("New people to add: " + ", ".join(preview.new_people) + ".")
        if preview.matched_people:
            lines.append("Owners already here: " + ", ".join(preview.matched_people) + ".")
        self.details.setText("\n".join(lines))
        if preview.problems:
            self.error.setText(f"Fix the {len(preview.problems)} highlighted problem(s) in the file and open it "
                               f"again; nothing is imported while any row has a problem.")
        self.import_button.setEnabled(not preview.problems and bool(preview.to_add))

    def _failed(self, _title: str, exc: Exception) -> None:
        """Shown in the dialog itself, where the file's problems are."""
        text = error_text(exc)
        self.summary.setText("<b>Nothing can be imported from this file.</b>")
        self.error.setText(text[:1].upper() + text[1:])
        self.import_button.setEnabled(False)
        self.buttons.setEnabled(True)
        self.group_combo.setEnabled(True)

    # -- import ---------------------------------------------------------------------------------
    def run_import(self) -> None:
        """The file is read and checked again inside one transaction; any problem writes nothing."""
        self.buttons.setEnabled(False)
        self.group_combo.setEnabled(False)
        self._on_worker("Importing", action_import.import_actions, ("action",), self._imported)

    def _imported(self, result: action_import.ActionImportResult) -> None:
        self.result_ = result
        if result.people_added:
            self.ops.announce("person")
        self.window_.signals.status_message.emit(result.message)
        self.accept()
