"""The command line end to end, through real processes: JSON output, demo, data files, errors and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

COUNT_KEYS = {"groups", "people", "meetings", "agenda_items", "actions", "issues", "seas", "activities"}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("INTERFACE_DESKTOP_DB", None)
    environment.update(INTERFACE_DESKTOP_DATA_DIR=str(tmp_path / "data"), INTERFACE_DESKTOP_TODAY="2026-11-23",
                       QT_QPA_PLATFORM="offscreen")
    return environment


@pytest.fixture
def example(demo_template, tmp_path: Path) -> Path:
    copy = tmp_path / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    return copy


def run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interface_desktop", *argv], env=env, capture_output=True,
                          text=True, timeout=120)


def ok_json(env: dict[str, str], *argv: str):  # parsed JSON
    result = run(env, *argv)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_user_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("interface-desktop: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_info_json_has_location_revision_and_counts(env, example):
    info = ok_json(env, "info", "--json", "--db", str(example))
    assert set(info["counts"]) == COUNT_KEYS
    assert info["counts"]["groups"] == 2 and info["counts"]["actions"] >= 80
    assert info["location"] == str(example) and info["schema_revision"]


@pytest.mark.parametrize("kind", ["meetings", "actions", "issues", "activities", "people", "groups"])
def test_list_gives_a_json_array_with_ids(env, example, kind):
    rows = ok_json(env, "list", kind, "--json", "--db", str(example))
    assert isinstance(rows, list) and rows and all(isinstance(row["id"], int) for row in rows)


def test_list_filters(env, example):
    overdue = ok_json(env, "list", "actions", "--overdue", "--db", str(example))
    assert overdue and {row["rag"] for row in overdue} == {"red"}
    upcoming = ok_json(env, "list", "meetings", "--when", "upcoming", "--db", str(example))
    assert upcoming and {row["status"] for row in upcoming} == {"planned"}
    open_issues = ok_json(env, "list", "issues", "--status", "new,under_review", "--db", str(example))
    assert open_issues and {row["status"] for row in open_issues} <= {"new", "under_review"}


def test_demo_twice_adds_nothing_the_second_time(env, tmp_path):
    db = str(tmp_path / "fresh.sqlite3")
    first = run(env, "demo", "--db", db)
    assert first.returncode == 0 and first.stdout.startswith("Example data loaded"), first.stderr
    counts = ok_json(env, "info", "--json", "--db", db)["counts"]
    second = run(env, "demo", "--db", db)
    assert second.returncode == 0 and "already there" in second.stdout
    assert ok_json(env, "info", "--json", "--db", db)["counts"] == counts


def test_export_and_import_round_trip(env, example, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    exported = run(env, "export", "data", "-o", str(first), "--db", str(example))
    assert exported.returncode == 0 and "Exported 2 groups" in exported.stdout, exported.stderr
    target = str(tmp_path / "target.sqlite3")
    imported = run(env, "import", "data", str(first), "--db", target)
    assert imported.returncode == 0 and imported.stdout.startswith("Imported"), imported.stderr
    assert run(env, "export", "data", "-o", str(second), "--db", target).returncode == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    again = run(env, "import", "data", str(first), "--db", target)
    assert_user_error(again, "first.json: groups[0].name", "nothing was imported")


def test_user_errors_exit_1_with_one_line(env, example, tmp_path):
    db = ["--db", str(example)]
    assert_user_error(run(env, "import", "data", str(tmp_path / "missing.json"), *db), "cannot read", "missing.json")
    assert_user_error(run(env, "import", "data", str(tmp_path), *db), "cannot read")
    assert_user_error(run(env, "export", "data", "-o", str(tmp_path / "no" / "such" / "x.json"), *db),
                      "cannot write")
    assert_user_error(run(env, "list", "actions", "--due-from", "2026-02-30", *db), "not a valid date")
    assert_user_error(run(env, "export", "data", "-o", str(tmp_path / "g.json"), "--group", "999", *db),
                      "no group with id 999")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "interface-desktop", "version": 1, "people": [{]}', encoding="utf-8")
    assert_user_error(run(env, "import", "data", str(bad), *db), "line 1, column")


@pytest.mark.parametrize("argv", [["list"], ["list", "nonsense"], ["export"], ["export", "data"], ["import", "data"],
                                  ["no-such-command"], ["info", "--frobnicate"]])
def test_usage_errors_exit_2(env, argv):
    result = run(env, *argv)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("argv, full", [
    (["--db", "board.sqlite3", "--exit-after-start"], False),
    (["--backup-dir", "list", "--db=x.sqlite3"], False),  # "list" here is a folder, not the command
    ([], False),
    (["list", "meetings"], True),
    (["--db", "x.sqlite3", "lst"], True),  # a mistyped command still gets the list of commands
    (["--help"], True),
])
def test_starting_the_app_builds_only_its_own_options(argv, full):
    from interface_desktop.cli import _app_parser

    parser = _app_parser(argv)
    assert (parser._subparsers is not None) == full
    if not full:
        assert parser.parse_args(argv).command is None


def test_a_mistyped_command_is_named_with_the_choices(env):
    done = subprocess.run([sys.executable, "-m", "interface_desktop", "lst"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2 and "invalid choice: 'lst'" in done.stderr and "'list'" in done.stderr
