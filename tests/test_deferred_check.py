"""The GUI's quick start-up look: visible damage is still refused at once, the rest waits for the full check.

Until the full check has passed no statement may write to the file; when it fails, writes are refused.
"""

from __future__ import annotations

import sqlite3

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.db import backups, health, maintenance
from interface_desktop.services.people import groups
from tests.test_damaged_files import DAMAGE, _digest, _garbage_inside, saved  # noqa: F401 - the fixture

SEEN_AT_START = [kind for kind in DAMAGE if kind != "damaged"]


def _open_quickly(db_file, app_paths):  # as the GUI opens it
    return open_app_database(str(db_file), paths=app_paths, defer_daily_backup=True, defer_full_check=True)


@pytest.mark.parametrize("kind", SEEN_AT_START)
def test_the_quick_look_refuses_what_it_can_see_before_writing(kind, saved, app_paths):
    db_file, backup = saved
    damage, words = DAMAGE[kind]
    damage(db_file)
    before = _digest(db_file)
    with pytest.raises(health.StartupProblem) as raised:
        _open_quickly(db_file, app_paths)
    assert raised.value.kind == kind and words in str(raised.value)
    assert raised.value.backup.path == backup.path
    assert _digest(db_file) == before


def test_reads_go_ahead_and_the_first_write_waits_for_the_full_check(saved, app_paths):
    db_file, _ = saved
    opened = _open_quickly(db_file, app_paths)
    try:
        with opened.session_scope() as s:
            assert [g.name for g in groups.list_groups(s)] == ["Fife Interface Group"]
        assert not opened.gate.settled  # reading did not need it
        with opened.session_scope() as s:
            groups.create_group(s, name="Tayside Interface Group", board="TY")
        assert opened.gate.settled and opened.gate.problem is None
    finally:
        opened.dispose()


def test_damage_inside_the_file_is_found_after_start_and_nothing_is_written(saved, app_paths):
    db_file, _ = saved
    _garbage_inside(db_file)
    before = _digest(db_file)
    opened = _open_quickly(db_file, app_paths)  # header, size and schema version look fine
    try:
        with pytest.raises(Exception, match="not authorized"), opened.session_scope() as s:
            groups.create_group(s, name="Tayside Interface Group", board="TY")
        problem = maintenance.Maintenance(opened, app_paths.backup_dir).verify()
        assert problem is not None and "damaged" in problem
    finally:
        opened.dispose()
    assert _digest(db_file) == before


def test_an_upgrade_never_waits_it_checks_every_page_first(saved, app_paths):
    db_file, _ = saved
    for old in backups.list_backups(db_file, app_paths.backup_dir):
        old.path.unlink()
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _garbage_inside(db_file)
    before = _digest(db_file)
    with pytest.raises(health.StartupProblem) as raised:
        _open_quickly(db_file, app_paths)
    assert raised.value.kind == "damaged"
    assert _digest(db_file) == before
    assert not list(app_paths.backup_dir.glob("*-before-upgrade-to-*"))
