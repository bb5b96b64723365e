"""Backups belong to one database: two databases with one file name can share a backup folder without mixing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from interface_desktop.app import open_app_database
from interface_desktop.cli import main
from interface_desktop.db import backups, identity, maintenance
from interface_desktop.db.engine import make_engine
from interface_desktop.db.migrate import alembic_config, head_revision
from interface_desktop.paths import AppPaths
from interface_desktop.services.people import groups

NAME = "interface-desktop.sqlite3"


def _paths(root: Path, shared: Path) -> AppPaths:
    paths = AppPaths(root, root / "settings", shared, portable=False)
    paths.ensure()
    return paths


def _create(paths: AppPaths, group: str) -> Path:
    db = open_app_database(str(paths.data_dir / NAME), paths=paths)
    try:
        with db.session_scope() as s:
            groups.create_group(s, name=group, board="FF")
    finally:
        db.dispose()
    return paths.data_dir / NAME


@pytest.fixture
def twins(tmp_path):
    """Two databases called the same, in different folders, backing up to one shared folder."""
    shared = tmp_path / "shared-backups"
    a = _create(_paths(tmp_path / "a", shared), "Fife Interface Group")
    b = _create(_paths(tmp_path / "b", shared), "Tayside Interface Group")
    for old in shared.iterdir():  # the start-up backups: each test makes the ones it needs
        old.unlink()
    return a, b, shared


def _group_names(db_file: Path) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM interface_group ORDER BY id")]
    finally:
        conn.close()


def test_every_database_has_its_own_identity_that_lasts(twins, tmp_path):
    a, b, shared = twins
    first = identity.read_identity(a)
    assert first is not None and len(first) == 36
    assert identity.read_identity(b) not in (None, first)
    again = open_app_database(str(a), paths=_paths(tmp_path / "a", shared))
    again.dispose()
    assert identity.read_identity(a) == first


def test_latest_backup_and_the_list_are_only_this_databases(twins):
    a, b, shared = twins
    mine = backups.make_backup(a, shared, "manual", now=datetime(2026, 11, 20, 9, 0))
    theirs = backups.make_backup(b, shared, "manual", now=datetime(2026, 11, 21, 9, 0))  # newer
    assert backups.latest_backup(a, shared).path == mine.path
    assert [x.path for x in backups.list_backups(a, shared)] == [mine.path]
    assert [x.path for x in backups.list_backups(b, shared)] == [theirs.path]
    assert _group_names(backups.latest_backup(a, shared).path) == ["Fife Interface Group"]


def test_rotation_counts_and_deletes_only_this_databases_backups(twins):
    a, b, shared = twins
    start = datetime(2026, 1, 1, 9, 0)
    theirs = [backups.make_backup(b, shared, "daily", now=start + timedelta(days=d)).path for d in range(3)]
    for day in range(40):
        backups.make_backup(a, shared, "daily", now=start + timedelta(days=10 + day))
    assert all(path.exists() for path in theirs)
    assert [x.path for x in backups.list_backups(b, shared)] == theirs[::-1]
    assert len(backups.list_backups(a, shared)) < 40


def test_a_backup_of_another_database_is_refused_with_its_name_and_date(twins, capsys):
    a, b, shared = twins
    theirs = backups.make_backup(b, shared, "manual", now=datetime(2026, 11, 21, 9, 30))
    with pytest.raises(maintenance.RestoreRefused,
                       match=r"another database \(interface-desktop, backed up on 21/11/2026 09:30\)"):
        maintenance.restore_database(a, theirs.path, shared)
    assert _group_names(a) == ["Fife Interface Group"]
    code = main(["--db", str(a), "--backup-dir", str(shared), "restore", str(theirs.path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "another database" in err[0] and "21/11/2026 09:30" in err[0]
    assert _group_names(a) == ["Fife Interface Group"]


def test_a_copy_chosen_by_hand_is_recognised_by_its_contents(twins, tmp_path):
    a, b, shared = twins
    copy = backups.backup_to(b, tmp_path / "a copy I made.sqlite3")
    with pytest.raises(maintenance.RestoreRefused, match="another database"):
        maintenance.restore_database(a, copy, shared)
    own = backups.backup_to(a, tmp_path / "my own copy.sqlite3")
    maintenance.restore_database(a, own, shared)
    assert _group_names(a) == ["Fife Interface Group"]


def test_the_gui_refuses_it_too_and_offers_only_this_databases_backups(twins, tmp_path):
    a, b, shared = twins
    theirs = backups.make_backup(b, shared, "manual")
    db = open_app_database(str(a), paths=_paths(tmp_path / "a", shared))
    try:
        runtime = maintenance.Maintenance(db, shared)
        assert [x.path for x in runtime.list_backups()] == [runtime.last_backup().path]
        assert theirs.path not in [x.path for x in runtime.list_backups()]
        with pytest.raises(maintenance.RestoreRefused, match="another database"):
            runtime.restore(theirs.path)
        with db.session_scope() as s:
            assert [g.name for g in groups.list_groups(s)] == ["Fife Interface Group"]
    finally:
        db.dispose()


def _before_identities(path: Path, group: str, first_change: tuple | None = None) -> None:
    """A database as the app wrote it before databases had an identity (schema 0002), with one audit entry."""
    first_change = first_change or (datetime.now().isoformat(sep=" "), "jsmith", "create", "group", 1, "{}")
    engine = make_engine("sqlite:///" + str(path))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            conn.exec_driver_sql(
                "INSERT INTO interface_group (name, board, hscp, terms_of_reference, quorum_gp, quorum_secondary,"
                " quorum_total, default_location, default_duration, created_at, updated_at) VALUES"
                f" ('{group}', 'FF', '', '', 1, 1, 3, '', 120, '2026-01-01 09:00:00', '2026-01-01 09:00:00')")
            conn.exec_driver_sql("INSERT INTO audit_entry (at, user, operation, entity, entity_id, changes)"
                                 " VALUES (?, ?, ?, ?, ?, ?)", first_change)
    finally:
        engine.dispose()


def test_old_backups_without_an_identity_are_listed_by_name_and_adopted_by_their_own_database(tmp_path):
    shared = tmp_path / "shared-backups"
    shared.mkdir()
    a_paths, b_paths = _paths(tmp_path / "a", shared), _paths(tmp_path / "b", shared)
    a, b = a_paths.data_dir / NAME, b_paths.data_dir / NAME
    _before_identities(a, "Fife Interface Group")
    _before_identities(b, "Tayside Interface Group")
    old_a = shared / "interface-desktop-20260101-090000-daily.sqlite3"
    old_b = shared / "interface-desktop-20260102-090000-daily.sqlite3"
    shutil.copyfile(a, old_a)
    shutil.copyfile(b, old_b)
    assert {x.path for x in backups.list_backups(a, shared)} == {old_a, old_b}  # by name: either may be A's
    for path, paths in ((a, a_paths), (b, b_paths)):  # both upgraded: each gets its identity
        open_app_database(str(path), paths=paths).dispose()
    listed_a = backups.list_backups(a, shared)
    listed_b = backups.list_backups(b, shared)
    assert [x.taken_at for x in listed_a if x.reason == "daily"][-1] == datetime(2026, 1, 1, 9, 0)
    assert datetime(2026, 1, 2, 9, 0) not in [x.taken_at for x in listed_a]
    assert datetime(2026, 1, 1, 9, 0) not in [x.taken_at for x in listed_b]
    assert not old_a.exists() and not old_b.exists()  # renamed with their database's identity
    assert all(_group_names(x.path) == ["Fife Interface Group"] for x in listed_a)
    assert all(_group_names(x.path) == ["Tayside Interface Group"] for x in listed_b)


def test_an_old_backup_is_restored_into_the_same_identity(twins, tmp_path):
    a, b, shared = twins
    before = identity.read_identity(a)
    conn = sqlite3.connect(a)  # an old copy of it: its history begins where the database's does
    first = conn.execute("SELECT at, user, operation, entity, entity_id, changes FROM audit_entry ORDER BY id LIMIT 1")
    row = first.fetchone()
    conn.close()
    old = tmp_path / "old.sqlite3"
    _before_identities(old, "Fife Interface Group", row)
    maintenance.restore_database(a, old, shared)
    assert identity.read_identity(a) == before
    assert sqlite3.connect(a).execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)


def test_a_damaged_database_is_offered_a_backup_only_when_it_cannot_be_another_databases(twins):
    a, b, shared = twins
    mine = backups.make_backup(a, shared, "manual", now=datetime(2026, 11, 20, 9, 0))
    a.write_bytes(b"")  # emptied: it can no longer say which database it is
    assert backups.latest_backup(a, shared) == mine  # every backup of this name is one database's
    backups.make_backup(b, shared, "manual", now=datetime(2026, 11, 21, 9, 0))
    assert backups.latest_backup(a, shared) is None  # two databases' backups: neither is offered
