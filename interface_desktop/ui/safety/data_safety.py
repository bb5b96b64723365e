"""File menu data safety: back up now, restore a backup, check the database, the backup folder; last backup shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from interface_desktop.ui import settings as prefs
from interface_desktop.ui.extensions import ExtensionWindow
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.safety.restore_dialog import RestoreDialog
from interface_desktop.ui.widgets.confirm import confirm
from interface_desktop.ui.widgets.modal import open_freed, run_modal

NO_FILE = "Backups work on a database file; a database server is backed up by its administrator."
READ_ONLY = "This database is open read-only: back it up and restore it where it is open for writing."


def install(window: ExtensionWindow) -> None:
    window.data_safety = DataSafety(window)


def last_backup_text(info) -> str:  # noqa: ANN001 - a BackupInfo or None
    return f"Last backup: {info.taken_at:%d/%m/%Y %H:%M}" if info is not None else "No backup yet"


class DataSafety(QObject):
    """The File menu's backup entries and the status bar's "Last backup" label, over `runner.maintenance`."""

    def __init__(self, window: ExtensionWindow):
        super().__init__(window)
        self.window = window
        self.maintenance = window.runner.maintenance
        self.tasks = window.tasks
        # Backup, restore and check raise errors written for people (refusals, disk and file problems).
        self.ops = Operations(window.runner, window, signals=window.signals, report=self._show_error)
        self.message: QMessageBox | None = None
        self.choose_backup = self._choose_backup
        self.confirm_restore = self._confirm_restore
        self.last_label = QLabel()
        self.last_label.setAccessibleName("Last backup")
        window.statusBar().addPermanentWidget(self.last_label)
        self._add_menu_items(window.menus["file"])
        window.signals.backups_changed.connect(self.refresh_last_backup)
        self.refresh_last_backup()

    def _add_menu_items(self, menu) -> None:  # noqa: ANN001 - the File QMenu
        # Before the separator that precedes Quit, so Quit stays last.
        before = next((a for a in reversed(menu.actions()) if a.isSeparator()), None)
        made = []
        for text, slot in (("&Back up now", self.back_up_now), ("&Restore from backup…", self.restore),
                           ("&Check database", self.check), ("Backup &folder…", self.choose_folder),
                           ("&Open backups folder", self.open_folder)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            made.append(action)
        self.backup_action, self.restore_action, self.check_action, self.folder_action, self.open_action = made
        if before is None:
            before = menu.addSeparator()
        menu.insertSeparator(before)
        menu.insertActions(before, made)
        menu.setToolTipsVisible(True)
        self._enable()

    def _enable(self) -> None:
        """What can be done here: nothing without a database file; no backup or restore when read-only."""
        m = self.maintenance
        has_file = m is not None and m.db_file is not None
        writable = has_file and not m.read_only
        for action, allowed, why in ((self.backup_action, writable, READ_ONLY if has_file else NO_FILE),
                                     (self.restore_action, writable, READ_ONLY if has_file else NO_FILE),
                                     (self.folder_action, has_file, NO_FILE),
                                     (self.open_action, has_file, NO_FILE),
                                     (self.check_action, m is not None, "")):
            action.setEnabled(allowed)
            action.setToolTip("" if allowed else why)

    # -- the status bar -------------------------------------------------------------------------
    def refresh_last_backup(self) -> None:
        if self.maintenance is None or self.maintenance.db_file is None:
            self.last_label.setVisible(False)
            return
        self.show_last_backup(self.maintenance.last_backup())

    def show_last_backup(self, info) -> None:  # noqa: ANN001 - a BackupInfo or None
        self.last_label.setText(last_backup_text(info))
        folder = self.maintenance.backup_dir if self.maintenance is not None else ""
        self.last_label.setToolTip(f"{info.path}" if info is not None else f"Backups go to {folder}")

    # -- back up now ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        def done(info) -> None:  # noqa: ANN001 - the BackupInfo written
            self.show_last_backup(info)
            self.window.signals.status_message.emit(f"Backup written and checked: {info.path}")

        self.ops.start(self.maintenance.backup_now, tasks=self.tasks, label="Backing up the database…",
                       title="Backup failed", done=done)

    # -- restore --------------------------------------------------------------------------------
    def _choose_backup(self) -> Path | None:
        dialog = RestoreDialog(self.maintenance.list_backups(), self.maintenance.backup_dir, self.window)
        return dialog.chosen if run_modal(dialog) == QDialog.DialogCode.Accepted else None

    def _confirm_restore(self, source: Path) -> bool:
        return confirm(self.window, "Restore from backup", f"Replace the data you have now with {source.name}?",
                       yes="Restore", warning=True,
                       detail="The data you have now is kept as a backup first (\"Before a restore\"), so you can "
                              "go back to it the same way. Everything changed since this backup was taken will no "
                              "longer show.")

    def restore(self) -> None:
        """Pages write what is pending first; a page with unsaved edits may stop the restore."""
        pages = self.window.pages.built()
        if not all(getattr(page, "can_close", lambda: True)() for page in pages):
            return
        for page in pages:
            getattr(page, "flush", lambda: None)()
        source = self.choose_backup()
        if source is None or not self.confirm_restore(source):
            return
        self.ops.start(lambda: self.maintenance.restore(source), tasks=self.tasks, label="Restoring the backup…",
                       title="Restore failed", done=lambda kept: self._restored(source, kept))

    def _restored(self, source: Path, kept: Path | None) -> None:
        # The group list first: the current group may not exist in the restored data when the pages refresh.
        self.window.reload_groups()
        self.ops.announce("all")
        self.refresh_last_backup()
        text = f"Restored {source.name}."
        if kept is not None:
            text += f"\n\nThe data you had before is kept as {kept.name} in {kept.parent}."
        self._inform("Restore from backup", text)

    # -- check ----------------------------------------------------------------------------------
    def check(self) -> None:
        self.ops.start(self.maintenance.check, tasks=self.tasks, label="Checking the database…",
                       title="Check failed", done=self._show_report)

    def _show_report(self, report) -> None:  # noqa: ANN001 - a CheckReport
        if report.ok:
            icon, headline = QMessageBox.Icon.Information, "The database is OK."
        else:
            count = len(report.problems)
            icon = QMessageBox.Icon.Warning
            headline = f"The check found {count} problem{'s' if count != 1 else ''}."
        box = QMessageBox(icon, "Check database", headline, QMessageBox.StandardButton.Close, self.window)
        body = report.lines()
        if not report.ok:
            body.append("\nRestore a recent backup (File > Restore from backup…), or keep this report and ask "
                        "your IT service desk for help.")
        box.setInformativeText("\n".join(body))
        # Wide enough that a database path and the problems read as lines, not a narrow column.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 420px; }")
        self.message = open_freed(box)

    # -- the backup folder ----------------------------------------------------------------------
    def choose_folder(self) -> None:
        current = str(self.maintenance.backup_dir)
        folder = QFileDialog.getExistingDirectory(self.window, "Where should backups go?", current)
        if folder:
            self.use_folder(Path(folder))

    def use_folder(self, folder: Path) -> bool:
        """Accept a folder only when a file can be written there; the choice lasts across restarts."""
        probe = folder / ".interface-desktop-write-test"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            self._show_error("Backup folder", OSError(f"Backups cannot be written to {folder}: "
                                                      f"{exc.strerror or exc}"))
            return False
        prefs.set_backup_folder(folder)
        self.maintenance.backup_dir = folder
        self.refresh_last_backup()
        self.window.signals.status_message.emit(f"Backups now go to {folder}")
        return True

    def open_folder(self) -> None:
        folder = self.maintenance.backup_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- messages -------------------------------------------------------------------------------
    def _inform(self, title: str, text: str) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close,
                                   self.window)
        open_freed(self.message)

    def _show_error(self, title: str, exc: Exception) -> None:
        text = str(exc) or exc.__class__.__name__
        self.message = QMessageBox(QMessageBox.Icon.Warning, title, text[:1].upper() + text[1:],
                                   QMessageBox.StandardButton.Close, self.window)
        open_freed(self.message)
