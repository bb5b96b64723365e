"""Schema migrations: models match the migrations, old data survives, newer and failed upgrades harm nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect as sa_inspect

from interface_desktop.app import open_app_database
from interface_desktop.db.base import Base
from interface_desktop.db.engine import make_engine
from interface_desktop.db.migrate import SchemaError, alembic_config, head_revision, script_directory, upgrade_to_head
from interface_desktop.db.sqlite_adapter import include_in_autogenerate, integrity_problems

FIRST = "0001"
ROWS_AT_FIRST = [
    "INSERT INTO interface_group (id, name, board, hscp, terms_of_reference, quorum_gp, quorum_secondary, quorum_total,"
    " default_location, default_duration, created_at, updated_at) VALUES (1, 'Fife Interface Group', 'FF', '', '',"
    " 1, 1, 3, 'Board Room', 120, '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
    "INSERT INTO person (id, name, role, sector, organisation, department, email, phone, notes, active, created_at,"
    " updated_at) VALUES (1, 'Dr Jo Bell', 'gp', 'primary', 'Kirk Wynd Practice', '', '', '', '', 1,"
    " '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
    "INSERT INTO membership (id, group_id, person_id, group_role) VALUES (1, 1, 1, 'lead')",
    "INSERT INTO meeting (id, group_id, title, starts_at, duration_minutes, location, call_link, chair_id, status,"
    " minutes_status, minutes_unlocked, notes, created_at, updated_at) VALUES (1, 1, '', '2026-02-04 14:00:00', 90,"
    " 'Board Room', '', 1, 'held', 'approved', 0, '', '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
    "INSERT INTO agenda_item (id, meeting_id, position, title, minutes_allotted, kind, discussion, decisions,"
    " updated_at) VALUES (1, 1, 0, 'Discharge letters', 20, 'discussion', 'Letters are late.', 'Audit agreed.',"
    " '2026-02-04 16:00:00')",
    "INSERT INTO action (id, group_id, meeting_id, agenda_item_id, description, owner_id, due_on, status,"
    " carried_forward, created_at, updated_at) VALUES (1, 1, 1, 1, 'Audit letters', 1, '2026-03-01', 'open', 2,"
    " '2026-02-04 16:00:00', '2026-02-04 16:00:00')",
]


def _sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path)


def _make_first_revision_database(path: Path) -> None:
    engine = make_engine(_sqlite_url(path))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), FIRST)
            for statement in ROWS_AT_FIRST:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _dump(path: Path) -> dict[str, list[dict]]:
    """Every row of every table, in rowid order, as column -> value."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_fts%' AND name != 'alembic_version'")]
        return {t: [dict(row) for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid')] for t in sorted(tables)}
    finally:
        conn.close()


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    finally:
        conn.close()


# Columns later revisions add, or fill again from the other rows (the carried-forward count is counted anew).
ADDED_OR_RECOUNTED = {"action": {"reference", "carried_forward"}}


def _as_before(after: dict[str, list[dict]], before: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables and columns that existed before an upgrade, read after it (later revisions add columns)."""
    return {table: [{column: row[column] for column in (before[table][0] if before[table] else row)} for row in rows]
            for table, rows in after.items() if table in before}


def _kept(dump: dict[str, list[dict]], columns_at_first: dict[str, list[str]]) -> dict[str, list]:
    """The rows of the first revision's tables, by column name, without the columns a migration refills."""
    kept = {}
    for table, columns in columns_at_first.items():
        keep = [c for c in columns if c not in ADDED_OR_RECOUNTED.get(table, ())]
        kept[table] = [{c: row[c] for c in keep} for row in dump[table]]
    return kept


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_empty_matches_the_models(fresh_db):
    with fresh_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "include_object": include_in_autogenerate})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()


def test_first_revision_database_upgrades_with_every_row_intact_after_a_verified_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    _make_first_revision_database(path)
    before = _dump(path)
    columns = {table: _columns(path, table) for table in before}
    assert sum(len(rows) for rows in before.values()) >= len(ROWS_AT_FIRST)
    backup = upgrade_to_head(_sqlite_url(path), tmp_path / "backups")
    assert backup is not None and backup.exists() and integrity_problems(backup) == []
    assert _dump(backup) == before
    assert _kept(_dump(path), columns) == _kept(before, columns)
    engine = make_engine(_sqlite_url(path))
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    finally:
        engine.dispose()


def test_empty_database_is_migrated_without_a_backup(tmp_path):
    assert upgrade_to_head(_sqlite_url(tmp_path / "new.sqlite3"), tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_a_database_from_a_newer_version_is_refused_and_not_touched(tmp_path, app_paths):
    path = tmp_path / "newer.sqlite3"
    _make_first_revision_database(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    digest = _digest(path)
    with pytest.raises(Exception, match="newer version of Interface Desktop") as err:
        open_app_database(str(path), paths=app_paths)
    assert "9999_from_the_future" in str(err.value) or "update" in str(err.value)
    with pytest.raises(SchemaError, match="newer version"):
        upgrade_to_head(_sqlite_url(path), tmp_path / "backups")
    assert _digest(path) == digest


def test_a_failed_migration_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    _make_first_revision_database(path)
    before = _dump(path)
    columns = {table: _columns(path, table) for table in before}
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):  # Alembic's signature
        real_upgrade(config, revision)
        raise RuntimeError("disk unplugged half way")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="half way"):
        upgrade_to_head(_sqlite_url(path), tmp_path / "backups")
    assert _dump(path) == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    monkeypatch.undo()
    backup = upgrade_to_head(_sqlite_url(path), tmp_path / "backups")
    assert backup is not None
    assert _kept(_dump(path), columns) == _kept(before, columns)


def test_the_report_narrative_revision_adds_its_table_and_takes_it_away_again(tmp_path):
    path = tmp_path / "old.sqlite3"
    _make_first_revision_database(path)
    before_it = script_directory().get_revision("0006_report_narrative").down_revision
    engine = make_engine(_sqlite_url(path))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), before_it)
        before = _dump(path)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0006_report_narrative")
            conn.exec_driver_sql("INSERT INTO report_narrative (group_id, date_from, date_to, text, updated_at) VALUES "
                                 "(1, '2026-01-01', '2026-03-31', 'A good quarter.', '2026-04-02 09:00:00')")
            with pytest.raises(Exception, match="UNIQUE"):
                conn.exec_driver_sql("INSERT INTO report_narrative (group_id, date_from, date_to, text, updated_at) "
                                     "VALUES (1, '2026-01-01', '2026-03-31', 'Twice', '2026-04-02 09:00:00')")
        assert {t: r for t, r in _dump(path).items() if t != "report_narrative"} == before
        assert [tuple(row.values()) for row in _dump(path)["report_narrative"]] == [
            (1, 1, "2026-01-01", "2026-03-31", "A good quarter.", "2026-04-02 09:00:00")]
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), before_it)
        assert _dump(path) == before
    finally:
        engine.dispose()


