"""Global search (Ctrl+F): type, see hits grouped by kind, Enter opens the record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from interface_desktop.services.search import search
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.widgets.record_tree import RecordTree
from interface_desktop.ui.signals import AppSignals


class SearchDialog(QDialog):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, group_id: Callable[[], int | None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.group_id = group_id
        self.setWindowTitle("Search everything")
        self.query = QLineEdit()
        self.query.setPlaceholderText("Words from minutes, actions, issues, meetings, activities, people…")
        self.query.setAccessibleName("Search words")
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel("Type to search. ↓ moves to the results, Enter opens one.")
        self.results = RecordTree(["Found", "Where"], "Search results")
        self.results.record_activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._open_first)
        self.query.installEventFilter(self)
        self.resize(720, 520)
        self.restoreGeometry(prefs.value(prefs.SEARCH_GEOMETRY))

    def show_and_focus(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.summary.setText("Type to search.")
            return
        hits = self.runner.call(search.search, text, group_id=self.group_id())
        groups: dict[str, object] = {}
        for hit in hits:
            parent = groups.get(hit.kind)
            if parent is None:
                parent = groups[hit.kind] = self.results.add([hit.kind_label, ""])
                parent.setExpanded(True)
            self.results.add([hit.title or "(untitled)", hit.snippet], hit.kind, hit.ref_id, parent=parent,
                             tooltip=hit.snippet)
        for label_item in groups.values():
            label_item.setText(0, f"{label_item.text(0)} ({label_item.childCount()})")
        self.summary.setText(f"{len(hits)} found" if hits else f"Nothing found for “{text}”.")

    def _first_hit(self):  # noqa: ANN202 - a QTreeWidgetItem or None
        top = self.results.topLevelItem(0)
        return top.child(0) if top is not None and top.childCount() else None

    def _open_first(self) -> None:
        self.run_search()
        hit = self._first_hit()
        if hit is not None:
            self.results.setCurrentItem(hit)
            self.results.itemActivated.emit(hit, 0)

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001 - Qt's signature
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            hit = self._first_hit()
            if hit is not None:
                self.results.setFocus()
                self.results.setCurrentItem(hit)
                return True
        return super().eventFilter(obj, event)

    def _open(self, kind: str, record_id: int) -> None:
        self.signals.open_record.emit(kind, record_id)

    def done(self, result: int) -> None:
        prefs.set_value(prefs.SEARCH_GEOMETRY, self.saveGeometry())
        super().done(result)
