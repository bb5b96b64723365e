"""Typist process for the minutes kill test: forks copies of the app that type minutes until they are killed.

Run as a script: it imports the app and Qt once, then serves commands on stdin, so each copy starts in a
fraction of a second rather than re-importing. Every copy runs the GUI the way `interface-desktop` does
(`run_gui`, offscreen) over the database in the folder it is given (INTERFACE_DESKTOP_DATA_DIR).

- `type <folder> <item> <seconds>` forks a copy that opens the minutes of agenda item <item> and types TEXT into
  its Discussion with real key events, one every KEY_MS, for <seconds>; it prints `start <t>` before the first
  key and `typed <n> <t>` after the n-th (t is time.monotonic(), the same clock in every process).
- `restore <folder>` forks a copy that answers the start-up offer of unsaved minutes with Restore, prints
  `restored <item> <length of its discussion>` (or `no-offer`) and quits.
- `reap <pid>` waits for that copy to end and answers `reaped <status>`.
Every line is one write to the pipe, so lines from the copies and the server never interleave.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import interface_desktop.services.audit.tracking  # noqa: F401 - loaded here once rather than in every copy
from interface_desktop.app import run_gui
from interface_desktop.paths import DB_FILENAME, ENV_DATA_DIR
from interface_desktop.services.meetings import agenda
from interface_desktop.ui.main_window import MainWindow
from interface_desktop.ui.meetings import meetings_view, recovery  # noqa: F401 - the pages the copies open

KEY_MS = 80  # about 12 keys a second: a quick, steady typist
SENTENCE = "Item {n}: the group agreed that discharge letters reach practices within 48 hours. "
TEXT = "".join(SENTENCE.format(n=n) for n in range(1, 40))
GIVE_UP_S = 30  # a copy that never gets going still ends


def say(*words: object) -> None:
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode())


def _when_ready(then: Callable[[MainWindow], None]) -> None:
    """Calls `then(window)` once the main window is up and its data layer loaded."""
    started = time.monotonic()

    def poll() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is not None and window.runner.loaded:
            then(window)
        elif time.monotonic() - started > GIVE_UP_S:
            say("error", "the main window never became ready")
            QApplication.quit()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def _type(window: MainWindow, item_id: int, seconds: float) -> None:
    if not window.open_record("agenda", item_id):
        say("error", "the minutes of item", item_id, "did not open")
        return
    tab = window.pages.current_page().editor.minutes
    tab.discussion.setFocus()
    keys = min(len(TEXT), int(seconds * 1000 / KEY_MS))
    typed = 0
    timer = QTimer(window, interval=KEY_MS)

    def key() -> None:
        nonlocal typed
        QTest.keyClick(tab.discussion, TEXT[typed])
        typed += 1
        say("typed", typed, time.monotonic())
        if typed == keys:
            timer.stop()

    timer.timeout.connect(key)
    say("start", time.monotonic())
    timer.start()


def _restore(window: MainWindow) -> None:
    """Clicks Restore in the recovery offer (shown soon after start-up), then reports and quits."""
    started = time.monotonic()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, recovery.RecoveredMinutesDialog):
            dialog.choices[recovery.RESTORE].click()
            QTimer.singleShot(0, report)
        elif time.monotonic() - started > 5:
            say("no-offer")
            window.close()
        else:
            QTimer.singleShot(20, poll)

    def report() -> None:
        item_id = window.pages.current_page().editor.minutes.current.id
        say("restored", item_id, len(window.runner.call(agenda.get_agenda_item, item_id).discussion))
        window.close()

    poll()


def run_copy(folder: Path, then: Callable[[MainWindow], None]) -> None:
    os.environ[ENV_DATA_DIR] = str(folder)
    QApplication(sys.argv[:1])
    _when_ready(then)
    run_gui(argparse.Namespace(db=str(folder / DB_FILENAME), backup_dir=None, exit_after_start=False))


def fork(job: Callable[[], None]) -> None:
    pid = os.fork()
    if pid == 0:
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - the test fails on this line rather than on a silent exit
            say("error", repr(exc).replace("\n", " "))
            os._exit(1)
        os._exit(0)
    say("pid", pid)


def serve() -> None:
    say("ready")
    for line in sys.stdin:
        command, *args = line.split()
        if command == "type":
            item_id, seconds = int(args[1]), float(args[2])
            fork(lambda db=Path(args[0]), item=item_id, s=seconds: run_copy(db, lambda window: _type(window, item, s)))
        elif command == "restore":
            fork(lambda db=Path(args[0]): run_copy(db, _restore))
        elif command == "reap":
            _, status = os.waitpid(int(args[0]), 0)
            say("reaped", status)


if __name__ == "__main__":
    serve()
