"""One vocabulary: the RAG rule agrees in its three forms, and the schema and a new database hold the app's codes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import CheckConstraint, select, text

from interface_desktop import vocab
from interface_desktop.db import sqlite_adapter
from interface_desktop.db.base import Base
from interface_desktop.db.models import Action, LookupValue
from interface_desktop.services.actions import actions
from interface_desktop.services.dashboard import first_screen
from interface_desktop.services.people import groups

TODAY = date(2026, 11, 23)
YEAR_END = date(2026, 12, 31)


def _days(n: int, on: date = TODAY) -> date:
    return on + timedelta(days=n)


# (status, due date, today, the colour): each boundary of the rule on both sides, and across a year's end.
CASES = [
    ("open", _days(-1), TODAY, "red"),
    ("in_progress", _days(-400), TODAY, "red"),
    ("open", TODAY, TODAY, "amber"),
    ("in_progress", _days(vocab.DUE_SOON_DAYS), TODAY, "amber"),
    ("open", _days(vocab.DUE_SOON_DAYS + 1), TODAY, "green"),
    ("open", None, TODAY, "green"),
    ("in_progress", None, TODAY, "green"),
    ("done", _days(-1), TODAY, "green"),
    ("done", TODAY, TODAY, "green"),
    ("done", None, TODAY, "green"),
    ("dropped", _days(-1), TODAY, "grey"),
    ("dropped", _days(3), TODAY, "grey"),
    ("dropped", None, TODAY, "grey"),
    ("open", date(2027, 1, 7), YEAR_END, "amber"),
    ("open", date(2027, 1, 8), YEAR_END, "green"),
    ("open", date(2026, 12, 30), YEAR_END, "red"),
]


def test_the_rule_in_python():
    assert [vocab.rag_for(status, due, on) for status, due, on, _ in CASES] == [rag for *_, rag in CASES]
    assert vocab.due_soon_until(TODAY) == date(2026, 11, 30)


def test_the_action_logs_sql_and_the_first_windows_sql_agree_with_it(db):
    with db.session_scope() as s:
        group_id = groups.create_group(s, name="Fife Interface Group", board="FF").id
        ids = [actions.add_action(s, group_id=group_id, description=f"case {n}", due_on=due, status=status).id
               for n, (status, due, _, _) in enumerate(CASES)]
    conn = sqlite_adapter.connect_read_only(db.file)
    try:
        with db.session_scope() as s:
            for on in {on for *_, on, _ in CASES}:
                expected = {rag: {i for i, (_, _, day, colour) in zip(ids, CASES) if day == on and colour == rag}
                            for rag in vocab.RAG_LABELS}
                cases = [i for i, (_, _, day, _) in zip(ids, CASES) if day == on]
                for rag in vocab.RAG_LABELS:
                    orm = set(s.scalars(select(Action.id).where(actions.rag_condition(rag, on), Action.id.in_(cases))))
                    assert orm == expected[rag], (rag, on)
                for rag in ("red", "amber"):  # the colours the first window lists
                    condition, params = first_screen.rag_condition(rag, on)
                    plain = {row[0] for row in conn.execute(f"SELECT a.id FROM action a WHERE {condition}", params)}
                    assert plain & set(cases) == expected[rag], (rag, on)
    finally:
        conn.close()


def test_the_first_window_lists_only_red_and_amber():
    with pytest.raises(ValueError, match="green"):
        first_screen.rag_condition("green", TODAY)


def test_the_schema_checks_the_vocabularys_codes_in_a_migrated_database(db):
    """The migrations keep their own copies of the codes; each check they wrote is the one the models declare."""
    with db.session_scope() as s:
        tables = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    checks = [(table.name, str(c.sqltext)) for table in Base.metadata.tables.values() for c in table.constraints
              if isinstance(c, CheckConstraint) and " IN (" in str(c.sqltext)]
    assert len(checks) >= 15
    assert [(name, sql) for name, sql in checks if sql not in tables[name]] == []


def test_a_new_database_starts_with_the_default_lists(db):
    with db.session_scope() as s:
        rows = s.execute(select(LookupValue.kind, LookupValue.code, LookupValue.label)
                         .order_by(LookupValue.kind, LookupValue.sort_order)).all()
    stored: dict[str, list[tuple[str, str]]] = {}
    for kind, code, label in rows:
        stored.setdefault(kind, []).append((code, label))
    assert stored == vocab.DEFAULT_LOOKUPS


def test_boards_are_listed_by_name_and_open_statuses_are_statuses():
    """Pick lists show the boards in the mapping's order, which must be their names' alphabetical order."""
    assert list(vocab.BOARDS.values()) == sorted(vocab.BOARDS.values())
    assert set(vocab.ACTION_OPEN_STATUSES) < set(vocab.ACTION_STATUSES)
    assert set(vocab.ISSUE_OPEN_STATUSES) < set(vocab.ISSUE_STATUSES)
