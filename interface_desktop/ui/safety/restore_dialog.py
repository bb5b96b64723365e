"""Choose a backup to restore: the app's backups newest first (date, reason, size), or any file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

REASON_LABELS = {"daily": "Automatic (daily)", "manual": "Backed up by hand", "pre-restore": "Before a restore"}
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_label(info) -> str:  # noqa: ANN001 - a BackupInfo
    """Why the backup was taken; a copy from before an upgrade names the schema it was upgraded to."""
    if info.reason == "pre-migration":
        return f"Before upgrade to schema {info.upgrade_to}"
    return REASON_LABELS.get(info.reason, info.reason)


def file_size(size: int) -> str:
    """'640 KB', '12.4 MB' (1 KB = 1024 bytes, as Windows Explorer shows them)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class RestoreDialog(QDialog):
    """`chosen` holds the path after Accept; the caller confirms and restores."""

    def __init__(self, backups: list, backup_dir: Path, parent: QWidget | None = None):  # BackupInfo-like rows
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backup_dir = backup_dir
        self.chosen: Path | None = None
        intro = QLabel("Choose the backup to go back to. The data you have now is kept as a backup first, "
                       "so a restore can itself be undone.")
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["Taken", "Why", "Size"])
        for info in backups:
            row = QTreeWidgetItem([f"{info.taken_at:%a %d/%m/%Y %H:%M}", reason_label(info), file_size(info.size)])
            row.setData(0, PATH_ROLE, str(info.path))
            row.setToolTip(0, str(info.path))
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(row)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.list.itemDoubleClicked.connect(lambda *_: self._restore_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        where = QLabel(f"Backups in {backup_dir}" if backups else f"There are no backups in {backup_dir} yet.")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = self.buttons.addButton("Choose &file…", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addWidget(where)
        column.addWidget(self.buttons)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update_buttons()
        self.resize(560, 380)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def _restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(0, PATH_ROLE))
            self.accept()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Restore from a database file", str(self.backup_dir),
                                              "Interface Desktop database (*.sqlite3 *.db);;All files (*)")
        if path:
            self.chosen = Path(path)
            self.accept()
