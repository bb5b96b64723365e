"""Opens the main window on a first start (no saved layout) and prints its geometry as JSON; run by
test_window_fit in a process of its own, on an offscreen screen of the size under test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox

from interface_desktop.app import open_app_database
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.main_window import MainWindow


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def combo_text_fits(combo: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


def main(database: str, settings: str) -> None:
    app = QApplication(sys.argv[:1])
    prefs.use_file(Path(settings))
    db = open_app_database(database)
    window = MainWindow(ServiceRunner(db.session_scope, location=str(db.file)))
    window.show()
    settle()
    screen = window.screen().availableGeometry()
    status = window.statusBar()
    report = {"screen": [screen.width(), screen.height()],
              "window": [window.frameGeometry().width(), window.frameGeometry().height()],
              "frame_inside": inside(screen, window.frameGeometry()),
              "status_visible": status.isVisible() and inside(window.rect(), status.geometry())}
    window.group_combo.setCurrentIndex(1)  # the first group, with the longest name in the example data
    window.show_module("meetings_view")
    settle()
    page = window.pages.current_page()
    page.when.setCurrentIndex(page.when.findData("all"))
    settle()
    report.update(group=window.group_combo.currentText(), group_whole=combo_text_fits(window.group_combo),
                  meetings=page.model.rowCount(), meetings_scroll=page.table.horizontalScrollBar().isVisible(),
                  list_width=page.list_pane.width())
    print(json.dumps(report))
    window.close()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:3])
