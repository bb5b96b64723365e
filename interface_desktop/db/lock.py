"""One writer per database: a lock file beside it, created atomically and held with an OS lock.

`<database>.lock` records who holds the database (host, user, pid, start time, app version). It is
created with O_EXCL and, where the filesystem supports it, held with an OS lock (flock / msvcrt) for as
long as the app runs, so a crash or a kill releases it. A lock is stale when its OS lock is free, or,
where OS locks are unavailable, when it names a process on this host that no longer exists; a stale lock
is taken over. Locks held by this process are shared (opening the same file twice in one process is
not a second instance).
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from interface_desktop import __version__

# Windows byte-range locks stop other processes reading the locked bytes; lock one far past the text.
_LOCK_OFFSET = 1 << 20
_FRESH_SECONDS = 10.0
_NO_OS_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    started: str
    version: str

    def describe(self) -> str:
        """'jsmith on PC-123 since 09:14' (with the date when it is not today)."""
        try:
            since = datetime.fromisoformat(self.started)
            today = since.date() == datetime.now().date()
            when = since.strftime("%H:%M" if today else "%d/%m/%Y %H:%M")
        except ValueError:
            when = self.started
        return f"{self.user} on {self.host} since {when}"


class DatabaseInUse(Exception):
    """Another instance holds the database; `holder` says who, when known."""

    def __init__(self, lock_file: Path, holder: LockInfo | None):
        self.lock_file = lock_file
        self.holder = holder
        who = f"by {holder.describe()}" if holder else "by another copy of Interface Desktop that is starting"
        super().__init__(f"the database is in use {who}; close it there first, or open it read-only")


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def current_info() -> LockInfo:
    return LockInfo(host=socket.gethostname(), user=_login(), pid=os.getpid(),
                    started=datetime.now().isoformat(timespec="seconds"), version=__version__)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def read_lock(db_file: Path) -> LockInfo | None:
    """Who the lock file names, or None when there is no readable lock file."""
    try:
        data = json.loads(lock_path(db_file).read_text(encoding="utf-8"))
        return LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _os_lock(fd: int) -> bool | None:
    """Take the OS lock without waiting: True taken, False held elsewhere, None unsupported here."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in _NO_OS_LOCKS:
            return None
        return False


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the descriptor releases it anyway


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DatabaseLock:
    """The held lock; `release()` (or process exit) gives it up."""

    def __init__(self, path: Path, fd: int, info: LockInfo):
        self.path, self._fd, self.info, self._users = path, fd, info, 1

    def _write_info(self) -> None:
        data = json.dumps(asdict(self.info), indent=1).encode()
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
        os.fsync(self._fd)

    def release(self) -> None:
        self._users -= 1
        if self._users > 0 or self._fd < 0:
            return
        _HELD.pop(self.path, None)
        try:
            if read_lock(self.path.with_name(self.path.name[: -len(".lock")])) == self.info:
                self.path.unlink(missing_ok=True)
        finally:
            _os_unlock(self._fd)
            os.close(self._fd)
            self._fd = -1


_HELD: dict[Path, DatabaseLock] = {}


def acquire(db_file: Path) -> DatabaseLock:
    """Take the writer lock for `db_file`, recovering a stale one; DatabaseInUse when someone holds it."""
    path = lock_path(db_file.resolve())
    held = _HELD.get(path)
    if held is not None:
        held._users += 1
        return held
    info = current_info()
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            lock = _take_over(path, info)
        else:
            lock = _claim_new(path, fd, info)
        if lock is not None:
            break
    else:
        raise DatabaseInUse(path, read_lock(db_file))
    _HELD[path] = lock
    return lock


def _claim_new(path: Path, fd: int, info: LockInfo) -> DatabaseLock | None:
    """Lock the file we just created; None when a contender took it over first (it saw it empty)."""
    # A contender that found our file still empty has taken it over; an older version of the app only
    # holds the OS lock for a moment while it looks, so retry briefly before giving way.
    for _ in range(50):
        if _os_lock(fd) is not False:
            lock = DatabaseLock(path, fd, info)
            lock._write_info()
            return lock
        time.sleep(0.02)
    os.close(fd)
    return None


def _take_over(path: Path, info: LockInfo) -> DatabaseLock | None:
    """Take an existing lock file if it is stale; raise DatabaseInUse if it is live; None to retry."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None  # released meanwhile: try creating it again
    holder = read_lock(path.with_name(path.name[: -len(".lock")]))
    os_lock = _os_lock(fd)
    # An empty (or half-written) file whose OS lock we now hold is stale: its writer died before filling it
    # in, or is still trying to lock it and will give up (_claim_new). Only without OS locks can a fresh
    # one belong to a live writer that is starting.
    fresh = time.time() - os.fstat(fd).st_mtime < _FRESH_SECONDS
    if os_lock is False or (os_lock is None and holder is None and fresh):
        if os_lock:
            _os_unlock(fd)
        os.close(fd)
        raise DatabaseInUse(path, holder)
    if os_lock is None and holder is not None and not _stale_without_os_lock(holder):
        os.close(fd)
        raise DatabaseInUse(path, holder)
    lock = DatabaseLock(path, fd, info)
    lock._write_info()
    return lock


def _stale_without_os_lock(holder: LockInfo) -> bool:
    """Without OS locks only a lock of this host can be proved stale: its process is gone."""
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)
