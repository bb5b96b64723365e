"""Options that name a code or a record: an unknown one is one line naming it (and the valid choices), exit 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interface_desktop.cli import main
from tests.support.cli_main import assert_one_error_line, isolate


@pytest.fixture
def example(demo_template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(monkeypatch, tmp_path)
    copy = tmp_path / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    return copy


UNKNOWN = [
    (["history", "--entity", "bogus", "--id", "1"], ["'bogus'", "action", "meeting", "issue"]),
    (["history", "--entity", "action", "--id", "99999"], ["no action with id 99999"]),
    (["list", "actions", "--group", "99999"], ["no group with id 99999"]),
    (["list", "actions", "--status", "open,bogus"], ["'bogus'", "open, in_progress, done, dropped"]),
    (["list", "actions", "--owner", "99999"], ["no person with id 99999"]),
    (["list", "meetings", "--status", "bogus"], ["'bogus'", "planned, held, cancelled"]),
    (["list", "issues", "--status", "bogus"], ["'bogus'", "under_review"]),
    (["list", "issues", "--category", "bogus"], ["'bogus'", "referrals"]),
    (["list", "issues", "--direction", "bogus"], ["'bogus'", "primary_to_secondary"]),
    (["list", "activities", "--kind", "bogus"], ["'bogus'", "shadowing"]),
    (["list", "people", "--group", "99999"], ["no group with id 99999"]),
    (["list", "people", "--status", "open"], ["people have no status"]),
    (["export", "actions", "--group", "99999", "-o", "x.xlsx"], ["no group with id 99999"]),
    (["export", "actions", "--status", "bogus", "-o", "x.xlsx"], ["'bogus'", "open, in_progress"]),
    (["export", "minutes", "--meeting", "99999", "-o", "x.docx"], ["no meeting with id 99999"]),
    (["export", "sea", "--issue", "99999", "-o", "x.docx"], ["no interface issue with id 99999"]),
    (["export", "report", "--group", "99999", "--from", "2026-01-01", "--to", "2026-03-31", "-o", "x.docx"],
     ["no group with id 99999"]),
    (["export", "data", "--group", "99999", "-o", "x.json"], ["no group with id 99999"]),
]


@pytest.mark.parametrize(("argv", "words"), UNKNOWN, ids=[" ".join(a[:4]) for a, _ in UNKNOWN])
def test_an_unknown_code_or_id_is_one_line_and_exit_1(example, tmp_path, capsys, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    code = main([*argv, "--db", str(example)])
    captured = capsys.readouterr()
    assert_one_error_line(code, captured.err, *words)
    assert captured.out == ""
    assert not list(tmp_path.glob("x.*"))


def test_known_values_still_list(example, capsys):
    assert main(["list", "issues", "--category", "referrals", "--direction", "both", "--db", str(example)]) == 0
    assert main(["history", "--entity", "issue", "--id", "1", "--db", str(example)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[")
