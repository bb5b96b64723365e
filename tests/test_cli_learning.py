"""The learning network from the command line: two boards share digests, a third database imports and lists them."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from tests.support.privacy_corpus import valid_chi
from tests.test_cli import assert_user_error, env, example, ok_json, run  # noqa: F401 - fixtures used by name

PERIOD = ("--from", "2025-01-01", "--to", "2026-12-31")


def export(env: dict[str, str], db: Path, group: int, target: Path, *extra: str):
    return run(env, "export", "digest", "--db", str(db), "--group", str(group), *PERIOD, "-o", str(target), *extra)


def test_two_boards_export_a_third_database_imports_both_and_lists_both(env, example, tmp_path):
    files = [tmp_path / "lothian.idlearn", tmp_path / "highland.idlearn"]
    for group, target in zip((1, 2), files):
        result = export(env, example, group, target)
        assert result.returncode == 0, result.stderr
    national = tmp_path / "national.sqlite3"
    result = run(env, "import", "digest", "--db", str(national), *map(str, files))
    assert result.returncode == 0 and result.stdout.count("added") == 2, result.stderr
    rows = ok_json(env, "list", "learning", "--json", "--db", str(national))
    assert {r["board"] for r in rows} == {"LO", "HG"}
    assert all(r["group"] and r["kind"] and r["theme"] and r["title"] and r["period_from"] == "2025-01-01"
               for r in rows)
    highland = ok_json(env, "list", "learning", "--json", "--board", "HG", "--db", str(national))
    assert highland and {r["board"] for r in highland} == {"HG"}
    again = run(env, "import", "digest", "--db", str(national), str(files[0]))
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert ok_json(env, "list", "learning", "--json", "--db", str(national)) == rows
    assert_user_error(run(env, "list", "learning", "--json", "--theme", "nonsense", "--db", str(national)), "theme")


def test_dry_run_shows_the_texts_and_flags_and_writes_nothing(env, example, tmp_path):
    target = tmp_path / "lothian.idlearn"
    result = export(env, example, 1, target, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "What has been learned:" in result.stdout and "flag: Names no concrete change" in result.stdout
    assert not target.exists()


def test_a_chi_number_in_an_sea_learning_field_stops_the_export_naming_record_and_field(env, example, tmp_path):
    conn = sqlite3.connect(example)
    with conn:
        reference, = conn.execute("SELECT reference FROM interface_issue WHERE group_id = 1 AND has_sea = 1 AND "
                                  "shared = 1 ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE interface_issue SET sea_learned = sea_learned || ? WHERE reference = ?",
                     (f" CHI {valid_chi(random.Random(3), 'mod11')} was seen.", reference))
    conn.close()
    target = tmp_path / "lothian.idlearn"
    assert_user_error(export(env, example, 1, target), f"interface issue {reference}", "sea_learned", "CHI number",
                      "not written")
    assert not target.exists()


def test_a_changed_byte_is_refused_and_nothing_is_written(env, example, tmp_path):
    good, bad = tmp_path / "highland.idlearn", tmp_path / "changed.idlearn"
    assert export(env, example, 2, good).returncode == 0
    national = tmp_path / "national.sqlite3"
    assert run(env, "import", "digest", "--db", str(national), str(good)).returncode == 0
    before = hashlib.sha256(national.read_bytes()).hexdigest()
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 0x01
    bad.write_bytes(bytes(data))
    first = tmp_path / "lothian.idlearn"
    assert export(env, example, 1, first).returncode == 0
    # A good file beside the changed one: nothing of either is imported.
    assert_user_error(run(env, "import", "digest", "--db", str(national), str(first), str(bad)),
                      "changed.idlearn", "nothing was imported")
    assert hashlib.sha256(national.read_bytes()).hexdigest() == before
    assert {r["board"] for r in ok_json(env, "list", "learning", "--json", "--db", str(national))} == {"HG"}
