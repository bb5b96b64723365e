"""`--self-test`: one PASS/FAIL line, exit code 0/1, nothing left behind; failures name the step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interface_desktop.selftest import run as selftest
from interface_desktop.selftest.context import CheckFailed, Context, expect
from interface_desktop.selftest.run import run_steps, summary_line

PACKAGE = Path(__file__).resolve().parent.parent / "interface_desktop"


def expected_steps() -> list[str]:
    """Every step; the document steps once the source has the exports package's entry point."""
    names = ["database", "demo data", "main window"]
    if (PACKAGE / "exports" / "jobs.py").is_file():
        names += ["minutes", "meeting pack", "action log"]
    return names


def test_steps_stop_at_the_first_failure_and_the_line_says_fail(tmp_path: Path) -> None:
    ran: list[str] = []

    def ok(_ctx: Context) -> str:
        ran.append("ok")
        return "fine"

    def wrong(_ctx: Context) -> str:
        expect(False, "the pack has 1 page(s)")
        return "unreachable"

    def later(_ctx: Context) -> str:
        ran.append("later")
        return "never"

    results, failure = run_steps([("database", ok), ("meeting pack", wrong), ("action log", later)],
                                 Context(folder=tmp_path))
    assert ran == ["ok"]
    assert failure == "meeting pack: the pack has 1 page(s)"
    line = summary_line(results, failure, 1.25)
    assert line.startswith("FAIL ")
    assert "database" in line and "failed at meeting pack: the pack has 1 page(s)" in line


def test_an_unexpected_error_is_a_failure_with_its_type(tmp_path: Path) -> None:
    def broken(_ctx: Context) -> str:
        raise ImportError("libtiff.so.6: cannot open shared object file")

    results, failure = run_steps([("demo data", broken)], Context(folder=tmp_path))
    assert results == []
    assert failure == "demo data: ImportError: libtiff.so.6: cannot open shared object file"


def test_passing_line_lists_every_step_with_timings(tmp_path: Path) -> None:
    results, failure = run_steps([("database", lambda _ctx: "schema 0001")], Context(folder=tmp_path))
    line = summary_line(results, failure, 0.5)
    assert failure is None
    assert line.startswith("PASS Interface Desktop ")
    assert "database" in line and "s (schema 0001)" in line


def test_report_file_gets_the_same_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "result.txt"
    selftest.emit("PASS example", str(report))
    assert capsys.readouterr().out == "PASS example\n"
    assert report.read_text(encoding="utf-8") == "PASS example\n"


def test_expect_raises_check_failed_with_the_message() -> None:
    with pytest.raises(CheckFailed, match="no bookmarks"):
        expect(False, "no bookmarks")


@pytest.mark.slow
def test_self_test_passes_end_to_end_and_leaves_nothing_behind(tmp_path: Path) -> None:
    """From the command line, with no display and an empty home folder, as on a fresh desktop."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), TMPDIR=str(temp), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    report = tmp_path / "result.txt"
    done = subprocess.run([sys.executable, "-m", "interface_desktop", "--self-test", str(report)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("PASS "), done.stdout + done.stderr
    for step in expected_steps():
        assert f"{step} " in lines[0], step
    assert report.read_text(encoding="utf-8").strip() == lines[0]
    assert list(temp.iterdir()) == []
    assert not list(home.rglob("*InterfaceDesktop*"))
