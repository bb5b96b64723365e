"""No command or save writes over the database it reads, the files beside it, or a backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from interface_desktop import protected_files
from interface_desktop.cli import main
from interface_desktop.db import backups, lock
from interface_desktop.db.protected import protected_reason
from interface_desktop.exports.safe_write import ExportError, write_file
from interface_desktop.services.people import groups

TARGETS = ("database", "its -wal", "its lock file", "a symlink to it", "a hard link to it", "a path through ..",
           "a file in the backup folder")


@pytest.fixture
def live(db, app_paths):
    with db.session_scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")
    backups.make_backup(db.file, app_paths.backup_dir, "manual")
    return db


def _target(kind: str, db_file: Path, backup_dir: Path, tmp_path: Path, suffix: str) -> Path:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    if kind == "database":
        return db_file
    if kind == "its -wal":
        return Path(str(db_file) + "-wal")
    if kind == "its lock file":
        return lock.lock_path(db_file)
    if kind == "a symlink to it":
        (elsewhere / f"link{suffix}").symlink_to(db_file)
        return elsewhere / f"link{suffix}"
    if kind == "a hard link to it":
        os.link(db_file, elsewhere / f"hard{suffix}")
        return elsewhere / f"hard{suffix}"
    if kind == "a path through ..":
        return elsewhere / ".." / db_file.parent.relative_to(tmp_path) / db_file.name
    return backup_dir / f"out{suffix}"


def _intact(db, inode: int) -> None:
    assert db.file.stat().st_ino == inode
    with db.session_scope() as s:
        assert [g.name for g in groups.list_groups(s)] == ["Fife Interface Group"]
    conn = sqlite3.connect(db.file)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


@pytest.mark.parametrize("kind", TARGETS)
def test_the_guard_knows_the_database_the_files_beside_it_and_the_backups(kind, live, app_paths, tmp_path):
    target = _target(kind, live.file, app_paths.backup_dir, tmp_path, ".json")
    reason = protected_reason(target, live.file, app_paths.backup_dir)
    assert reason is not None and reason.startswith("refusing to write over the open database")
    assert "\n" not in reason
    assert protected_reason(tmp_path / "elsewhere" / "fine.json", live.file, app_paths.backup_dir) is None


COMMANDS = {
    "export data": (["export", "data", "-o"], ".json"),
    "audit-log": (["audit-log", "-o"], ".csv"),
    "backup -o": (["backup", "-o"], ".sqlite3"),
    "export actions": (["export", "actions", "-o"], ".csv"),
}


# A document's extension names its format: the database's own names are refused by that check first.
NAMED_BY_THE_USER = ("a symlink to it", "a hard link to it", "a file in the backup folder")
CASES = [(command, kind) for command in COMMANDS for kind in TARGETS
         if command != "export actions" or kind in NAMED_BY_THE_USER]


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_every_command_that_writes_a_file_refuses_it(command, kind, live, app_paths, tmp_path, capsys):
    argv, suffix = COMMANDS[command]
    target = _target(kind, live.file, app_paths.backup_dir, tmp_path, suffix)
    inode = live.file.stat().st_ino
    listed = sorted(app_paths.backup_dir.iterdir())
    code = main(["--db", str(live.file), "--backup-dir", str(app_paths.backup_dir), *argv, str(target)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "refusing to write over the open database" in err[0], err
    _intact(live, inode)
    assert sorted(app_paths.backup_dir.iterdir()) == listed


def test_the_same_commands_write_anywhere_else(live, app_paths, tmp_path):
    for command, (argv, suffix) in COMMANDS.items():
        target = tmp_path / f"{command.replace(' ', '-')}{suffix}"
        assert main(["--db", str(live.file), "--backup-dir", str(app_paths.backup_dir), *argv, str(target)]) == 0
        assert target.stat().st_size > 0


def test_every_export_writer_asks_about_the_open_database(live, app_paths, tmp_path):
    link = _target("a symlink to it", live.file, app_paths.backup_dir, tmp_path, ".csv")
    with pytest.raises(ExportError, match="refusing to write over the open database"):
        write_file(link, lambda temp: temp.write_text("When,Who\n"))
    with pytest.raises(ExportError, match="backup folder"):
        write_file(app_paths.backup_dir / "history.csv", lambda temp: temp.write_text("When,Who\n"))
    _intact(live, live.file.stat().st_ino)
    assert protected_files.refusal(live.file) is not None
    live.dispose()
    assert protected_files.refusal(live.file) is None  # closed: it is an ordinary file again


def test_a_new_backup_folder_is_protected_and_so_is_the_one_before(live, app_paths, tmp_path):
    from interface_desktop.db.maintenance import Maintenance

    runtime = Maintenance(live, app_paths.backup_dir)
    runtime.backup_dir = tmp_path / "new backups"
    runtime.backup_dir.mkdir()
    assert "backup folder" in protected_files.refusal(tmp_path / "new backups" / "minutes.docx")
    assert "backup folder" in protected_files.refusal(app_paths.backup_dir / "minutes.docx")
