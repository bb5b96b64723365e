"""The first window's plain-SQLite read (services.dashboard.first_screen) gives exactly what the ORM services give."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from benchmarks.generate import Size, generate
from interface_desktop.db import sqlite_adapter
from interface_desktop.db.engine import Database, open_database
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.meetings import agenda
from interface_desktop.services.dashboard import dashboard
from interface_desktop.services.dashboard import first_screen, read
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.core.runner import ServiceRunner

DAYS = (date(2026, 11, 23), date(2026, 1, 1), date(2025, 3, 31), date(2024, 12, 31), date(2027, 6, 15))


def _same_everywhere(database: Database) -> int:
    """Compares both paths for all groups and each group, on several days; returns how many rows were compared."""
    conn = sqlite_adapter.connect_read_only(database.file)
    compared = 0
    try:
        with database.session_scope() as session:
            choices = groups.group_choices(session)
            assert first_screen.group_choices(conn) == choices and choices
            for on in DAYS:
                for group_id in [None, *(g.id for g in choices)]:
                    full = dashboard.summary(session, group_id=group_id, on=on)
                    assert first_screen.dashboard(conn, group_id=group_id, on=on) == full, (on, group_id)
                    compared += len(full.overdue) + len(full.due_soon) + len(full.open_issues) + len(
                        full.activities_this_quarter) + (full.next_meeting is not None)
    finally:
        conn.close()
    return compared


def test_the_example_data_reads_the_same_both_ways(demo_db):
    assert _same_everywhere(demo_db) > 100


def test_a_generated_board_reads_the_same_both_ways(tmp_path):
    target = tmp_path / "board.sqlite3"
    generate(target, Size(1, scale=0.05), on=date(2026, 11, 23), quiet=True)
    database = open_database("sqlite:///" + str(target))
    try:
        assert _same_everywhere(database) > 100
    finally:
        database.dispose()


def test_edge_cases_read_the_same_both_ways(db):
    """Ties, missing owners and due dates, text with quotes, the quarter's first and last days, empty lists."""
    with db.session_scope() as s:
        assert _dashboards_equal(db)  # an empty database
        g = groups.create_group(s, name="O'Brien & Co Interface Group", board="FF")
        other = groups.create_group(s, name="Borders Interface Group", board="BR")
        for when in ("2026-12-01 09:00", "2026-12-01 09:00", "2026-11-23 00:00"):
            m = meetings.create_meeting(s, group_id=g.id, starts_at=when, title="")
        agenda.add_agenda_item(s, meeting_id=m.id, title="Discharge letters", kind="decision", minutes_allotted=200)
        for due in (None, "2026-11-22", "2026-11-23", "2026-11-30", "2026-12-01", "2026-11-22"):
            actions.add_action(s, meeting_id=m.id, description='Chase "urgent" letters', due_on=due)
        actions.add_action(s, group_id=other.id, description="Dropped one", due_on="2026-11-01", status="dropped")
        issues.create_issue(s, group_id=g.id, title="Results not filed", raised_on="2026-11-23",
                            raised_by_role="gp", raised_by_sector="primary", category="communication",
                            direction="both")
        for starts in ("2026-10-01", "2026-12-31", "2027-01-01", "2026-09-30"):
            activities.create_activity(s, group_id=g.id, title="Shadowing", kind="shadowing", starts_on=starts)
    assert _dashboards_equal(db)


def _dashboards_equal(database: Database) -> bool:
    conn = sqlite_adapter.connect_read_only(database.file)
    try:
        with database.session_scope() as session:
            ids = [None, *(g.id for g in groups.group_choices(session))]
            on_days = [date(2026, 11, 23) + timedelta(days=d) for d in (-1, 0, 7, 8, 38)]
            return all(first_screen.dashboard(conn, group_id=i, on=on) == dashboard.summary(session, group_id=i, on=on)
                       for i in ids for on in on_days)
    finally:
        conn.close()


def test_the_first_screen_is_read_plainly_until_the_data_layer_loads(db):
    with db.session_scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")
    opened: list[int] = []

    def quick():  # a sqlite3.Connection
        opened.append(1)
        return sqlite_adapter.connect_read_only(db.file)

    runner = ServiceRunner(db.session_scope, quick_read=quick)
    before = read.group_choices(runner)
    board = read.dashboard(runner)
    assert (len(opened), runner.loaded) == (2, False)
    runner.load()
    after = read.group_choices(runner)
    assert (len(opened), runner.loaded) == (2, True)
    assert before == after and [g.name for g in after] == ["Fife Interface Group"]
    assert read.dashboard(runner) == board


def test_without_a_plain_reader_the_first_screen_uses_the_orm(db):
    runner = ServiceRunner(db.session_scope)
    assert read.group_choices(runner) == []
    assert runner.loaded


@pytest.mark.parametrize("how", ["cannot open", "no tables"])
def test_a_plain_read_that_fails_falls_back_to_the_orm(db, tmp_path, how):
    with db.session_scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")

    def broken():  # as a connection factory would
        if how == "cannot open":
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite3.connect(tmp_path / "empty.sqlite3")

    runner = ServiceRunner(db.session_scope, quick_read=broken)
    chosen = read.group_choices(runner)
    assert [g.name for g in chosen] == ["Fife Interface Group"] and runner.loaded


def test_every_table_and_column_the_plain_read_names_is_one_of_the_models(demo_db):
    """A renamed column breaks this test, not the first window (whose plain read would fail over to the ORM)."""
    from interface_desktop.db.base import Base

    read_names: set[tuple[str, str]] = set()

    def note(action: int, table: str | None, column: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table and not table.startswith("sqlite_"):
            read_names.add((table, column or ""))
        return sqlite3.SQLITE_OK

    conn = sqlite_adapter.connect_read_only(demo_db.file)
    conn.set_authorizer(note)  # SQLite names every column a statement reads as it compiles it
    try:
        choices = first_screen.group_choices(conn)
        for on in DAYS:
            for group_id in [None, *(g.id for g in choices)]:
                first_screen.dashboard(conn, group_id=group_id, on=on)
    finally:
        conn.close()
    tables = Base.metadata.tables
    unknown = sorted((t, c) for t, c in read_names if t not in tables or (c and c not in tables[t].c))
    assert not unknown, f"the plain read names what the models do not have: {unknown}"
    assert {t for t, _ in read_names} == {"interface_group", "meeting", "agenda_item", "paper", "action", "person",
                                          "interface_issue", "lookup_value", "activity"}


def test_the_data_layer_loads_inside_the_runners_import_context(db):
    """The GUI sets it to import without PySide6's hook, whichever call loads the data layer first."""
    from contextlib import contextmanager

    entered: list[str] = []

    @contextmanager
    def recording():  # a context manager
        entered.append("in")
        yield
        entered.append("out")

    runner = ServiceRunner(db.session_scope)
    runner.import_context = recording
    runner.call(groups.group_choices)
    runner.call(groups.group_choices)
    assert entered == ["in", "out"] and runner.loaded
