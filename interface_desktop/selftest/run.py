"""`interface-desktop --self-test`: prove an installed copy works, end to end, in a throw-away data folder.

Creates and migrates a database, loads the example data, opens the main window off-screen, writes minutes,
a meeting pack and the action log, reads each back, and prints one line starting with PASS or FAIL.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from interface_desktop import APP_NAME, __version__
from interface_desktop.selftest.context import CheckFailed, Context, Step
from interface_desktop.selftest.steps import close, steps

EXIT_PASS, EXIT_FAIL = 0, 1


@dataclass(frozen=True)
class StepResult:
    name: str
    seconds: float
    detail: str


def run_steps(planned: list[Step], ctx: Context) -> tuple[list[StepResult], str | None]:
    """Run steps in order; stop at the first failure and return its description."""
    results: list[StepResult] = []
    for name, step in planned:
        started = time.perf_counter()
        try:
            detail = step(ctx)
        except CheckFailed as exc:
            return results, f"{name}: {exc}"
        except Exception as exc:  # noqa: BLE001 - any error is a failed self-test, reported on one line
            if sys.stderr is not None:  # None in a windowed Windows executable
                traceback.print_exc(file=sys.stderr)
            return results, f"{name}: {type(exc).__name__}: {exc}"
        results.append(StepResult(name, time.perf_counter() - started, detail))
    return results, None


def summary_line(results: list[StepResult], failure: str | None, total: float, note: str | None = None) -> str:
    verdict = "FAIL" if failure else "PASS"
    parts = [f"{r.name} {r.seconds:.2f} s ({r.detail})" for r in results]
    if failure:
        parts.append(f"failed at {failure}")
    if note:
        parts.append(note)
    return f"{verdict} {APP_NAME} {__version__} self-test in {total:.1f} s: " + "; ".join(parts)


def prepare_qt_environment(messages: list[str]) -> None:
    """The main window is opened off-screen, so the test runs on servers, in CI and over remote sessions.

    Qt's own warnings (the offscreen platform lacks some window-manager features) are kept in `messages`
    and shown only when the test fails, so a passing run prints exactly one line.
    """
    from PySide6.QtCore import qInstallMessageHandler

    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))


def run(report_file: str | None = None) -> int:
    """Run every step in a temporary folder, print the summary line, return 0 (PASS) or 1 (FAIL)."""
    qt_messages: list[str] = []
    prepare_qt_environment(qt_messages)
    started = time.perf_counter()
    planned, note = steps()
    with tempfile.TemporaryDirectory(prefix="interface-desktop-selftest-") as folder:
        ctx = Context(folder=Path(folder))
        try:
            results, failure = run_steps(planned, ctx)
        finally:
            close(ctx)
    line = summary_line(results, failure, time.perf_counter() - started, note)
    if failure and qt_messages and sys.stderr is not None:
        print("Qt reported:\n  " + "\n  ".join(qt_messages), file=sys.stderr)
    emit(line, report_file)
    return EXIT_FAIL if failure else EXIT_PASS


def emit(line: str, report_file: str | None) -> None:
    """Print the line; a windowed Windows executable has no stdout, so borrow the calling console."""
    stream = sys.stdout if sys.stdout is not None else _attach_parent_console()
    if stream is not None:
        print(line, file=stream, flush=True)
    if report_file:
        Path(report_file).write_text(line + "\n", encoding="utf-8")


def _attach_parent_console() -> TextIO | None:
    if sys.platform != "win32":
        return None
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        return None
    try:
        return open("CONOUT$", "w", encoding="utf-8", errors="replace")  # lives until exit
    except OSError:
        return None
