"""Files this process must not write over, asked by every writer of a file the user names before it writes.

Each database the app opens registers a check here (db/protected.py: the database, the files SQLite and the
lock keep beside it, the backup folder) until it is closed. This module depends on nothing, so that the exports,
which may not reach into db, ask the same question as the command line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], "str | None"]

_checks: list[Check] = []
_guard = threading.Lock()


def protect(check: Check) -> Callable[[], None]:
    """Ask `check` about every target from now on; returns the function that stops it (safe to call twice)."""
    with _guard:
        _checks.append(check)

    def release() -> None:
        with _guard:
            for n, registered in enumerate(_checks):
                if registered is check:
                    del _checks[n]
                    return

    return release


def refusal(target: Path | str) -> str | None:
    """Why `target` must not be written, in one line; None when nothing open forbids it."""
    with _guard:
        checks = list(_checks)
    for check in checks:
        reason = check(Path(target))
        if reason is not None:
            return reason
    return None