def test_learning_network_revision_adds_its_tables_and_removes_them_on_downgrade(tmp_path):
    network_tables = {"theme_mapping", "share_theme", "network_digest", "network_item"}
    path = tmp_path / "network.sqlite3"
    before_it = script_directory().get_revision("0007_learning_network").down_revision
    engine = make_engine(_sqlite_url(path))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0007_learning_network")
        assert network_tables <= set(_dump(path))
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), before_it)
        assert not network_tables & set(_dump(path))
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        assert network_tables <= set(_dump(path))
    finally:
        engine.dispose()


RECORD = "0004_minutes_of_record"
ROWS_BEFORE_RECORD = [
    "INSERT INTO interface_group (id, name, board, hscp, terms_of_reference, quorum_gp, quorum_secondary, quorum_total,"
    " default_location, default_duration, created_at, updated_at) VALUES (1, 'Fife Interface Group', 'FF', '', '',"
    " 1, 1, 3, 'Board Room', 120, '2025-01-01 09:00:00', '2025-01-01 09:00:00')",
    *[f"INSERT INTO meeting (id, group_id, title, starts_at, duration_minutes, location, call_link, status,"
      f" minutes_status, minutes_unlocked, notes, created_at, updated_at) VALUES ({n}, 1, '', '{when}', 90, '', '',"
      f" '{status}', 'draft', 0, '', '2025-01-01 09:00:00', '2025-01-01 09:00:00')"
      for n, when, status in ((1, "2026-02-04 14:00:00", "held"), (2, "2026-03-04 14:00:00", "held"),
                              (3, "2026-04-01 14:00:00", "planned"))],
    *[f"INSERT INTO action (id, group_id, meeting_id, description, due_on, status, completed_on, carried_forward,"
      f" created_at, updated_at) VALUES ({n}, 1, {meeting}, 'Action {n}', '2026-06-01', '{status}', {completed},"
      f" 3, '{created}', '{edited}')"
      for n, meeting, status, completed, created, edited in (
          (1, 1, "open", "NULL", "2026-02-05 10:00:00", "2026-02-05 10:00:00"),
          (2, 1, "done", "'2026-02-20'", "2026-02-05 10:00:01", "2026-02-20 10:00:00"),
          (3, "NULL", "dropped", "NULL", "2025-12-01 10:00:00", "2026-03-10 10:00:00"),
          (4, 1, "done", "'2026-03-18'", "2026-02-05 10:00:02", "2026-03-20 10:00:00"))],
    # Action 4's status changes as the audit trail saw them: in progress in February, done in March.
    *[f"INSERT INTO audit_entry (at, user, operation, entity, entity_id, changes) VALUES ('{at}', 'sec', '{op}',"
      f" 'action', 4, '{{\"status\": {change}}}')"
      for at, op, change in (("2026-02-05 10:00:02", "create", '[null, \"open\"]'),
                             ("2026-02-10 09:00:00", "update", '[\"open\", \"in_progress\"]'),
                             ("2026-03-20 10:00:00", "update", '[\"in_progress\", \"done\"]'))],
]


