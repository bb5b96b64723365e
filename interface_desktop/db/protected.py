"""The one guard against writing over the open database: the file, the files beside it, its lock and its backups.

A target is the same file when its resolved path is (symlinks, `..`, another spelling) or when the file system
says so (a hard link, the same folder reached through another mount); a file that does not exist yet (a -wal
before the first write) is the same when it has the same name in the same folder.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from interface_desktop import protected_files
from interface_desktop.db.lock import lock_path

SIDE_FILES = (("-wal", "its write-ahead log"), ("-shm", "its shared-memory file"),
              ("-journal", "its rollback journal"))


def protected_reason(target: Path | str, database: Path | None, backup_dir: Path | None = None) -> str | None:
    """Why writing `target` would destroy the open `database` or one of its backups (one line), or None."""
    target = Path(target).expanduser()
    if database is not None:
        for path, what in _database_files(database):
            if _same_file(target, path):
                return f"refusing to write over the open database {database}: {target} is {what}"
    if backup_dir is not None and _in_folder(target, backup_dir):
        return (f"refusing to write over the open database's backups: {target} is in the backup folder "
                f"{backup_dir}")
    return None


def _database_files(database: Path) -> list[tuple[Path, str]]:
    files = [(database, "the database itself")]
    files += [(Path(str(database) + suffix), what) for suffix, what in SIDE_FILES]
    return files + [(lock_path(database), "its lock file")]


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_file(a: Path, b: Path) -> bool:
    if _real(a) == _real(b):
        return True
    with contextlib.suppress(OSError):  # one of them may not exist yet: then compare by name in the same folder
        return os.path.samefile(a, b)
    try:
        return os.path.normcase(a.name) == os.path.normcase(b.name) and os.path.samefile(a.parent, b.parent)
    except OSError:
        return False


def _in_folder(target: Path, folder: Path) -> bool:
    real_target, real_folder = _real(target), _real(folder)
    if real_target == real_folder or real_target.startswith(real_folder.rstrip(os.sep) + os.sep):
        return True
    try:
        folder_stat = os.stat(folder)
    except OSError:
        return False
    resolved = Path(os.path.realpath(target))
    for place in (resolved, *resolved.parents):
        try:
            if os.path.samestat(os.stat(place), folder_stat):
                return True
        except OSError:
            continue
    return _links_into(target, folder)


def _links_into(target: Path, folder: Path) -> bool:
    """A hard link, elsewhere, to one of the backups."""
    try:
        found = os.stat(target)
        if found.st_nlink < 2:
            return False
        return any(os.path.samestat(found, entry.stat()) for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return False


class Protection:
    """An open database's files, refused to every writer (protected_files) until `release()`.

    `backup_dirs` grows when the user moves the backup folder: the backups already written stay protected.
    """

    def __init__(self, database: Path, backup_dir: Path):
        self.database = database
        self.backup_dirs = [backup_dir]
        self.release: Callable[[], None] = protected_files.protect(self.reason)

    def reason(self, target: Path) -> str | None:
        found = protected_reason(target, self.database)
        for folder in self.backup_dirs:
            found = found or protected_reason(target, None, folder)
        return found
