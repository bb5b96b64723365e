"""The lead's narrative: kept per group and period, printed in the report, scanned by the identifier guard, given
on the command line as text or as a file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import docx
import pytest

from interface_desktop.exports import jobs
from interface_desktop.services.core.errors import NotFoundError, ValidationError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents import narrative
from interface_desktop.services.documents.narrative import NARRATIVE_MAX
from interface_desktop.services.people import groups
from tests.support import document_data

Q3 = {"date_from": date(2026, 7, 1), "date_to": date(2026, 9, 30)}


@pytest.fixture
def fx(session):
    return document_data.build(session)


def test_kept_per_group_and_period_and_for_every_group(session, fx):
    other = groups.create_group(session, name="Fife Interface Group", board="FF").id
    narrative.save_narrative(session, group_id=fx.group_id, **Q3, text="  Lothian's quarter.\n")
    narrative.save_narrative(session, group_id=other, **Q3, text="Fife's quarter.")
    narrative.save_narrative(session, group_id=None, **Q3, text="Every group's quarter.")
    narrative.save_narrative(session, group_id=None, **Q3, text="Every group's quarter, revised.")
    assert narrative.get_narrative(session, group_id=fx.group_id, **Q3) == "Lothian's quarter."
    assert narrative.get_narrative(session, group_id=other, **Q3) == "Fife's quarter."
    assert narrative.get_narrative(session, group_id=None, **Q3) == "Every group's quarter, revised."
    assert narrative.get_narrative(session, group_id=fx.group_id, date_from=date(2026, 7, 1),
                                   date_to=date(2026, 9, 29)) == ""
    narrative.save_narrative(session, group_id=fx.group_id, **Q3, text="")
    assert narrative.get_narrative(session, group_id=fx.group_id, **Q3) == ""
    assert narrative.narrative_id(session, group_id=fx.group_id, **Q3) is None


def test_bad_input_is_refused_with_the_field_named(session, fx):
    with pytest.raises(ValidationError, match="narrative: is too long"):
        narrative.save_narrative(session, group_id=fx.group_id, **Q3, text="x" * (NARRATIVE_MAX + 1))
    with pytest.raises(ValidationError, match="date_to: the period ends before it starts"):
        narrative.save_narrative(session, group_id=fx.group_id, date_from=date(2026, 9, 30),
                                 date_to=date(2026, 7, 1), text="Backwards")
    with pytest.raises(NotFoundError, match="no group with id 999"):
        narrative.save_narrative(session, group_id=999, **Q3, text="Nobody's")
    assert narrative.get_narrative(session, group_id=fx.group_id, **Q3) == ""


def test_an_identifier_in_the_narrative_stops_the_report(db, session, fx, tmp_path):
    narrative.save_narrative(session, group_id=fx.group_id, **Q3, text="We discussed CHI 0101701004 at length.")
    session.commit()
    runner = ServiceRunner(db.session_scope, location=str(db.file))
    request = jobs.ExportRequest("report", tmp_path / "report.docx", fx.group_id, **Q3)
    with pytest.raises(jobs.IdentifierFindingsError, match="CHI in report narrative"):
        jobs.run(runner, request)
    assert not (tmp_path / "report.docx").exists()
    jobs.run(runner, jobs.ExportRequest("report", tmp_path / "all.docx", None, **Q3))  # another group's report


@pytest.fixture
def cli(db, session, fx, tmp_path):
    session.commit()
    db.dispose()  # the command line opens the database to write the narrative: this process lets go of it
    env = dict(os.environ, INTERFACE_DESKTOP_DB=str(db.file), INTERFACE_DESKTOP_TODAY="2026-11-23")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "interface_desktop", "export", "report", "--group",
                               str(fx.group_id), "--from", "2026-07-01", "--to", "2026-09-30", *args], env=env,
                              capture_output=True, text=True, cwd=tmp_path, timeout=120)
    return run


def _paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def test_the_command_line_keeps_the_narrative_and_prints_it(cli, tmp_path):
    result = cli("--narrative", "Results routing is fixed.", "-o", "given.docx")
    assert result.returncode == 0, result.stderr
    assert "Results routing is fixed." in _paragraphs(tmp_path / "given.docx")
    assert cli("-o", "kept.docx").returncode == 0
    assert "Results routing is fixed." in _paragraphs(tmp_path / "kept.docx")
    (tmp_path / "summary.txt").write_text("Łucja Wróbel joined as co-lead.\n\nLetters improved.", encoding="utf-8")
    assert cli("--narrative-file", "summary.txt", "-o", "file.docx").returncode == 0
    text = _paragraphs(tmp_path / "file.docx")
    assert "Łucja Wróbel joined as co-lead." in text and "Letters improved." in text
    assert "Results routing is fixed." not in text


def test_an_unreadable_narrative_file_is_one_line_and_changes_nothing(cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 meeting".encode("latin-1"))
    for name, needle in (("latin1.txt", "latin1.txt is not UTF-8 text"), ("missing.txt", "missing.txt cannot be read")):
        result = cli("--narrative-file", name, "-o", "report.docx")
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1 and needle in lines[0], result.stderr
    assert not (tmp_path / "report.docx").exists()
    both = cli("--narrative", "x", "--narrative-file", "latin1.txt", "-o", "report.docx")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    assert cli("-o", "report.docx").returncode == 0
    assert "Summary" not in _paragraphs(tmp_path / "report.docx")