def test_minutes_of_record_numbers_actions_starts_their_history_and_counts_carried_forward(tmp_path):
    path = tmp_path / "before.sqlite3"
    engine = make_engine(_sqlite_url(path))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            for statement in ROWS_BEFORE_RECORD:
                conn.exec_driver_sql(statement)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), RECORD)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, reference, carried_forward FROM action ORDER BY id").fetchall()
        history = conn.execute("SELECT action_id, status, changed_on FROM action_status_change "
                               "ORDER BY action_id, changed_on, id").fetchall()
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            conn.execute("UPDATE action SET reference = 'A-2026-001' WHERE id = 2")
    finally:
        conn.close()
    # Numbered per year in the order created; counted: held meetings after it was raised at which it was open.
    assert rows == [(1, "A-2026-001", 1), (2, "A-2026-002", 0), (3, "A-2025-001", 2), (4, "A-2026-003", 1)]
    assert history == [
        (1, "open", "2026-02-04"),
        (2, "open", "2026-02-04"), (2, "done", "2026-02-20"),
        (3, "open", "2025-12-01"), (3, "dropped", "2026-03-10"),
        (4, "open", "2026-02-04"), (4, "in_progress", "2026-02-10"), (4, "done", "2026-03-18"),
    ]


def test_minutes_of_record_downgrades_and_upgrades_again(tmp_path):
    path = tmp_path / "old.sqlite3"
    _make_first_revision_database(path)
    assert upgrade_to_head(_sqlite_url(path), tmp_path / "backups") is not None
    engine = make_engine(_sqlite_url(path), foreign_keys=False)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), script_directory().get_revision(RECORD).down_revision)
        with engine.connect() as conn:
            assert "reference" not in {c["name"] for c in sa_inspect(conn).get_columns("action")}
            assert not sa_inspect(conn).has_table("minutes_record")
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT reference FROM action").scalar() == "A-2026-001"
    finally:
        engine.dispose()


LAYOUT = "0005_minutes_layout"


def _insert_issue(conn) -> None:
    """An interface issue with every required column filled (empty text, zero numbers)."""
    given = {"id": 1, "group_id": 1, "reference": "FF-2026-001", "board": "FF", "year": 2026, "number": 1,
             "title": "Letters", "raised_on": "2026-02-01", "raised_by_role": "GP", "raised_by_sector": "primary",
             "direction": "both", "category": "letters", "severity": "moderate", "status": "new",
             "created_at": "2026-02-01 09:00:00", "updated_at": "2026-02-01 09:00:00"}
    for _, name, kind, notnull, *_ in conn.exec_driver_sql("PRAGMA table_info(interface_issue)"):
        if notnull and name not in given:
            given[name] = 0 if kind.upper() in ("INTEGER", "BOOLEAN") else ""
    names = ", ".join(given)
    conn.exec_driver_sql(f"INSERT INTO interface_issue ({names}) VALUES ({', '.join('?' * len(given))})",
                         tuple(given.values()))


def test_the_minutes_layout_revision_adds_empty_fields_and_downgrades_with_rows_intact(tmp_path):
    below = script_directory().get_revision(LAYOUT).down_revision
    path = tmp_path / "old.sqlite3"
    _make_first_revision_database(path)
    engine = make_engine(_sqlite_url(path), foreign_keys=False)  # as migrations run: see db/migrate.py
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), below)
            _insert_issue(conn)
        before = _dump(path)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), LAYOUT)
        after = _dump(path)
        assert _as_before(after, before) == before
        assert after["meeting"][0]["closed_at"] is None
        assert after["interface_group"][0]["quorum_secondary_roles"] == ""
        issue = after["interface_issue"][0]
        assert (issue["sea_meeting_on"], issue["sea_participants"], issue["sea_facilitator"]) == (None, "", "")
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), below)
        assert _dump(path) == before
    finally:
        engine.dispose()
