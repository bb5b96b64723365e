"""Read commands read: beside a running writer, in a read-only folder, without creating or backing up anything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from interface_desktop.cli import main
from tests.support.cli_main import isolate

READERS = [
    ["info"], ["info", "--json"], ["list", "actions"], ["list", "meetings"],
    ["history", "--entity", "action", "--id", "3"], ["check"], ["scan"], ["audit-log", "-o", "{out}/audit.csv"],
    ["export", "data", "-o", "{out}/data.json"],
    ["export", "actions", "-o", "{out}/actions.xlsx"], ["backup", "-o", "{out}/copy.sqlite3"],
]
WRITER = """
import sys
from interface_desktop.app import open_app_database
from interface_desktop.paths import AppPaths
from pathlib import Path
root = Path(sys.argv[2])
db = open_app_database(sys.argv[1], paths=AppPaths(root, root / "settings", root / "backups", portable=False))
with db.session_scope() as s:
    s.connection().exec_driver_sql("UPDATE interface_group SET name = name")
print("ready", flush=True)
sys.stdin.readline()
db.dispose()
"""


def _argv(command: list[str], db: Path, out: Path) -> list[str]:
    return [arg.format(out=out) for arg in command] + ["--db", str(db)]


@pytest.fixture
def example(demo_template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(monkeypatch, tmp_path)
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copyfile(demo_template[0], folder / "example.sqlite3")
    (tmp_path / "out").mkdir()
    return folder / "example.sqlite3"


@pytest.fixture
def writer(example: Path, tmp_path: Path) -> Iterator[subprocess.Popen]:
    """Another process holding the database for writing, as the desktop app does (lock, WAL log open)."""
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(example), str(tmp_path / "writer")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    yield child
    child.communicate("\n", timeout=30)


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c[:2]) for c in READERS])
def test_a_read_command_works_while_another_process_holds_the_database(writer, example, tmp_path, command, capsys):
    assert Path(str(example) + "-wal").exists() and Path(str(example) + ".lock").exists()
    assert main(_argv(command, example, tmp_path / "out")) == 0, capsys.readouterr().err
    assert writer.poll() is None


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c[:2]) for c in READERS])
def test_a_read_command_leaves_no_file_beside_the_database_nor_a_backup(example, tmp_path, command, capsys):
    assert main(_argv(command, example, tmp_path / "out")) == 0, capsys.readouterr().err
    # SQLite's own shared-memory index and (empty) log of a WAL file may stay: a reader cannot remove them.
    left = {p.name for p in example.parent.iterdir()} - {"example.sqlite3-wal", "example.sqlite3-shm"}
    assert left == {"example.sqlite3"}
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c[:2]) for c in READERS])
def test_a_read_command_on_a_missing_database_is_one_line_and_creates_nothing(tmp_path, command, capsys,
                                                                               monkeypatch):
    isolate(monkeypatch, tmp_path)
    typo = tmp_path / "typo" / "typo.sqlite3"
    (tmp_path / "out").mkdir()
    assert main(_argv(command, typo, tmp_path / "out")) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and str(typo) in lines[0], lines
    assert not typo.parent.exists() and not (tmp_path / "data").exists()
    assert not list((tmp_path / "out").iterdir())


# --- A healthy database in a folder this user cannot write to (chmod 0555) ----------------------------------------

CHILD_GUI_OPEN = """
import sys
from pathlib import Path
from interface_desktop.app import open_for_gui
from interface_desktop.paths import AppPaths
root = Path(sys.argv[2])
db, why = open_for_gui(sys.argv[1], AppPaths(root, root / "settings", root / "backups", portable=False))
print(db.read_only, why)
db.dispose()
"""


def _as_a_user(argv: list[str]) -> list[str]:
    """Permission bits bind root too once it gives up overriding them (CAP_DAC_*), as they bind every user."""
    if os.geteuid() != 0:
        return argv
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *argv]


@pytest.fixture
def read_only_folder(demo_template) -> Iterator[Path]:
    """The example database (closed cleanly, so in WAL mode with no log beside it) in a folder chmod 0555."""
    base = Path(tempfile.mkdtemp())
    folder = base / "shared"
    folder.mkdir()
    shutil.copyfile(demo_template[0], folder / "example.sqlite3")
    (base / "out").mkdir()
    folder.chmod(0o555)
    yield folder / "example.sqlite3"
    folder.chmod(0o755)
    shutil.rmtree(base)


def _run(argv: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "INTERFACE_DESKTOP_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INTERFACE_DESKTOP_DB", None)
    return subprocess.run(_as_a_user(argv), env=env, capture_output=True, text=True, timeout=120)


def test_the_folder_really_refuses_writes(read_only_folder):
    probe = _run([sys.executable, "-c", f"open({str(read_only_folder.parent / 'x')!r}, 'w')"], read_only_folder)
    assert probe.returncode != 0 and "Permission denied" in probe.stderr


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c[:2]) for c in READERS])
def test_a_read_command_works_on_a_database_in_a_read_only_folder(read_only_folder, command):
    out = read_only_folder.parent.parent / "out"
    result = _run([sys.executable, "-m", "interface_desktop", *_argv(command, read_only_folder, out)],
                  out / "data")
    assert result.returncode == 0, result.stderr
    assert "damaged" not in result.stdout + result.stderr
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["example.sqlite3"]


def test_a_write_command_in_a_read_only_folder_says_so_in_one_line(read_only_folder):
    out = read_only_folder.parent.parent / "out"
    result = _run([sys.executable, "-m", "interface_desktop", "demo", "--db", str(read_only_folder)], out / "data")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and "damaged" not in lines[0], result.stderr


def test_the_desktop_app_opens_it_read_only_and_says_why(read_only_folder):
    out = read_only_folder.parent.parent / "out"
    result = _run([sys.executable, "-c", CHILD_GUI_OPEN, str(read_only_folder), str(out / "data")], out / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True the folder is read-only"
