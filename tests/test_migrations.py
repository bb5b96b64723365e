"""Schema migrations: models match the migrations, old data survives, newer and failed upgrades harm nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

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


def _as_before(after: dict[str, list[dict]], before: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables and columns that existed before an upgrade, read after it (later revisions add columns)."""
    return {table: [{column: row[column] for column in (before[table][0] if before[table] else row)} for row in rows]
            for table, rows in after.items() if table in before}


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
    assert sum(len(rows) for rows in before.values()) >= len(ROWS_AT_FIRST)
    backup = upgrade_to_head(_sqlite_url(path), tmp_path / "backups")
    assert backup is not None and backup.exists() and integrity_problems(backup) == []
    assert _dump(backup) == before
    after = _dump(path)
    assert _as_before(after, before) == before
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
    assert upgrade_to_head(_sqlite_url(path), tmp_path / "backups") is not None
    assert _as_before(_dump(path), before) == before


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
