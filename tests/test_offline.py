"""No network: the main workflows run with every socket watched and open no network connection.

The workflows run in a child process (tests/support/offline_driver.py) so the watchers cover a whole fresh
process: Python-level socket calls through an audit hook, native ones (Qt) through a scan of the
process's socket descriptors. Local AF_UNIX/netlink sockets are allowed: they are how Qt and GLib talk
inside the machine, never over a network. Two control runs open a network socket on purpose, once from
Python and once from native code, and must be caught, so the watchers cannot pass by seeing nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).parent / "support" / "offline_driver.py"
ROOT = Path(__file__).resolve().parents[1]


def _run_driver(tmp_path: Path, *extra: str) -> dict:
    report = tmp_path / "report.json"
    env = {"QT_QPA_PLATFORM": "offscreen", "INTERFACE_DESKTOP_TODAY": "2026-11-23", "HOME": str(tmp_path),
           "INTERFACE_DESKTOP_DATA_DIR": str(tmp_path / "appdata"), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(DRIVER), str(report), str(tmp_path), *extra], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_main_workflows_attempt_no_network_connection(tmp_path):
    report = _run_driver(tmp_path)
    assert report["errors"] == []
    steps = report["steps"]
    expected = ["create and migrate a database", "load the example data", "cli backup", "cli check", "cli scan",
                "export minutes.docx", "export agenda.pdf", "export pack.pdf", "export meeting.ics", "export sea.docx",
                "export sea.pdf", "export actions.xlsx", "export actions.csv", "export report.pdf",
                "export report.docx", "export data.json", "import data.json into a new database",
                "start the GUI with --exit-after-start", "page Dashboard", "page Meetings", "page Actions",
                "page Issues & SEAs", "page Activities", "page People", "page Groups", "page Resources",
                "open the meeting", "open the issue", "open the action"]
    assert [step for step in expected if step not in steps] == []
    assert report["network_attempts"] == []
    print(f"\nno network: {len(steps)} workflow steps, 0 network attempts; local sockets allowed: "
          f"{report['local_sockets']}")


def test_the_watcher_catches_a_connection_made_from_python(tmp_path):
    report = _run_driver(tmp_path, "--control", "python")
    assert report["errors"] == []
    assert [a["event"] for a in report["network_attempts"]][:1] == ["socket.getaddrinfo"]


def test_the_watcher_catches_a_connection_made_by_native_code(tmp_path):
    report = _run_driver(tmp_path, "--control", "native")
    assert report["errors"] == []
    assert [a["seen_by"] for a in report["network_attempts"]] == ["descriptor scan"]
    assert report["network_attempts"][0]["event"] == "udp socket"
