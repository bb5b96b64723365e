"""Everything SQLite-specific in one place: pragmas, network-path detection, FTS5, backups, checks."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

FTS_TABLE = "search_fts"
Authorizer = Callable[[int, "str | None", "str | None", "str | None", "str | None"], int]
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs"}


def is_network_path(path: Path) -> bool:
    """True for UNC paths and network mounts, where WAL's shared memory is unsafe."""
    text_path = str(path)
    if text_path.startswith("\\\\") or text_path.startswith("//"):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(text_path)
    return _posix_mount_type(path) in NETWORK_FS


def _windows_drive_is_remote(text_path: str) -> bool:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text_path))[0] + "\\"
    drive_remote = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote  # type: ignore[attr-defined]


def _posix_mount_type(path: Path) -> str:
    try:
        target = str(path.resolve())
        best, fstype = "", ""
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
                    best, fstype = parts[1], parts[2]
        return fstype
    except OSError:
        return ""


def install_pragmas(engine: Engine, *, wal: bool, foreign_keys: bool = True, read_only: bool = False,
                    authorizer: Authorizer | None = None) -> None:
    """Set per-connection pragmas; WAL on local disks, a rollback journal on network paths.

    `authorizer` (db.write_gate) holds writes until the file's full integrity check has passed.
    """
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's BEGIN take over transaction handling (pysqlite's own is off).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        if not read_only:
            cur.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
        cur.execute("PRAGMA synchronous = FULL")
        if read_only:
            cur.execute("PRAGMA query_only = ON")
        cur.close()
        if authorizer is not None:
            dbapi_conn.set_authorizer(authorizer)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def has_fts5(conn: Connection) -> bool:
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts5_probe USING fts5(x)")
        conn.exec_driver_sql("DROP TABLE temp.fts5_probe")
        return True
    except Exception:  # noqa: BLE001 - any failure means FTS5 is unavailable in this build
        return False


FTS_DDL = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, content='search_document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
    f"CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]


# The audit trail is append-only in the database itself, whatever code runs against it.
AUDIT_APPEND_ONLY_DDL = [
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
]


def create_fts(conn: Connection) -> None:
    for statement in FTS_DDL:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def fts_available(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    from sqlalchemy import text

    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}).first()
    return row is not None


def fts_query(words: list[str]) -> str:
    """Each word as a quoted prefix term, so user punctuation can never break the MATCH syntax."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def schema_revision(db_file: Path) -> str | None:
    """The schema version stored in a SQLite file (None without one), read without SQLAlchemy or Alembic."""
    conn = connect_read_only(db_file)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone():
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        return None
    finally:
        conn.close()


def connect_read_only(db_file: Path, **options: object) -> sqlite3.Connection:
    """A connection that cannot change the file (mode=ro; VACUUM INTO still works, query_only would stop it).

    SQLite reads a WAL file through a -shm file it must create, which a read-only folder refuses ("attempt to
    write a readonly database"). With no -wal beside the file no writer holds anything newer than the file
    itself, so it is then read as it is (immutable): a healthy database in a read-only folder stays readable.
    """
    path = Path(db_file).resolve()
    uri = path.as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, **options)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if not _is_wal_file(path) or Path(str(path) + "-wal").exists():
            raise
        return sqlite3.connect(uri + "&immutable=1", uri=True, **options)
    return conn


def _is_wal_file(db_file: Path) -> bool:
    """The header's read and write versions are 2 in WAL mode."""
    try:
        with open(db_file, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02"


def integrity_problems(db_file: Path) -> list[str]:
    """integrity_check and foreign_key_check on a file, opened read-only; [] when healthy."""
    conn = connect_read_only(db_file)
    try:
        problems = damage_lines(r[0] for r in conn.execute("PRAGMA integrity_check"))
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent} record")
        return problems
    finally:
        conn.close()


def damage_lines(rows: Iterable[str]) -> list[str]:
    """integrity_check's or quick_check's rows as one problem a line ([] for "ok"); a row may hold several."""
    lines = (line.strip() for row in rows for line in str(row).splitlines())
    return [line for line in lines if line and line != "ok" and not line.startswith("*** in database")]


def copy_verified(source: Path, target: Path) -> None:
    """Copy a live database with VACUUM INTO a temporary file, verify it, then rename into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".partial")
    if temporary.exists():
        temporary.unlink()
    try:
        conn = connect_read_only(source)
        try:
            conn.execute("VACUUM INTO ?", (str(temporary),))
        finally:
            conn.close()
        problems = integrity_problems(temporary)
        if problems:
            raise RuntimeError("the backup copy failed verification: " + "; ".join(problems[:3]))
        _fsync_file(temporary)
        os.replace(temporary, target)
    except BaseException:
        # Whatever went wrong (a folder where the file should go, a full disk), leave no half copy behind.
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def checkpoint_and_close_wal(db_file: Path) -> None:
    """Fold the write-ahead log into the file and leave no -wal/-shm behind (caller holds the lock)."""
    conn = sqlite3.connect(str(db_file))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)


def include_in_autogenerate(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001 - Alembic's hook
    """FTS5's virtual table and its shadow tables are managed by hand, not by autogenerate."""
    return not (type_ == "table" and name and name.startswith(FTS_TABLE))
