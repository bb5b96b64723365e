"""The minutes recovery journal on its own: append, replay, clear, torn lines, other databases, failures."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from interface_desktop.services.meetings.journal import MinutesJournal, journal_path, read_journal


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 14, 32, 5)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def database(tmp_path: Path) -> str:
    return str(tmp_path / "data" / "interface-desktop.sqlite3")


def _journal(tmp_path: Path, database: str) -> MinutesJournal:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    return MinutesJournal(journal_path(folder, database), database, clock=Clock())


def _texts(journal: MinutesJournal) -> dict[tuple[int, str], str]:
    return {entry.key: entry.text for entry in journal.recovered()}


def test_every_change_is_appended_and_the_last_text_of_each_field_replays(tmp_path, database):
    journal = _journal(tmp_path, database)
    for n in range(1, 6):
        journal.record(7, "discussion", "Agreed to pilot"[: n * 3])
    journal.record(7, "decisions", "Pilot in Fife.")
    journal.record(9, "discussion", "Noted.")
    journal.sync()
    lines = journal.path.read_bytes().splitlines()
    assert len(lines) == 1 + 5 + 2  # the header, then one line per change
    assert _texts(_journal(tmp_path, database)) == {
        (7, "discussion"): "Agreed to pilot", (7, "decisions"): "Pilot in Fife.", (9, "discussion"): "Noted."}
    replayed = read_journal(journal.path, database)
    assert [e.typed_at for e in replayed] == sorted(e.typed_at for e in replayed)


def test_an_unchanged_field_is_not_written_again(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "decisions", "Approved.")
    journal.record(7, "decisions", "Approved.")
    assert len(journal.path.read_bytes().splitlines()) == 2


def test_what_the_database_holds_is_cleared_from_the_file(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "discussion", "Saved text")
    journal.record(8, "discussion", "Not saved yet")
    journal.saved(7, "discussion", "Saved text")
    journal.compact()
    assert _texts(_journal(tmp_path, database)) == {(8, "discussion"): "Not saved yet"}
    journal.saved(8, "discussion", "Not saved yet")
    journal.compact()
    assert journal.path.read_bytes() == b""
    assert _journal(tmp_path, database).recovered() == []
    journal.record(8, "discussion", "Not saved yet, and more")
    assert _texts(_journal(tmp_path, database)) == {(8, "discussion"): "Not saved yet, and more"}


def test_text_typed_after_the_save_began_stays_in_the_journal(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "discussion", "First")
    journal.record(7, "discussion", "First and second")
    journal.saved(7, "discussion", "First")  # a save of the older text finished after the newer was typed
    journal.compact()
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): "First and second"}


def test_a_torn_last_line_is_ignored_and_the_next_run_writes_past_it(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "discussion", "Complete line")
    journal.close()
    whole = journal.path.read_bytes()
    torn = b'{"item": 7, "field": "discussion", "text": "Complete line and a half'
    journal.path.write_bytes(whole + torn)
    after_crash = _journal(tmp_path, database)
    assert _texts(after_crash) == {(7, "discussion"): "Complete line"}
    after_crash.record(8, "decisions", "Written after the crash")
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): "Complete line",
                                                    (8, "decisions"): "Written after the crash"}
    assert torn not in journal.path.read_bytes()


def test_a_damaged_line_inside_is_skipped(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "discussion", "Before")
    journal.close()
    data = journal.path.read_bytes()
    journal.path.write_bytes(data + b"\x00\x00garbage\n" + b'{"item": "7", "field": "x", "text": 3, "at": 1}\n')
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): "Before"}


def test_another_databases_journal_is_not_offered(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.record(7, "discussion", "Minutes of the Fife group")
    journal.close()
    other = str(tmp_path / "elsewhere" / "interface-desktop.sqlite3")  # same file name, another folder
    theirs = _journal(tmp_path, other)
    assert theirs.path != journal.path and theirs.path.parent == journal.path.parent
    assert theirs.recovered() == []
    theirs.path.write_bytes(journal.path.read_bytes())  # even when copied under its name
    assert _journal(tmp_path, other).recovered() == []
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): "Minutes of the Fife group"}


def test_a_server_database_is_named_without_its_password(tmp_path):
    url = "postgresql+psycopg://secretary:s3cret@db.nhs.scot/fife"
    journal = _journal(tmp_path, url)
    journal.record(7, "discussion", "On the server")
    assert journal.path.name.startswith("server.")
    assert b"s3cret" not in journal.path.read_bytes() and "s3cret" not in journal.path.name
    assert _texts(_journal(tmp_path, url)) == {(7, "discussion"): "On the server"}


def test_entries_from_an_earlier_run_stay_until_resolved(tmp_path, database):
    first = _journal(tmp_path, database)
    first.record(7, "discussion", "From the crashed run")
    first.close()
    second = _journal(tmp_path, database)
    assert _texts(second) == {(7, "discussion"): "From the crashed run"}
    second.record(9, "decisions", "Typed this run")
    second.saved(9, "decisions", "Typed this run")
    second.compact()  # kept for later: a save of other minutes does not drop it
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): "From the crashed run"}
    second.resolve(7)
    assert second.recovered() == [] and _journal(tmp_path, database).recovered() == []


def test_any_text_the_editor_holds_round_trips(tmp_path, database):
    journal = _journal(tmp_path, database)
    text = "Dr Ó Súilleabháin: “agreed” — 50 % ✓ \ud800 line\nbreak\ttab"
    journal.record(7, "discussion", text)
    assert _texts(_journal(tmp_path, database)) == {(7, "discussion"): text}


def test_a_folder_that_cannot_be_written_is_reported_once_and_never_raises(tmp_path, database):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    journal = MinutesJournal(journal_path(blocked, database), database)
    journal.record(7, "discussion", "Typed")
    journal.record(7, "discussion", "Typed on")
    journal.sync()
    journal.compact()
    assert journal.recovered() == []
    first = journal.take_failure()
    assert "not-a-folder" in first
    assert journal.take_failure() == ""


def test_a_journal_that_cannot_be_read_is_left_alone(tmp_path, database):
    journal = _journal(tmp_path, database)
    journal.path.mkdir()  # stands in for a file this user may not read
    journal.record(7, "discussion", "Typed")
    journal.compact()
    assert journal.path.is_dir() and journal.recovered() == []
    assert journal.take_failure()


def test_the_file_stays_small_however_long_the_typing(tmp_path, database):
    journal = _journal(tmp_path, database)
    text = ""
    for n in range(2000):
        text += "word "
        journal.record(7, "discussion", text)
        if n % 20 == 19:  # a save every twenty keystrokes or so, as while typing steadily
            journal.saved(7, "discussion", text)
            journal.compact()
    assert journal.path.stat().st_size < 30 * len(text)
