"""Where the data lives: --db and INTERFACE_DESKTOP_DB, portable mode, and the journal mode per kind of disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from interface_desktop import paths
from interface_desktop.db import engine as engine_module
from interface_desktop.db import sqlite_adapter
from interface_desktop.paths import AppPaths, app_paths, database_url


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (paths.ENV_DB, paths.ENV_DATA_DIR, paths.ENV_BACKUP_DIR):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_db_option_beats_environment_beats_default(clean_env, tmp_path):
    folders = AppPaths(tmp_path, tmp_path / "s", tmp_path / "b", portable=False)
    assert database_url(None, folders) == "sqlite:///" + str(tmp_path / paths.DB_FILENAME)
    clean_env.setenv(paths.ENV_DB, str(tmp_path / "from-env.sqlite3"))
    assert database_url(None, folders) == "sqlite:///" + str(tmp_path / "from-env.sqlite3")
    assert database_url(str(tmp_path / "explicit.sqlite3"), folders).endswith("explicit.sqlite3")
    assert database_url("postgresql://db.example/interface", folders) == "postgresql://db.example/interface"


def test_relative_db_paths_are_made_absolute(clean_env, tmp_path):
    clean_env.chdir(tmp_path)
    folders = AppPaths(tmp_path, tmp_path / "s", tmp_path / "b", portable=False)
    assert database_url("mine.sqlite3", folders) == "sqlite:///" + str(tmp_path.resolve() / "mine.sqlite3")


def test_data_dir_variable_moves_everything(clean_env, tmp_path):
    clean_env.setenv(paths.ENV_DATA_DIR, str(tmp_path / "elsewhere"))
    found = app_paths()
    assert found.data_dir == tmp_path / "elsewhere" and found.backup_dir == tmp_path / "elsewhere" / "backups"
    assert not found.portable


def test_portable_marker_keeps_data_beside_the_program(clean_env, tmp_path):
    clean_env.setattr(paths, "program_dir", lambda: tmp_path)
    assert not app_paths().portable
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    found = app_paths()
    assert found.portable and found.data_dir == tmp_path / paths.PORTABLE_DATA_DIR
    assert found.settings_dir.parent == found.data_dir and found.default_db_file.parent == found.data_dir


def _journal_mode(db_file: Path) -> str:
    engine = engine_module.make_engine("sqlite:///" + str(db_file))
    try:
        with engine.connect() as conn:
            return conn.execute(text("PRAGMA journal_mode")).scalar()
    finally:
        engine.dispose()


def test_wal_on_local_disks_and_rollback_journal_on_network_paths(monkeypatch, tmp_path):
    assert _journal_mode(tmp_path / "local.sqlite3") == "wal"
    monkeypatch.setattr(sqlite_adapter, "is_network_path", lambda path: True)
    assert _journal_mode(tmp_path / "share.sqlite3") == "delete"


def test_network_path_detection(monkeypatch, tmp_path):
    assert sqlite_adapter.is_network_path(Path("//fileserver/groups/interface"))
    monkeypatch.setattr(sqlite_adapter, "_posix_mount_type", lambda path: "cifs")
    assert sqlite_adapter.is_network_path(tmp_path)
    monkeypatch.setattr(sqlite_adapter, "_posix_mount_type", lambda path: "ext4")
    assert not sqlite_adapter.is_network_path(tmp_path)


def test_cli_uses_the_environment_database(tmp_path, monkeypatch, capsys, migrated_template):
    from interface_desktop.cli import main

    for name in ("env.sqlite3", "option.sqlite3"):
        shutil.copyfile(migrated_template, tmp_path / name)
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "env.sqlite3"))
    assert main(["info", "--json"]) == 0
    assert str(tmp_path / "env.sqlite3") in capsys.readouterr().out
    assert main(["info", "--json", "--db", str(tmp_path / "option.sqlite3")]) == 0
    assert str(tmp_path / "option.sqlite3") in capsys.readouterr().out
