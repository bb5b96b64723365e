"""The action log .csv the app writes imports back as the same texts, whatever they hold."""

from __future__ import annotations

import itertools

import pytest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from interface_desktop.exports import action_log
from interface_desktop.services.actions import actions
from interface_desktop.services.documents import documents
from interface_desktop.services.imports import action_import
from interface_desktop.services.imports.tracker_file import read_tracker
from interface_desktop.services.people import groups, people
from tests.support.hostile_data import HOSTILE, short_text

# What trips a CSV reader or a spreadsheet: quotes, apostrophes (Excel's text marker), formula starts,
# delimiters, line breaks inside a cell, spaces at either end, non-ASCII.
CSV_AWKWARD = ("'", '"', "''", '""', "'=", "'+", "'-", "'@", "=", "+", "-", "@", ",", ";", "\t", "\n", "\r\n", "\r",
               " ", "  ", "it's", '"quoted"', "'single'", "=SUM(A1:A9)", "=HYPERLINK(\"http://x\")", "+44 131",
               "-ve", "@here", "£5", "Łódź", "Siân Llŵyd", "😀", "é", "\u2028", "\ufeff", "\x0c")
CELL = st.lists(st.one_of(st.sampled_from(CSV_AWKWARD), short_text), min_size=1, max_size=8).map("".join)
# Owners are names: the importer splits a cell on '/', '&', ';', '+' and 'and' to find several owners.
OWNERS = ("Dr Łucja Wróbel", "Eilidh Nic a' Phearsain", "Ruairidh MacGilleBhràth", "Žydrūnė Kazlauskienė",
          "Siân Llŵyd", "Zoë Ó Dónaill", "Dr Seán O'Neill", "'Ann' Lee", "-Hyphen Smith", "=Formula Jones",
          '"Quoted" Brown', "Comma, Person")
counter = itertools.count()


def _stored(session, texts: list[tuple[str, str, str]]) -> int:
    """A new group holding one action per (description, owner, update), as far as the services accept them."""
    group = groups.create_group(session, name=f"Source group {next(counter)}", board="LO")
    for description, owner, update in texts:
        if not description.strip():
            continue
        person = people.find_person_by_name(session, owner) or people.create_person(
            session, name=owner, role="gp", sector="primary")
        action = actions.add_action(session, group_id=group.id, description=description, owner_id=person.id)
        if update.strip():
            actions.add_update(session, action_id=action.id, text=update)
    return group.id


@pytest.fixture
def target(session) -> int:
    return groups.create_group(session, name="Target group", board="LO").id


@settings(HOSTILE, max_examples=40)
@given(texts=st.lists(st.tuples(CELL, st.sampled_from(OWNERS), CELL), min_size=1, max_size=4))
@example(texts=[("=SUM(A1:A9)", "Siân Llŵyd", "chased 'today'")])  # a neutralised cell led the sniffer to "'"
@example(texts=[("\x01", "Zoë Ó Dónaill", "Chase the lab \x0b")])  # control characters a workbook would drop
@example(texts=[("'=it's done, isn't it", "Dr Łucja Wróbel", "'+ve results; chased"),
                ("-Tell practices 'now'", "Eilidh Nic a' Phearsain", "=1+1"),
                ("'Quoted' text, and more", "Comma, Person", "Line one\nline two, 'three'")])
def test_the_apps_own_csv_imports_back_unchanged(session, target, tmp_path, texts):
    source = _stored(session, texts)
    doc = documents.action_log_doc(session, group_id=source)
    path = action_log.export(doc, tmp_path / "actions.csv")
    assert read_tracker(path).header_row == 1
    preview = action_import.preview_actions(session, group_id=target, path=path)
    assert preview.problems == []
    exported = [(r.description, r.owner, r.last_update) for r in doc.rows]
    assert [(r.description, r.owner, r.update) for r in preview.rows] == exported
    assert all(r.owner_id is not None for r in preview.rows)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files_are_split_on_their_own_delimiter(tmp_path, delimiter):
    rows = [("Action", "Lead", "Latest update"), ("Chase the lab, then the GP", "Ann Lee", "'done', it's said"),
            ("'=1+1", "Bob, Jones", "a;b\tc")]
    path = tmp_path / "tracker.csv"
    path.write_text("\r\n".join(delimiter.join(f'"{cell}"' if delimiter in cell else cell for cell in row)
                                for row in rows) + "\r\n", encoding="utf-8")
    tracker = read_tracker(path)
    assert tracker.columns == {"description": 0, "owner": 1, "update": 2}
    assert [cells for _, cells in tracker.rows] == rows[1:]
