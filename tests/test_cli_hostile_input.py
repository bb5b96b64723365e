"""No traceback on user input: hostile data files, odd backup targets, and generated command lines."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interface_desktop.db import backups
from tests.support.cli_main import assert_one_error_line, isolate, run_main


@pytest.fixture
def example(demo_template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(monkeypatch, tmp_path)
    copy = tmp_path / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    return copy


def _exported(example: Path, folder: Path) -> dict:
    assert run_main(["export", "data", "--group", "1", "-o", str(folder / "one.json"), "--db", str(example)])[0] == 0
    return json.loads((folder / "one.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("where", [("groups", 0, "name"), ("actions", 0, "description"), ("people", 1, "name")])
def test_a_lone_surrogate_in_a_data_file_names_the_field_and_imports_nothing(example, tmp_path, where):
    document = _exported(example, tmp_path)
    kind, n, name = where
    document[kind][n][name] = "Fife \ud800 group"
    document["groups"][0]["name"] += " (copy)"  # so the group itself is new here
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")  # json escapes it as \ud800
    fresh = tmp_path / "fresh.sqlite3"
    code, _out, err = run_main(["import", "data", str(tmp_path / "bad.json"), "--db", str(fresh)])
    assert_one_error_line(code, err, f"{kind}[{n}].{name}", "U+D800", "nothing was imported")
    assert run_main(["info", "--json", "--db", str(fresh)])[1].count('"groups": 0') == 1


def test_a_key_twice_in_one_object_is_an_error_not_last_one_wins(example, tmp_path):
    text = json.dumps(_exported(example, tmp_path))
    (tmp_path / "twice.json").write_text(text.replace('"due_on":', '"due_on": "2027-01-01", "due_on":', 1),
                                    encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    code, _out, err = run_main(["import", "data", str(tmp_path / "twice.json"), "--db", str(fresh)])
    assert_one_error_line(code, err, "'due_on'", "twice")


@pytest.mark.parametrize("target", ["/proc/x.sqlite3", "/proc/version/x.sqlite3"])
def test_a_backup_where_no_file_can_be_written_is_one_line(example, target):
    code, _out, err = run_main(["backup", "-o", target, "--db", str(example)])
    assert_one_error_line(code, err, "x.sqlite3")


def test_a_backup_onto_an_existing_folder_is_refused_and_leaves_no_partial_copy(example, tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    code, _out, err = run_main(["backup", "-o", str(folder), "--db", str(example)])
    assert_one_error_line(code, err, "is a folder")
    with pytest.raises(IsADirectoryError):
        backups.backup_to(example, folder)  # the copy itself, when a folder is in the way: no half copy left
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


def test_a_damaged_page_is_one_line_pointing_at_check_json(example):
    # The groups table fits on one page, wherever the schema puts it: break that page's cell pointers.
    connection = sqlite3.connect(example)
    try:
        page = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'interface_group'").fetchone()[0]
    finally:
        connection.close()
    with open(example, "r+b") as handle:
        handle.seek(4096 * (page - 1) + 8)
        handle.write(b"\x13\x37\x00\x01")
    code, _out, err = run_main(["info", "--db", str(example)])
    assert_one_error_line(code, err, "damaged", f"page {page}", "check --json")
    code, out, _err = run_main(["check", "--json", "--db", str(example)])
    problems = json.loads(out)["problems"]
    assert code == 1 and len(problems) > 1 and all("\n" not in p for p in problems)


# --- Generated command lines and files ---------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=12)  # lone surrogates included
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4), max_leaves=15)


def _text_fields(document: dict) -> list[tuple[str, int, str]]:
    return [(kind, n, name) for kind in ("groups", "people", "meetings", "actions", "issues", "activities")
            for n, record in enumerate(document.get(kind, [])[:3]) for name, value in record.items()
            if isinstance(value, str)]


@st.composite
def data_files(draw: st.DrawFn, seed: dict) -> bytes:
    """Random JSON, or a real export of one group with one value replaced (or one key given twice)."""
    if draw(st.integers(0, 4)) == 0:
        return json.dumps(draw(JSON_VALUES)).encode()
    document = json.loads(json.dumps(seed))
    document["groups"][0]["name"] = f"Imported {draw(st.uuids())}"  # a new group each time, or all is refused
    kind, n, name = draw(st.sampled_from(_text_fields(document)))
    document[kind][n][name] = draw(ANY_TEXT | JSON_VALUES)
    text = json.dumps(document)
    if draw(st.integers(0, 5)) == 0:
        text = text.replace(f'"{name}":', f'"{name}": null, "{name}":', 1)
    return text.encode()


@st.composite
def spreadsheets(draw: st.DrawFn) -> tuple[str, bytes]:
    if draw(st.booleans()):
        rows = draw(st.lists(st.lists(st.text(max_size=12).filter(lambda t: "\r" not in t), max_size=5),
                             max_size=5))
        text = "\n".join(",".join(cells) for cells in [["Action", "Owner", "Due", "Status"], *rows])
        return ".csv", text.encode("utf-8", "surrogatepass")
    return draw(st.sampled_from([".xlsx", ".csv"])), draw(st.binary(max_size=300))


OUTPUTS = st.sampled_from(["{t}/out.json", "{t}/out.xlsx", "{t}/out.sqlite3", "{t}", "/proc/x.sqlite3",
                           "{t}/no/such/folder/out.csv", "{t}/out.pdf", "{t}/out.txt", "{t}/out.docx"])
WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
NUMBERS = st.sampled_from(["1", "2", "0", "-1", "99999", "x", "1e3", ""])


@st.composite
def command_lines(draw: st.DrawFn, t: str, seed: dict) -> tuple[list[str], bytes | None, str]:
    """(argv without --db, a file's bytes or None, its suffix); FILE in argv is replaced by its path."""
    out = draw(OUTPUTS).format(t=t)
    choice = draw(st.sampled_from(["import data", "import actions", "list", "history", "export", "backup",
                                   "restore", "check-text", "info", "check", "scan", "audit-log", "random"]))
    if choice == "import data":
        return ["import", "data", "FILE"], draw(data_files(seed)), ".json"
    if choice == "import actions":
        suffix, content = draw(spreadsheets())
        dry = ["--dry-run"] if draw(st.booleans()) else []
        return ["import", "actions", "FILE", "--group", draw(NUMBERS), *dry], content, suffix
    if choice == "restore":
        return ["restore", "FILE"], draw(st.binary(max_size=200)), ".sqlite3"
    if choice == "check-text":
        return ["check-text", "FILE"], draw(st.binary(max_size=200)), ".txt"
    if choice == "list":
        kind = draw(st.sampled_from(["actions", "issues", "meetings", "people", "groups", "activities", "bogus"]))
        option = draw(st.sampled_from(["--group", "--status", "--owner", "--category", "--direction", "--kind",
                                       "--text", "--due-from", "--when"]))
        return ["list", kind, option, draw(WORDS | NUMBERS)], None, ""
    if choice == "history":
        return ["history", "--entity", draw(WORDS | st.sampled_from(["action", "issue"])), "--id",
                draw(NUMBERS)], None, ""
    if choice == "export":
        what = draw(st.sampled_from(["data", "actions", "minutes", "report", "ics"]))
        extra = draw(st.lists(st.sampled_from(["--group", "--meeting", "--from", "--to", "--status"]), max_size=2))
        return ["export", what, "-o", out, *[a for flag in extra for a in (flag, draw(WORDS | NUMBERS))]], None, ""
    if choice == "backup":
        return ["backup", "-o", out], None, ""
    if choice == "random":
        return [draw(st.sampled_from(["list", "history", "export", "import", "backup"])),
                *draw(st.lists(WORDS, max_size=4))], None, ""
    return [choice, *(["--json"] if draw(st.booleans()) else [])], None, ""


def test_generated_command_lines_and_files_end_in_exit_0_1_or_2_without_a_traceback(example, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    seed = _exported(example, tmp_path)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=command_lines(str(work), seed))
    def drive(case: tuple[list[str], bytes | None, str]) -> None:
        argv, content, suffix = case
        if content is not None:
            path = work / f"input{suffix}"
            path.write_bytes(content)
            argv = [str(path) if arg == "FILE" else arg for arg in argv]
        code, _out, err = run_main([*argv, "--db", str(example)])
        assert code in (0, 1, 2), (argv[:4], code, err)
        assert "Traceback" not in err, (argv[:4], err)
        if code == 1:
            assert len(err.strip().split("\n")) == 1, (argv[:4], err)

    drive()
    with sqlite3.connect(example) as conn:  # whatever was thrown at it, the database is still whole
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
