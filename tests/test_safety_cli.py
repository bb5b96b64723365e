"""The safety sub-commands: backup, restore, check, scan, check-text, history, audit-log."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from interface_desktop.cli import main
from interface_desktop.db import backups
from interface_desktop.services.actions import actions
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.identifiers import guard as privacy_guard


@pytest.fixture
def cli(app_paths, db):
    def run(*argv: str) -> int:
        return main(["--db", str(db.file), "--backup-dir", str(app_paths.backup_dir), *argv])
    return run


@pytest.fixture
def issue(db):
    with db.session_scope() as s:
        g = groups.create_group(s, name="Lothian Interface Group", board="LO")
        created = issues.create_issue(
            s, group_id=g.id, title="Discharge letter missing", raised_on="2026-11-02", raised_by_role="GP",
            raised_by_sector="primary", direction="secondary_to_primary", category="letters",
            description="Mrs Brown (CHI 010160 1235) was discharged; call 0131 536 1000.",
        )
    return created


def test_backup_to_a_chosen_path_and_to_the_folder(cli, app_paths, tmp_path, capsys):
    assert cli("backup", "-o", str(tmp_path / "copy.sqlite3")) == 0
    assert "verified" in capsys.readouterr().out
    assert sqlite3.connect(tmp_path / "copy.sqlite3").execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert cli("backup") == 0
    assert backups.latest_backup(app_paths.default_db_file, app_paths.backup_dir).reason == "manual"


def test_check_reports_ok_and_problems(cli, db, capsys):
    assert cli("check") == 0
    assert "all ok" in capsys.readouterr().out
    with db.session_scope() as s:
        g = groups.create_group(s, name="Tayside Interface Group", board="TY")
        meetings.create_meeting(s, group_id=g.id, starts_at="2026-12-02 14:00")
    conn = sqlite3.connect(db.file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM interface_group")
    conn.commit()
    conn.close()
    assert cli("check", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and "missing interface_group" in report["problems"][0]


def test_check_text_prints_kinds_and_offsets(cli, monkeypatch, capsys):
    text = "Pt 943 476 5919, DOB 01/02/1960, EH16 4SA, Mr Jones; phone 07700 900123"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert cli("check-text", "-", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert [f["kind"] for f in found] == ["nhs", "dob", "postcode", "name"]
    assert all(text[f["start"]:f["end"]] == f["text"] for f in found)


def test_scan_lists_findings_by_record_and_field_and_knows_accepted_ones(cli, db, issue, capsys):
    assert cli("scan", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert {(f["entity"], f["entity_id"], f["field"], f["kind"]) for f in found} == {
        ("interface_issue", issue.id, "description", "name"), ("interface_issue", issue.id, "description", "chi")}
    with db.session_scope() as s:
        privacy_guard.accept_finding(s, entity="interface_issue", entity_id=issue.id, field="description",
                                     text="Mrs Brown", kind="name", reason="Mrs Brown is the practice manager")
        unresolved = privacy_guard.privacy_findings_for_export(s, [("interface_issue", issue.id, ("description",))])
    assert [f.kind for f in unresolved] == ["chi"]
    assert cli("scan", "--json", "--unresolved") == 0
    assert [f["kind"] for f in json.loads(capsys.readouterr().out)] == ["chi"]


def test_history_and_audit_log(cli, db, tmp_path, capsys):
    with db.session_scope() as s:
        g = groups.create_group(s, name="=HYPERLINK(1)", board="LO")
        m = meetings.create_meeting(s, group_id=g.id, starts_at="2026-12-02 14:00")
        a = actions.add_action(s, meeting_id=m.id, description="Write to the board", due_on="2026-12-10")
        actions.set_status(s, a.id, "done")
    assert cli("history", "--entity", "action", "--id", str(a.id), "--json") == 0
    trail = json.loads(capsys.readouterr().out)
    assert [t["operation"] for t in trail] == ["create", "update"]
    assert trail[1]["changes"]["status"] == ["open", "done"]
    assert cli("history", "--entity", "action", "--id", str(a.id)) == 0
    assert "status: open -> done" in capsys.readouterr().out
    assert cli("audit-log", "-o", str(tmp_path / "audit.csv")) == 0
    rows = list(csv.reader((tmp_path / "audit.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["id", "at", "user"] and len(rows) > 3
    assert not any(cell.startswith("=") for row in rows for cell in row)
