"""Look at a database file before anything writes to it, and name what is wrong in one sentence."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from interface_desktop.db import sqlite_adapter
from interface_desktop.db.backups import BackupInfo, latest_backup
from interface_desktop.db.migrate import SchemaError, check_revision

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
MIN_FREE_BYTES = 1 << 20

KINDS = ("zero_length", "truncated", "not_sqlite", "damaged", "foreign", "newer", "read_only_folder",
         "disk_full", "unreadable")


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str


class StartupProblem(Exception):
    """The database cannot be opened safely; nothing was written. Says so in one line, with a way out."""

    def __init__(self, db_file: Path, problem: Problem, backup: BackupInfo | None):
        self.db_file, self.problem, self.backup = db_file, problem, backup
        text = f"{db_file}: {problem.message}; the file was not changed"
        if backup is not None:
            text += (f"; the latest backup is {backup.path} ({backup.taken_at:%d/%m/%Y %H:%M}): "
                     f"restore it with `interface-desktop restore \"{backup.path}\"`")
        super().__init__(text)

    @property
    def kind(self) -> str:
        return self.problem.kind


class DatabaseMissing(Exception):
    """A reader was pointed at a file that is not there; nothing is created for it (a typo is not an empty database)."""

    def __init__(self, db_file: Path):
        self.db_file = db_file
        super().__init__(f"{db_file}: no database here; check the path (only the desktop app, `demo` and the "
                         "imports create a new database)")


def read_only_reason(db_file: Path) -> str | None:
    """Why a healthy database cannot be written here, in a few words for the read-only banner; None if it can."""
    if not folder_writable(db_file.parent):
        return "the folder is read-only"
    if not os.access(db_file, os.W_OK):
        return "the database file is read-only"
    return None


def _header_problem(db_file: Path, size: int) -> Problem | None:
    with open(db_file, "rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header.startswith(SQLITE_HEADER):
        return Problem("not_sqlite", "this file is not an Interface Desktop database (it is not a SQLite file)")
    if len(header) < HEADER_SIZE:
        return Problem("truncated", f"the database is truncated ({size} bytes; it ends inside its header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_count_valid = header[24:28] == header[92:96]
    if page_size < 512 or page_size & (page_size - 1):
        return Problem("damaged", "the database header is damaged (impossible page size)")
    if size % page_size or (header_count_valid and pages and size < pages * page_size):
        expected = f" of {pages * page_size}" if header_count_valid and pages else ""
        return Problem("truncated", f"the database is truncated ({size}{expected} bytes are there)")
    return None


def _content_problem(db_file: Path, *, thorough: bool) -> Problem | None:
    """The schema version, read without SQLAlchemy; with `thorough`, every page too (PRAGMA quick_check)."""
    try:
        conn = sqlite_adapter.connect_read_only(db_file)
        try:
            damage = quick_check(conn) if thorough else None
            if damage is not None:
                return Problem("damaged", damage)
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) != 'sqlite_'")}
            current = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                       if "alembic_version" in tables else None)
        finally:
            conn.close()
        check_revision(current[0] if current else None, tables)
    except sqlite3.DatabaseError as exc:
        return Problem("damaged", f"the database is damaged ({exc})")
    except SchemaError as exc:
        return Problem("newer" if "newer version" in str(exc) else "foreign", str(exc))
    return None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """Reads every page of the file (about 140 ms for ten years of records); the damage in one line, or None."""
    lines = sqlite_adapter.damage_lines(r[0] for r in conn.execute("PRAGMA quick_check"))
    if not lines:
        return None
    more = f", and {len(lines) - 1} more problem(s)" if len(lines) > 1 else ""
    return f"the database is damaged ({lines[0]}{more})"


def full_check(db_file: Path) -> str | None:
    """The check the GUI runs on a worker once its window is up (db.write_gate holds writes until then)."""
    conn = sqlite_adapter.connect_read_only(db_file)
    try:
        return quick_check(conn)
    finally:
        conn.close()


def folder_writable(folder: Path) -> bool:
    """Try it: os.access is unreliable on Windows ACLs and network shares."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _space_problem(db_file: Path, size: int) -> Problem | None:
    try:
        free = shutil.disk_usage(db_file.parent).free
    except OSError:
        return None
    if free < size + MIN_FREE_BYTES:
        return disk_full_problem(db_file.parent)
    return None


def disk_full_problem(folder: Path) -> Problem:
    return Problem("disk_full", f"the disk holding {folder} is full; free some space and start again")


def inspect_file(db_file: Path, *, for_writing: bool = True, thorough: bool = True) -> Problem | None:
    """What is wrong with the file (None when it is fine or does not exist yet); reads only.

    Without `thorough` the pages are not all read: header, size against the page count and schema version only;
    the caller then owes the file a `full_check` before anything writes to it (db.write_gate).
    """
    folder = db_file.parent
    if not db_file.exists():
        if for_writing and folder.is_dir() and not folder_writable(folder):
            return Problem("read_only_folder",
                           f"the folder {folder} cannot be written to, so no database can be created there")
        return None
    try:
        size = db_file.stat().st_size
        if size == 0:
            return Problem("zero_length", "the database file is empty (0 bytes): its contents have been lost")
        problem = _header_problem(db_file, size) or _content_problem(db_file, thorough=thorough)
    except PermissionError:
        return Problem("unreadable", "the database file cannot be read (permission denied)")
    if problem is None and for_writing:
        if not folder_writable(folder) or not os.access(db_file, os.W_OK):
            return Problem("read_only_folder", f"the database or its folder {folder} is read-only, so it can be read "
                                               "here but not changed; copy it to a folder you can write to")
        problem = _space_problem(db_file, size)
    return problem


def check_or_raise(db_file: Path, backup_dir: Path, *, for_writing: bool = True, thorough: bool = True) -> None:
    problem = inspect_file(db_file, for_writing=for_writing, thorough=thorough)
    if problem is not None:
        raise StartupProblem(db_file, problem, latest_backup(db_file, backup_dir))


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC from Python or 'database or disk is full' from SQLite (possibly wrapped by SQLAlchemy)."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return True
    return isinstance(original, sqlite3.OperationalError) and "disk is full" in str(original).lower()
