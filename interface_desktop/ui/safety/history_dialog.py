"""A record's audit trail: when, who, what changed (field, old → new), with "Save as CSV…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.extensions import ExtensionWindow
from interface_desktop.ui.widgets.modal import open_freed

KIND_LABELS = {"issue": "interface issue", "action": "action", "meeting": "meeting", "activity": "activity",
               "person": "person", "group": "group", "agenda": "agenda item"}
SHOWN_CHARS = 60  # longer values are cut in the table; the tooltip and the CSV have them whole


def install(window: ExtensionWindow) -> None:
    """`signals.history_requested(kind, id)` anywhere in the app opens the record's history."""
    window.signals.history_requested.connect(lambda kind, record_id: show_history(window, kind, record_id))


def show_history(window: ExtensionWindow, kind: str, record_id: int) -> HistoryDialog:
    window.history_dialog = open_freed(HistoryDialog(window.runner, kind, record_id, window))
    return window.history_dialog


def _cut(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= SHOWN_CHARS else one_line[: SHOWN_CHARS - 1] + "…"


class HistoryDialog(QDialog):
    def __init__(self, runner: ServiceRunner, kind: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self.record_id = kind, record_id
        label = KIND_LABELS.get(kind, kind)
        self.setWindowTitle(f"History of this {label}")
        # Imported here: the extension is installed at start-up, which must not load the export modules
        # (nor the document labels the readable history borrows).
        from interface_desktop.exports import history_csv
        from interface_desktop.services.audit import labels as audit_labels

        self.history_csv = history_csv
        entries = runner.call(audit_labels.readable_history, kind, record_id)
        self.rows = history_csv.history_rows(entries)
        self.saved_to: Path | None = None
        self.table = QTreeWidget()
        self.table.setAccessibleName("Changes")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(["When", "Who", "What", "Field", "Old value", "", "New value"])
        for row in self.rows:
            when, who, what, field, old, new = row.values()
            item = QTreeWidgetItem([when[:16], who, what, field, _cut(old), "→" if old or new else "", _cut(new)])
            item.setToolTip(4, old)
            item.setToolTip(6, new)
            item.setToolTip(0, when)
            item.setTextAlignment(5, Qt.AlignmentFlag.AlignCenter)
            self.table.addTopLevelItem(item)
        for column in range(6):
            self.table.resizeColumnToContents(column)
        summary = QLabel(f"{len(entries)} recorded change{'s' if len(entries) != 1 else ''} to this {label} "
                         f"({len(self.rows)} field values), oldest first. Hover over a value to read it whole."
                         if self.rows
                         else f"No changes to this {label} have been recorded.")
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton("&Save as CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(bool(self.rows))
        self.save_button.clicked.connect(self.save_csv)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(summary)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        self.resize(900, 460)

    def save_csv(self) -> Path | None:
        folder = prefs.value(prefs.EXPORT_FOLDER) or str(Path.home())
        suggested = str(Path(folder) / f"History of {KIND_LABELS.get(self.kind, self.kind)} {self.record_id}.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Save history as CSV", suggested, "CSV for any spreadsheet (*.csv)")
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".csv") else Path(path + ".csv")
        try:
            self.saved_to = self.history_csv.export(self.rows, target)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the file, if any, is unchanged
            QMessageBox.warning(self, "Save as CSV", str(exc)[:1].upper() + str(exc)[1:])
            return None
        prefs.set_value(prefs.EXPORT_FOLDER, str(target.parent))
        self.setWindowTitle(self.windowTitle().split(" (")[0] + f" (saved to {target.name})")
        return self.saved_to
