"""A secretary's day in one process: every editor and dialog opened and cancelled many times, pages and searches.

Run as a script over a copy of the example database (`editor_soak.py DB CYCLES`); prints one JSON line: resident
memory after a warm-up and after the cycles, and the dialogs still alive at the end. Each dialog is opened the
way the window opens it (its own `exec()` or `open()`) and cancelled by a timer, as a user pressing Escape.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import os
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QDialog


WARM_UP_DAYS = 30
BROWSE_EVERY = 4  # pages and searches every fourth day: they free what they build, and the soak must stay short


def resident_bytes() -> int:
    """The process's resident memory: /proc on Linux, the working set on Windows."""
    if sys.platform == "win32":
        return _working_set()
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _working_set() -> int:
    class Counters(ctypes.Structure):
        _fields_ = [("cb", ctypes.c_ulong), ("PageFaultCount", ctypes.c_ulong)] + [
            (name, ctypes.c_size_t) for name in ("PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                                                 "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage",
                                                 "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")]

    counters = Counters(cb=ctypes.sizeof(Counters))
    process = ctypes.windll.kernel32.GetCurrentProcess()
    ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
    return counters.WorkingSetSize


def settle() -> None:
    """Deleted-later objects go, and Python's cycles are collected, before anything is counted.

    glibc keeps freed blocks in its heap, scattered among live ones, and reuses them; `malloc_trim` hands the free
    pages back, so what stays resident is what is in use (on the old code the editors were in use: 1-3 MiB each).
    Qt's pixmap cache (message-box icons, style pixmaps) is emptied too: it is capped (10 MiB), not a leak.
    """
    QPixmapCache.clear()
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    trim = getattr(ctypes.CDLL(ctypes.util.find_library("c")), "malloc_trim", None) if sys.platform == "linux" else None
    if trim is not None:
        trim(0)


def cancel_when_shown() -> None:
    """Cancels the next modal dialog once it is up (exec() then returns, or the opened dialog finishes)."""
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(0, cancel)
        else:
            dialog.reject()

    QTimer.singleShot(0, cancel)


def opened_and_cancelled(open_it) -> None:
    """As from a menu: the handler runs, then the event loop deletes what the handler handed it with deleteLater."""
    cancel_when_shown()
    open_it()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_dialogs(kept: set[int]) -> dict[str, object]:
    """Dialogs beyond `kept` alive as widgets, and as Python objects whose Qt object still exists (a page may keep
    a reference to the last history it showed; once that dialog is deleted the reference holds only a name)."""
    widgets = [w for w in QApplication.allWidgets() if isinstance(w, QDialog) and id(w) not in kept]
    objects = [o for o in gc.get_objects() if isinstance(o, QDialog) and shiboken6.isValid(o) and id(o) not in kept]
    return {"widgets": len(widgets), "objects": len(objects),
            "names": sorted({type(w).__name__ for w in widgets + objects})}


def one_day(window, resource_file: Path, *, browse: bool = True) -> None:
    """Every editor and dialog opened and cancelled once; with `browse`, every page shown and a few searches."""
    pages = {entry.key: entry.module for entry in window.pages.entries}
    for module in pages.values() if browse else ():
        window.show_module(module)
    actions = window.show_module(pages["actions_view"])
    opened_and_cancelled(actions.new_action)
    opened_and_cancelled(actions.edit_action)
    for name in ("issues_view", "activities_view", "people_view", "groups_view"):
        page = window.show_module(pages[name])
        opened_and_cancelled(page.new_record)
        opened_and_cancelled(page.edit_current)
        opened_and_cancelled(page.delete_current)  # the question before deleting, answered Cancel
    resources = window.show_module(pages["resources_view"])
    opened_and_cancelled(lambda: resources.add_files([resource_file]))
    meetings = window.show_module(pages["meetings_view"])
    opened_and_cancelled(meetings.new_meeting)
    opened_and_cancelled(window.meeting_commands.next_meeting.trigger)
    opened_and_cancelled(window.meeting_commands.approve.trigger)
    opened_and_cancelled(meetings.editor.history_action.trigger)
    opened_and_cancelled(lambda: window.signals.history_requested.emit("action", actions.current_action().id))
    opened_and_cancelled(window.data_safety.restore)
    opened_and_cancelled(lambda: window.export_controller.ask_period("group", window.current_group_id()))
    for words in ("discharge", "referral letters", "nothing-matches-this") if browse else ():
        window.open_search()
        window._search.query.setText(words)
        window._search.run_search()
        window._search.close()


def main(db_file: str, cycles: int) -> dict:
    from interface_desktop.app import open_app_database
    from interface_desktop.db import maintenance
    from interface_desktop.paths import AppPaths
    from interface_desktop.services.core.runner import ServiceRunner
    from interface_desktop.ui import settings as prefs
    from interface_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    root = Path(db_file).parent / "soak"  # settings, backups and the file added to the library, beside the copy
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    prefs.use_file(root / "ui.ini")
    database = open_app_database(db_file, paths=paths, defer_daily_backup=True)
    runner = ServiceRunner(database.session_scope, location=db_file,
                           maintenance=maintenance.Maintenance(database, paths.backup_dir))
    runner.load()
    window = MainWindow(runner)
    window.show()
    window.data_layer_loaded()
    resource_file = root / "terms-of-reference.txt"
    resource_file.write_text("Terms of reference of the group.\n")
    # Warm-up: every module loaded and every cache filled. The allocator's own pools settle over the first weeks
    # (4 MiB after 40 days, 8 after 120, then flattening): the growth measured after them is what would go on.
    for _ in range(WARM_UP_DAYS):
        one_day(window, resource_file)
    settle()
    kept = {id(window._search)}  # the one search window, shown again each time (it keeps the last words typed)
    before = resident_bytes()
    for day in range(cycles):
        one_day(window, resource_file, browse=day % BROWSE_EVERY == 0)
    settle()
    after = resident_bytes()
    result = {"before": before, "after": after, "growth": after - before, "dialogs": live_dialogs(kept)}
    window.close()
    database.dispose()
    app.quit()
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))
