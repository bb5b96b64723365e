"""The application shell: navigation, current group, menus, global search, status bar, first run."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QMainWindow, QMenu, QMessageBox, QProgressBar, QStackedWidget,
    QStyle, QToolBar, QWidget,
)

from interface_desktop import APP_NAME, __version__
from interface_desktop.services.dashboard import read
from interface_desktop.services.dashboard.types import GroupChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.extensions import extensions_for
from interface_desktop.ui.meetings.commands import MeetingCommands
from interface_desktop.ui.page_host import PageHost
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.tasks import TaskRunner

MENU_TITLES = {"file": "&File", "edit": "&Edit", "view": "&View", "meeting": "&Meeting", "export": "E&xport",
               "tools": "&Tools", "help": "&Help"}
# Search hits and dashboard rows name kinds; these are the record kinds the views open.
OPEN_KIND = {"minutes": "agenda", "sea": "issue"}


class MainWindow(QMainWindow):
    """Offers extensions `menus`, `runner`, `signals`, `tasks` and `current_group_id()`."""

    def __init__(self, runner: ServiceRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = AppSignals(self)
        self.tasks = TaskRunner(self)
        self.setWindowTitle(f"{APP_NAME} (read-only)" if runner.read_only else APP_NAME)
        self._groups: list[GroupChoice] = []
        self._search = None
        self._first_run = None
        self._waiting_row: int | None = None  # a first page other than the dashboard waits for the data layer
        self.meeting_commands = MeetingCommands(runner, self.signals, self)
        self.pages = PageHost(runner, self.signals, self)
        self._build_body()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.signals.open_record.connect(self.open_record)
        self.signals.data_changed.connect(self._on_data_changed)
        self.signals.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.tasks.busy_changed.connect(self._show_busy)
        for name in extensions_for(runner):
            importlib.import_module(name).install(self)
        self._hide_empty_menus()
        self._restore()

    # -- building -------------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setAccessibleName("Navigation")
        self.nav.setObjectName("navigation")
        for entry in self.pages.entries:
            self.nav.addItem(entry.title)
        self.nav.setSpacing(3)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 4 * self.fontMetrics().averageCharWidth() + 24)
        self.nav.currentRowChanged.connect(self._show_row)
        self.body = QWidget()
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.root = QStackedWidget()
        self.root.addWidget(self.body)
        self.setCentralWidget(self.root)

    def _build_menus(self) -> None:
        self.menus: dict[str, QMenu] = {key: self.menuBar().addMenu(title) for key, title in MENU_TITLES.items()}
        # Ctrl+N makes a record of the page's kind (an issue on Issues); elsewhere a meeting.
        self.new_meeting_action = self._action("file", "&New meeting…", self._new_record,
                                               QKeySequence.StandardKey.New)
        self.menus["file"].addSeparator()
        quit_action = self._action("file", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.save_action = self._action("edit", "&Save", self.save_current, QKeySequence.StandardKey.Save)
        self.find_action = self._action("edit", "&Find everywhere…", self.open_search, QKeySequence.StandardKey.Find)
        for n, entry in enumerate(self.pages.entries):
            # "Issues & SEAs": a single & in menu text would mark the space as its Alt key and vanish.
            self._action("view", entry.title.replace("&", "&&"), lambda _=False, n=n: self.nav.setCurrentRow(n),
                         QKeySequence(f"Ctrl+{n + 1}") if n < 9 else None)
        self.menus["view"].addSeparator()
        self._action("view", "&Refresh", self.refresh_current, QKeySequence.StandardKey.Refresh)
        self.meeting_commands.add_to_menu(self.menus["meeting"])
        self._action("help", "&Keyboard shortcuts", self._show_shortcuts, QKeySequence.StandardKey.HelpContents)
        about = self._action("help", f"&About {APP_NAME}", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: str, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001 - slot callable
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.menus[menu].addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        label = QLabel("Group: ")
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName("Current group")
        # Wide enough for the longest group name (they run to 50-odd characters), so the chosen one reads whole.
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.setMaximumWidth(self.fontMetrics().averageCharWidth() * 72)
        label.setBuddy(self.group_combo)
        bar.addWidget(label)
        bar.addWidget(self.group_combo)
        bar.addSeparator()
        bar.addAction(self.find_action)
        bar.addAction(self.new_meeting_action)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setAccessibleName("Working")
        state = " (read-only: changes cannot be saved)" if self.runner.read_only else ""
        self.location_label = QLabel(f"Data: {self.runner.location}{state}")
        self.location_label.setToolTip(f"Where this app keeps its data: {self.runner.location}")
        # A long network path is clipped rather than widening the window; the tooltip shows all of it.
        self.location_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.busy_label, self.busy_bar, self.location_label):
            self.statusBar().addPermanentWidget(widget)
        self._show_busy("")

    def _hide_empty_menus(self) -> None:
        for menu in self.menus.values():
            menu.menuAction().setVisible(bool(menu.actions()))

    # -- state ----------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = prefs.value(prefs.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._first_geometry()
        self.restoreState(prefs.value(prefs.WINDOW_STATE))
        self.reload_groups(select=prefs.value(prefs.CURRENT_GROUP))
        if not self._groups:
            self.show_first_run()
            return
        self._show_saved_view()

    def _first_geometry(self) -> None:
        """First start: the whole window, frame and status bar included, on the screen's free area. A laptop
        screen (1366x768, the commonest in NHS Scotland) is used whole; a bigger one mostly, centred."""
        screen = self.screen().availableGeometry()
        # The frame is not known before the window is shown; leave room for a title bar and borders.
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8
        width, height = screen.width() - 8, screen.height() - title
        if screen.width() >= 1600 and screen.height() >= 900:
            width, height = int(screen.width() * 0.85), int(screen.height() * 0.85)
        self.resize(width, height)
        self.move(screen.center() - self.rect().center() + QPoint(0, title // 2))
        if screen.width() < 1600 or screen.height() < 900:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def _show_saved_view(self) -> None:
        n = max(self.pages.index_of_module(prefs.value(prefs.LAST_VIEW)), 0)
        if n and self.runner.reads_plainly:
            # Only the dashboard is read before the data layer loads: the window shows this page's place
            # ("Opening…") and builds it as soon as that load is done (data_layer_loaded).
            self._waiting_row = n
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(n)
            self.nav.blockSignals(False)
            self.pages.setCurrentIndex(n)
            return
        self.nav.setCurrentRow(n)

    def data_layer_loaded(self) -> None:
        """Called once the data layer has loaded: the page that waited for it is built and shown."""
        row, self._waiting_row = self._waiting_row, None
        if row is not None and self.nav.currentRow() == row:
            self._show_row(row)
        from interface_desktop.ui.meetings import recovery  # reads the database: only now it is loaded

        recovery.offer_soon(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self._may_leave(page) for page in self.pages.built()):
            event.ignore()
            return
        for built in self.pages.built():
            getattr(built, "flush", lambda: None)()
        self.tasks.wait()
        prefs.set_value(prefs.GEOMETRY, self.saveGeometry())
        prefs.set_value(prefs.WINDOW_STATE, self.saveState())
        self.pages.save_state()
        prefs.store().sync()
        super().closeEvent(event)

    # -- groups ---------------------------------------------------------------------------------
    def reload_groups(self, select: int | None = None) -> None:
        self._groups = read.group_choices(self.runner)
        keep = self.current_group_id() if select is None else (select or None)
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem("All groups", 0)
        for group in self._groups:
            self.group_combo.addItem(group.name, group.id)
        found = self.group_combo.findData(keep or 0)
        if keep is None and len(self._groups) == 1:
            found = 1
        self.group_combo.setCurrentIndex(max(found, 0))
        self.group_combo.blockSignals(False)
        self.pages.set_group(self.current_group_id())

    def current_group_id(self) -> int | None:
        data = self.group_combo.currentData() if hasattr(self, "group_combo") else None
        return int(data) if data else None

    def _group_chosen(self) -> None:
        group_id = self.current_group_id()
        prefs.set_value(prefs.CURRENT_GROUP, group_id or 0)
        self.pages.set_group(group_id)
        self.signals.group_changed.emit(group_id or 0)

    # -- navigation -----------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        previous = self.pages.current_page()
        if previous is not None and previous is not self.pages.entries[row].page:
            if not self._may_leave(previous):
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self.pages.currentIndex())
                self.nav.blockSignals(False)
                return
            getattr(previous, "flush", lambda: None)()
        page = self.pages.show_page(row)
        self.new_meeting_action.setText(f"&New {self._new_noun(page) or 'meeting'}…")
        prefs.set_value(prefs.LAST_VIEW, self.pages.entries[row].key)

    @staticmethod
    def _may_leave(page) -> bool:  # noqa: ANN001 - a View
        """Pages with unsaved edits ask first (`can_close`); False when the user chose to stay."""
        return getattr(page, "can_close", lambda: True)()

    def show_module(self, module: str):  # noqa: ANN201 - the View shown
        n = self.pages.index_of_module(module)
        if n < 0:
            return None
        self.nav.setCurrentRow(n)
        return self.pages.page(n)

    def open_record(self, kind: str, record_id: int) -> bool:
        kind = OPEN_KIND.get(kind, kind)
        n = self.pages.index_for_kind(kind)
        if n < 0:
            self.statusBar().showMessage(f"No view for {kind} records in this version", 6000)
            return False
        self.root.setCurrentWidget(self.body)
        self.nav.setCurrentRow(n)
        return self.pages.page(n).open_record(kind, record_id)

    def refresh_current(self) -> None:
        page = self.pages.current_page()
        if page is not None:
            page.refresh()

    def save_current(self) -> None:
        page = self.pages.current_page()
        save = getattr(page, "save", None)
        if save is not None:
            save()

    def _on_data_changed(self, kind: str) -> None:
        if kind == "group":
            self.reload_groups()
        self.pages.mark_changed(kind)

    def _new_record(self) -> None:
        page = self.pages.current_page()
        if self._new_noun(page):
            page.new_record()
            return
        page = self.show_module("meetings_view")
        if page is not None:
            page.new_meeting()

    @staticmethod
    def _new_noun(page) -> str:  # noqa: ANN001 - a View
        """What a page's own New makes ("issue"), or "" for pages that make none."""
        return getattr(page, "noun", "") if hasattr(page, "new_record") else ""

    # -- dialogs --------------------------------------------------------------------------------
    def open_search(self) -> None:
        if self._search is None:
            from interface_desktop.ui.search_dialog import SearchDialog

            self._search = SearchDialog(self.runner, self.signals, self.current_group_id, self)
        self._search.show_and_focus()

    def show_first_run(self) -> None:
        from interface_desktop.ui.first_run import FirstRunPage

        if self._first_run is None:
            self._first_run = FirstRunPage(self.runner, self.tasks, self)
            self._first_run.finished.connect(self._first_run_done)
            self.root.addWidget(self._first_run)
        self.root.setCurrentWidget(self._first_run)
        for menu in ("meeting", "view"):
            self.menus[menu].setEnabled(False)
        self.toolbar.setEnabled(False)

    def _first_run_done(self, group_id: int) -> None:
        self.toolbar.setEnabled(True)
        for menu in ("meeting", "view"):
            self.menus[menu].setEnabled(True)
        self.root.setCurrentWidget(self.body)
        self.reload_groups(select=group_id)
        self.pages.mark_changed("all")
        self._show_saved_view()
        self.pages.show_page(self.nav.currentRow())

    def _show_busy(self, label: str) -> None:
        self.busy_label.setText(label)
        self.busy_label.setVisible(bool(label))
        self.busy_bar.setVisible(bool(label))

    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", (
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>The offline secretariat for NHS Scotland primary/secondary care Interface Groups.</p>"
            f"<p><b>Data location:</b><br>{self.runner.location}</p>"
            f"<p><b>Preferences:</b><br>{prefs.store().fileName()}</p>"
            "<p>All data stays on this computer or your shared drive; the app makes no network connections.</p>"))

    def _show_shortcuts(self) -> None:
        from interface_desktop.ui.shortcuts import ShortcutsDialog, bindings

        # The pages not built yet hold shortcuts too: build them so the list is the whole of it.
        for n in range(len(self.pages.entries)):
            self.pages.page(n)
        ShortcutsDialog(bindings(self), self).exec()
