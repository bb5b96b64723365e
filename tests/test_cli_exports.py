"""`interface-desktop export ...` end to end, in a subprocess, against a database with a realistic group."""

from __future__ import annotations

import os
import subprocess
import sys

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.support import document_data


@pytest.fixture
def cli(db, session, tmp_path):
    fx = document_data.build(session)
    session.commit()
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "interface_desktop", "export", *args], env=env,
                              capture_output=True, text=True, cwd=out, timeout=120)
    return run, fx


def _ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr


def _one_line_error(result: subprocess.CompletedProcess, needle: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr


def test_every_document_from_the_command_line(cli, tmp_path):
    run, fx = cli
    tmp_path = tmp_path / "out"
    m = str(fx.meeting_id)
    _ok(run("minutes", "--meeting", m, "-o", "minutes.docx"))
    assert docx.Document(tmp_path / "minutes.docx").paragraphs[0].text == "Lothian Interface Group"
    _ok(run("agenda", "--meeting", m, "-o", "agenda.pdf"))
    _ok(run("pack", "--meeting", m, "-o", "pack.pdf"))
    assert len(PdfReader(tmp_path / "pack.pdf").outline) >= 5
    _ok(run("ics", "--meeting", m, "-o", "meeting.ics"))
    assert b"BEGIN:VEVENT" in (tmp_path / "meeting.ics").read_bytes()
    _ok(run("sea", "--issue", str(fx.sea_issue_id), "-o", "sea.pdf"))
    _ok(run("actions", "--group", str(fx.group_id), "--status", "open,in_progress", "-o", "actions.xlsx"))
    statuses = {row[6].value for row in load_workbook(tmp_path / "actions.xlsx").active.iter_rows(min_row=2)}
    assert statuses == {"Open"}
    result = run("report", "--from", "2026-08-01", "--to", "2026-10-31", "-o", "report.docx")
    _ok(result)
    assert result.stdout.strip().endswith("report.docx")


def test_bad_extension_and_unknown_ids_are_one_line_errors(cli, tmp_path):
    run, fx = cli
    tmp_path = tmp_path / "out"
    _one_line_error(run("minutes", "--meeting", str(fx.meeting_id), "-o", "minutes.pdf"),
                    "minutes can be saved as .docx, not .pdf")
    _one_line_error(run("actions", "-o", "actions.txt"), "as .xlsx or .csv")
    _one_line_error(run("pack", "--meeting", "999", "-o", "pack.pdf"), "no meeting with id 999")
    _one_line_error(run("sea", "--issue", "999", "-o", "sea.docx"), "no interface issue with id 999")
    _one_line_error(run("report", "--group", "999", "--from", "2026-01-01", "--to", "2026-03-31", "-o", "r.pdf"),
                    "no group with id 999")
    _one_line_error(run("sea", "--issue", str(fx.issue_id), "-o", "sea.docx"), "no Significant Event Analysis")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_minutes_of_a_meeting_not_held_are_refused_with_the_reason(cli, session, tmp_path):
    from interface_desktop.services.meetings import meetings

    run, fx = cli
    planned = meetings.create_meeting(session, group_id=fx.group_id, starts_at="2027-01-27 14:00")
    cancelled = meetings.create_meeting(session, group_id=fx.group_id, starts_at="2027-03-24 14:00")
    meetings.set_status(session, cancelled.id, "cancelled")
    session.commit()
    _one_line_error(run("minutes", "--meeting", str(planned.id), "-o", "planned.docx"),
                    "the meeting of 27/01/2027 has not been marked as held, so it has no minutes yet")
    _one_line_error(run("minutes", "--meeting", str(cancelled.id), "-o", "cancelled.docx"),
                    "the meeting of 24/03/2027 was cancelled, so it has no minutes")
    assert not (tmp_path / "out" / "planned.docx").exists() and not (tmp_path / "out" / "cancelled.docx").exists()


def test_locked_target_is_left_alone(cli, tmp_path):
    run, fx = cli
    tmp_path = tmp_path / "out"
    (tmp_path / "minutes.docx").write_bytes(b"open in Word")
    (tmp_path / "~$nutes.docx").write_bytes(b"owner")
    _one_line_error(run("minutes", "--meeting", str(fx.meeting_id), "-o", "minutes.docx"), "is open in another program")
    assert (tmp_path / "minutes.docx").read_bytes() == b"open in Word"


def test_patient_identifiers_stop_the_export_unless_allowed(db, session, tmp_path):
    from interface_desktop.services.meetings import agenda

    fx = document_data.build(session)
    item = agenda.list_agenda(session, fx.meeting_id)[5]
    agenda.save_minutes(session, item_id=item.id, discussion="Patient CHI 0101701004 was discussed.", decisions="")
    session.commit()
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")
    args = [sys.executable, "-m", "interface_desktop", "export", "minutes", "--meeting", str(fx.meeting_id),
            "-o", str(tmp_path / "m.docx")]
    refused = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    _one_line_error(refused, "possible patient identifier")
    assert not (tmp_path / "m.docx").exists()
    _ok(subprocess.run(args + ["--allow-identifiers"], env=env, capture_output=True, text=True, timeout=120))
    assert "0101701004" in " ".join(p.text for p in docx.Document(tmp_path / "m.docx").paragraphs)


def test_a_chi_number_in_a_declaration_of_interest_stops_the_minutes(db, session, tmp_path):
    from interface_desktop.services.meetings import attendance

    fx = document_data.build(session)
    guest = next(a for a in attendance.list_attendance(session, fx.meeting_id) if a.status == "in_attendance")
    attendance.set_attendance(session, meeting_id=fx.meeting_id, person_id=guest.person_id, status="in_attendance",
                              declaration="Treats a relative, CHI 0101701004, in the renal clinic.")
    session.commit()
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")
    args = [sys.executable, "-m", "interface_desktop", "export", "minutes", "--meeting", str(fx.meeting_id),
            "-o", str(tmp_path / "m.docx")]
    refused = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    _one_line_error(refused, f"(CHI in attendance {guest.id} declaration)")
    assert not (tmp_path / "m.docx").exists()
    _ok(subprocess.run(args + ["--allow-identifiers"], env=env, capture_output=True, text=True, timeout=120))
    assert "0101701004" in " ".join(p.text for p in docx.Document(tmp_path / "m.docx").paragraphs)
