"""JSON interchange: a faithful round trip, one group alone, and bad files that change nothing."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from interface_desktop.db.models import AuditEntry
from interface_desktop.services.people import groups
from interface_desktop.services.interchange import interchange
from interface_desktop.services.issues import issues
from interface_desktop.services.people import people
from interface_desktop.services.dashboard import stats
from interface_desktop.services.interchange.interchange import InterchangeError


def _comparable(document: dict) -> dict:
    document = dict(document)
    document.pop("exported_at")
    return document


@pytest.fixture
def exported(demo_db) -> dict:
    with demo_db.session_scope() as s:
        return interchange.export_data(s)


def test_round_trip_into_an_empty_database_is_exact(db, exported, tmp_path):
    path = tmp_path / "all.json"
    interchange.write_document(exported, path)
    document = interchange.read_document(path)
    with db.session_scope() as s:
        summary = interchange.import_data(s, document, source=path.name)
    assert summary.added["groups"] == 2 and summary.added["actions"] == len(exported["actions"])
    with db.session_scope() as s:
        again = interchange.export_data(s)
    assert _comparable(again) == _comparable(exported)


def test_document_covers_every_kind_of_record(exported):
    assert exported["format"] == "interface-desktop" and exported["version"] == 1
    meeting = next(m for m in exported["meetings"] if m["papers"])
    assert meeting["agenda"] and meeting["attendance"]
    assert {f["sha256"] for f in exported["files"]} >= {p["file"] for p in meeting["papers"]}
    assert any(i["sea"] and i["history"] and i["meetings"] for i in exported["issues"])
    assert any(a["updates"] for a in exported["actions"])
    assert any(a["participants"] and a["feedback"] for a in exported["activities"])
    assert any(g["lookups"] for g in exported["groups"]) and exported["resources"]
    assert all(g["standing_items"] and g["members"] for g in exported["groups"])


def test_one_group_travels_with_the_people_it_mentions(demo_db, db):
    with demo_db.session_scope() as s:
        highland = next(g for g in groups.list_groups(s) if g.board == "HG")
        document = interchange.export_data(s, group_id=highland.id)
    assert [g["name"] for g in document["groups"]] == [highland.name]
    assert document["scope"] == {"group": highland.name}
    assert all(i["reference"].startswith("HG-") for i in document["issues"])
    assert 10 <= len(document["people"]) < 26
    with db.session_scope() as s:
        interchange.import_data(s, document)
    with db.session_scope() as s:
        again = interchange.export_data(s)
    assert again["groups"] == document["groups"] and again["actions"] == document["actions"]


def test_existing_people_are_reused_not_duplicated(demo_db, db):
    with demo_db.session_scope() as s:
        highland, lothian = sorted(groups.list_groups(s), key=lambda g: g.board)
        first = interchange.export_data(s, group_id=highland.id)
        second = interchange.export_data(s, group_id=lothian.id)
    second["people"].append(copy.deepcopy(first["people"][0]) | {"ref": "person-extra"})
    with db.session_scope() as s:
        interchange.import_data(s, first)
        summary = interchange.import_data(s, second)
        assert summary.people_matched == 1
        assert len(people.list_people(s)) == len(first["people"]) + len(second["people"]) - 1


def test_importing_a_group_that_is_already_there_changes_nothing(demo_db, exported):
    with demo_db.session_scope() as s:
        before = stats.counts(s), s.scalar(select(func.count()).select_from(AuditEntry))
        with pytest.raises(InterchangeError, match=r"groups\[0\]\.name: a group called .* is already"):
            interchange.import_data(s, exported)
    with demo_db.session_scope() as s:
        assert (stats.counts(s), s.scalar(select(func.count()).select_from(AuditEntry))) == before


def test_clashing_issue_references_are_renumbered(demo_db, exported):
    with demo_db.session_scope() as s:
        lothian = next(g for g in groups.list_groups(s) if g.board == "LO")
        document = interchange.export_data(s, group_id=lothian.id)
    document["groups"][0]["name"] = "Midlothian Interface Group"
    document["people"] = [p | {"name": p["name"] + " (Midlothian)"} for p in document["people"]]
    with demo_db.session_scope() as s:
        summary = interchange.import_data(s, document)
    assert summary.renumbered and summary.renumbered[0][0] == document["issues"][0]["reference"]
    assert "renumbered" in summary.message
    with demo_db.session_scope() as s:
        new_ref = summary.renumbered[0][1]
        assert issues.find_issue_by_reference(s, new_ref).group_name == "Midlothian Interface Group"


def _break(document: dict, path: str, value) -> dict:  # any JSON value
    broken = copy.deepcopy(document)
    *parents, last = path.replace("[", ".").replace("]", "").split(".")
    node = broken
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is KeyError:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return broken


BAD_FILES = [
    ("actions[12].due_on", "2026-02-30", "actions[12].due_on: not a valid date"),
    ("actions[3].owner", "person-999", "actions[3].owner: no person with ref 'person-999'"),
    ("actions[3].status", "finished", "actions[3].status: must be one of"),
    ("meetings[0].agenda[0].title", "x" * 400, "meetings[0].agenda[0].title: is too long"),
    ("meetings[0].agenda[1].title", "  ", "meetings[0].agenda[1].title: must not be empty"),
    ("meetings[2].starts_at", KeyError, "meetings[2].starts_at: is required"),
    ("people[4].sector", "tertiary", "people[4].sector: must be one of"),
    ("issues[2].category", "nonsense", "issues[2].category: 'nonsense' is not in the issue category list"),
    ("issues[1].reference", "ISSUE-7", "issues[1].reference: expected BOARD-YEAR-NUMBER"),
    ("issues[0].sea", {"harm": "catastrophic"}, "issues[0].sea.harm: must be one of"),
    ("activities[0].ends_on", "2000-01-01", "activities[0].ends_on: must not be before starts on"),
    ("activities[1].feedback[0].score", 9, "activities[1].feedback[0].score: must be between 1 and 5"),
    ("groups[1].name", "EDINBURGH PRIMARY AND SECONDARY CARE INTERFACE GROUP", "groups[1].name: repeats groups[0]"),
    ("groups[0].quorum_total", "three", "groups[0].quorum_total: must be a whole number"),
    ("resources[0].file", "0" * 64, "resources[0].file: names no entry of \"files\""),
    ("files[0].sha256", "f" * 64, "files[0].content_base64: does not match its sha256"),
    ("people[0].nmae", "typo", "people[0].nmae: is not a field of this record"),
    ("version", 2, "version: the file was written by a newer version"),
    ("format", "something-else", "format: not an Interface Desktop data file"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_names_record_and_field_and_writes_nothing(db, exported, path, value, message):
    broken = _break(exported, path, value)
    if path.startswith("issues[0].sea"):
        broken["issues"][0]["sea"] = value
    with db.session_scope() as s, pytest.raises(InterchangeError) as err:
        interchange.import_data(s, broken)
    assert str(err.value).startswith(message)
    with db.session_scope() as s:
        assert set(stats.counts(s).values()) == {0}
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_broken_json_gives_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "interface-desktop",\n  "version": 1,\n  "groups": [}\n', encoding="utf-8")
    with pytest.raises(InterchangeError, match=r"broken\.json is not valid JSON: .* at line 3, column 14"):
        interchange.read_document(path)
    with pytest.raises(InterchangeError, match="cannot read"):
        interchange.read_document(tmp_path / "missing.json")


def test_writing_replaces_the_file_only_when_complete(tmp_path, exported):
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")
    interchange.write_document(exported, target)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "interface-desktop"
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(InterchangeError, match="cannot write"):
        interchange.write_document(exported, tmp_path / "no-such-folder" / "out.json")
