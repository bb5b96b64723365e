"""The full database check deferred from start-up: run on a worker once the window is up, and what to do if it fails.

Until it has passed the database refuses to be written to (it waits), so a damaged file found here has not
been changed; the user is told so and offered the latest backup, a read-only look, or to quit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow

from interface_desktop.ui.operations import Operations
from interface_desktop.ui.safety import startup_problem_dialog as dialog

TITLE = "The database is damaged"


def start(window: QMainWindow, then: Callable[[], None]) -> None:
    """Checks every page of the file on a worker; `then()` runs when it is sound (the daily backup)."""
    maintenance = window.runner.maintenance

    def checked(problem: str | None) -> None:
        if problem is None:
            then()
        else:
            damaged(window, problem)

    def failed(exc: Exception) -> None:
        damaged(window, f"the database could not be checked ({exc})")

    window.tasks.start("Checking the database…", maintenance.verify, checked, failed)


def damaged(window: QMainWindow, problem: str) -> None:
    """Explains that nothing was written, then restores the latest backup, keeps looking read-only, or quits."""
    maintenance = window.runner.maintenance
    backup = maintenance.last_backup()
    box = dialog.StartupProblemDialog(TITLE, f"{maintenance.db_file}: {problem}",
                                      backup=backup.describe() if backup else None, offer_read_only=True,
                                      parent=window)
    box.exec()
    choice = box.choice()
    if choice == dialog.RESTORE and backup is not None:
        restored = f"Restored the backup {backup.describe()}"
        Operations(window.runner, window, signals=window.signals).start(
            lambda: maintenance.restore(backup.path), tasks=window.tasks, label="Restoring the latest backup…",
            title="The backup could not be restored", kinds="all",
            done=lambda _kept: window.signals.status_message.emit(restored))
    elif choice == dialog.READ_ONLY:
        window.setWindowTitle(f"{window.windowTitle()} (damaged: changes cannot be saved)")
        window.signals.status_message.emit("The database is damaged: nothing can be saved to it")
    else:
        window.close()

