"""No installation rights: per-user folders, portable mode beside the executable, INI settings, network homes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interface_desktop import paths
from interface_desktop.app import open_app_database
from interface_desktop.db import sqlite_adapter


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the bundled executable in a folder of its own (what PyInstaller sets)."""
    program = tmp_path / "InterfaceDesktop"
    program.mkdir()
    exe = program / "InterfaceDesktop"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(paths.ENV_BACKUP_DIR, raising=False)
    return exe


def test_per_user_folders_without_the_marker(frozen_exe: Path) -> None:
    resolved = paths.app_paths()
    assert not resolved.portable
    assert frozen_exe.parent not in resolved.data_dir.parents
    assert resolved.data_dir.name == paths.APP_DIR_NAME
    assert resolved.settings_file.name == paths.SETTINGS_FILENAME


def test_marker_keeps_data_settings_and_backups_beside_the_executable(frozen_exe: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    resolved = paths.app_paths()
    root = frozen_exe.parent / paths.PORTABLE_DATA_DIR
    assert resolved.portable
    assert resolved.data_dir == root
    assert resolved.settings_file.parent.parent == root
    assert resolved.backup_dir.parent == root


def test_portable_database_is_created_beside_the_executable(frozen_exe: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    resolved = paths.app_paths()
    database = open_app_database(None, paths=resolved)
    try:
        assert database.file == frozen_exe.parent / paths.PORTABLE_DATA_DIR / paths.DB_FILENAME
        assert database.file.is_file()
    finally:
        database.dispose()


def test_ui_settings_default_to_an_ini_file_in_the_settings_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QSettings

    from interface_desktop.ui import settings as prefs

    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(prefs, "_store", None)
    store = prefs.store()
    assert store.format() == QSettings.Format.IniFormat
    assert Path(store.fileName()) == tmp_path / "data" / "settings" / paths.SETTINGS_FILENAME
    prefs.set_value(prefs.LAST_VIEW, "actions")
    store.sync()
    assert "actions" in (tmp_path / "data" / "settings" / paths.SETTINGS_FILENAME).read_text(encoding="utf-8")


@pytest.mark.parametrize("fstype, wal", [("cifs", False), ("nfs4", False), ("ext4", True)])
def test_network_home_folder_uses_the_rollback_journal(
    fstype: str, wal: bool, app_paths: paths.AppPaths, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sqlite_adapter, "_posix_mount_type", lambda _path: fstype)
    monkeypatch.setattr(sqlite_adapter.sys, "platform", "linux")
    database = open_app_database(str(app_paths.default_db_file), paths=app_paths)
    try:
        with database.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    finally:
        database.dispose()
    assert mode == ("wal" if wal else "delete")


def test_unc_paths_count_as_network_paths() -> None:
    assert sqlite_adapter.is_network_path(Path("//fileserver/home/secretary"))
