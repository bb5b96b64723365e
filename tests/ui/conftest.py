"""GUI fixtures: a service runner over the test database, isolated preferences, a main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from interface_desktop.services.core.runner import ServiceRunner


@pytest.fixture
def runner(db) -> ServiceRunner:  # the Database fixture
    return ServiceRunner(db.session_scope, location=str(db.file or db.url))


@pytest.fixture(autouse=True)
def ui_settings(tmp_path: Path, qapp):  # the QApplication fixture
    from interface_desktop.ui import settings as prefs

    store = prefs.use_file(tmp_path / "ui.ini")
    yield store
    store.sync()


@pytest.fixture(autouse=True)
def no_file_dialogs(monkeypatch):
    """A file dialog offscreen would wait forever: by default it answers "cancelled"; tests choose files."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))


@pytest.fixture
def make_window(qtbot, runner):
    from interface_desktop.ui.main_window import MainWindow

    def make() -> MainWindow:
        window = MainWindow(runner)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts follow keyboard focus, which needs an active window
            window.show()
            window.activateWindow()
        return window

    return make
