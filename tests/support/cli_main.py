"""The command line run in the test's own process, with its folders and environment kept to one test."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from interface_desktop.cli import main


def isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Data folder under `root`, the pinned 'today', and no database or backup folder from the environment."""
    monkeypatch.setenv("INTERFACE_DESKTOP_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", "2026-11-23")
    monkeypatch.delenv("INTERFACE_DESKTOP_DB", raising=False)
    monkeypatch.delenv("INTERFACE_DESKTOP_BACKUP_DIR", raising=False)


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the entry point; argparse's usage errors exit 2."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def assert_one_error_line(code: int, err: str, *words: str) -> None:
    """Exit 1 and one line starting 'interface-desktop: error: ' holding each of `words`."""
    assert code == 1, err
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("interface-desktop: error: "), err
    for word in words:
        assert word in lines[0], lines[0]
