"""Read-only mode made plain: a banner saying who holds the database, and the controls that change data switched off.

An extension installed only in a read-only window (ui.extensions.READ_ONLY_EXTENSIONS), so this code is not even
loaded when the database can be written.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
    QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, QStyle, QTextEdit, QVBoxLayout,
    QWidget,
)

from interface_desktop.ui.extensions import ExtensionWindow
from interface_desktop.ui.widgets.record_dialog import EDITOR_PROPERTY, SAFE_PROPERTY

# On pages, buttons whose text starts with one of these change data.
# ("Save a copy as…" on a page writes a file, not the database, so "Save" is not among them.)
WRITE_VERBS = ("New", "Add", "Delete", "Remove", "Attach", "Record", "Mark", "Set", "Move", "Create", "Approve",
               "Circulate", "Unlock", "Lock", "Import", "Restore", "Duplicate", "Change")
WATCHED = (QEvent.Type.Show, QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange)


def install(window: ExtensionWindow) -> None:
    if window.runner.read_only:
        window.read_only_guard = ReadOnlyGuard(window)


def banner_text(reason: str) -> str:
    text = "<b>Read-only.</b> "
    if reason:
        text += reason[:1].upper() + reason[1:] + ". "
    text += "You can look, search and export documents here, but nothing can be changed or saved."
    if "in use" in reason:
        text += " To make changes, close Interface Desktop there, then start it again here."
    return text


def _in_editor(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property(EDITOR_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def _writes(button: QAbstractButton) -> bool:
    return button.text().replace("&", "").startswith(WRITE_VERBS)


class ReadOnlyGuard(QObject):
    """Puts the banner above the window's content and locks controls as they appear (and if code unlocks them)."""

    def __init__(self, window: ExtensionWindow):
        super().__init__(window)
        self.window = window
        self.banner = self._banner(window.runner.read_only_reason)
        content = window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(content, 1)
        window.setCentralWidget(holder)
        importing = getattr(window, "action_import", None)  # File > Import actions, when installed
        for action in (window.new_meeting_action, window.save_action, getattr(importing, "menu_action", None)):
            if action is not None:
                action.setEnabled(False)
        QApplication.instance().installEventFilter(self)

    def _banner(self, reason: str) -> QFrame:
        banner = QFrame()
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #c8a600; }"
                             "#readOnlyBanner QLabel { color: #3b2f00; }")
        icon = QLabel()
        size = banner.fontMetrics().height() * 2
        icon.setPixmap(banner.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.banner_label = QLabel(banner_text(reason))
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName("Read-only")
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(icon)
        row.addWidget(self.banner_label, 1)
        return banner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() in WATCHED and isinstance(watched, QWidget) and self._belongs(watched):
            self.lock(watched)
        return False

    def _belongs(self, widget: QWidget) -> bool:
        top = widget.window()
        return top is self.window or (isinstance(top, QDialog) and top.parentWidget() is not None
                                      and top.parentWidget().window() is self.window)

    def lock(self, widget: QWidget) -> None:
        if isinstance(widget, QDialogButtonBox):
            for kind in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Apply):
                if widget.button(kind) is not None:
                    widget.button(kind).setVisible(False)
            cancel = widget.button(QDialogButtonBox.StandardButton.Cancel)
            if cancel is not None and _in_editor(widget):
                cancel.setText("Close")
            return
        if widget.property(EDITOR_PROPERTY):
            # Inputs on tabs not shown yet are locked now, so nothing looks editable for a moment.
            for child in widget.findChildren(QWidget):
                self.lock(child)
            if isinstance(widget, QDialog) and "(read-only)" not in widget.windowTitle():
                widget.setWindowTitle(widget.windowTitle() + " (read-only)")
        if isinstance(widget, QAbstractItemView):
            # Tables edited in place (an action's status, attendance) open no editor; they still select and open.
            if widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif _in_editor(widget):
            self._lock_input(widget)
        elif isinstance(widget, QPushButton) and widget.isEnabled() and _writes(widget) \
                and not isinstance(widget.parentWidget(), QDialogButtonBox):
            widget.setEnabled(False)

    @staticmethod
    def _lock_input(widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            if not widget.isReadOnly():
                widget.setReadOnly(True)
        elif isinstance(widget, (QComboBox, QAbstractSpinBox, QCheckBox, QRadioButton)):
            if widget.isEnabled():
                widget.setEnabled(False)
        elif isinstance(widget, QPushButton) and widget.isEnabled() and not widget.property(SAFE_PROPERTY) \
                and not isinstance(widget.parentWidget(), QDialogButtonBox):
            widget.setEnabled(False)
