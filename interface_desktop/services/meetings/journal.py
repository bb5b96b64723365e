"""The minutes recovery journal: what was typed, line by line, until the database holds it.

Minutes are saved to the database every few seconds; a crash between two saves would lose what was typed
since the last one. So every change of a minutes field is also appended to a small file in the data folder,
one JSON line holding the field's whole text (replaying keeps the last line of each field). A line reaches
the operating system at once, so a killed app loses nothing, and the disk at each `sync()` (a few times a
second at most, so typing never waits for it). After a save the file is cut back to what the database does
not hold yet: usually nothing. At the next start what is left is offered back to the user.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interface_desktop.db.sqlite_adapter import fsync_dir

VERSION = 1
SUFFIX = ".minutes-journal"
FIELDS = ("discussion", "decisions")
Key = tuple[int, str]  # (agenda item id, field)


@dataclass(frozen=True)
class JournalEntry:
    item_id: int
    field: str  # one of FIELDS
    text: str
    typed_at: datetime  # local time, to the second

    @property
    def key(self) -> Key:
        return (self.item_id, self.field)


def database_digest(database: str) -> str:
    """Names a database (its resolved file path or server URL) without writing the URL, or its password, down."""
    return hashlib.sha256(database.encode("utf-8")).hexdigest()


def journal_path(data_dir: Path, database: str) -> Path:
    """One journal per database, in the (local) data folder, named from the database file.

    The digest tells apart databases with the same file name in different folders.
    """
    name = "server" if "://" in database else Path(database).name
    return data_dir / f"{name}.{database_digest(database)[:10]}{SUFFIX}"


def _header(database: str) -> bytes:
    return json.dumps({"minutes_journal": VERSION, "database": database_digest(database)}).encode() + b"\n"


def _line(entry: JournalEntry) -> bytes:
    # ASCII escapes: any text the editor holds (even a lone surrogate) can be written and read back.
    return json.dumps({"item": entry.item_id, "field": entry.field, "text": entry.text,
                       "at": entry.typed_at.isoformat(timespec="seconds")}).encode("ascii") + b"\n"


def _entry(line: bytes) -> JournalEntry | None:
    """The entry on one line, or None for a torn or damaged one."""
    try:
        record = json.loads(line)
        item, field, text = record["item"], record["field"], record["text"]
        if type(item) is not int or field not in FIELDS or not isinstance(text, str):
            return None
        return JournalEntry(item, field, text, datetime.fromisoformat(record["at"]))
    except (ValueError, TypeError, KeyError):
        return None


def parse(data: bytes, database: str) -> list[JournalEntry]:
    """The last entry of each field, oldest first; [] when the journal belongs to another database.

    A line without its newline was cut short by a crash (or a full disk) and is ignored, as is any line that
    does not read back as an entry.
    """
    lines = data.split(b"\n")[:-1]
    if not lines or lines[0] + b"\n" != _header(database):
        return []
    latest: dict[Key, JournalEntry] = {}
    for line in lines[1:]:
        entry = _entry(line)
        if entry is not None:
            latest[entry.key] = entry
    return sorted(latest.values(), key=lambda e: e.typed_at)


def read_journal(path: Path, database: str) -> list[JournalEntry]:
    try:
        return parse(path.read_bytes(), database)
    except FileNotFoundError:
        return []


class MinutesJournal:
    """The journal of one database, kept by the one process that has the database open for writing.

    `record()` on every change, `saved()` when the database holds a text, `compact()` after each save,
    `sync()` a few times a second. Entries left by an earlier run (`recovered()`) stay in the file until
    `resolve()`: restored, discarded, or kept for later by not resolving them. Nothing here raises: the first
    failure is kept in `failure` and handed out once by `take_failure()`, and journalling keeps trying.
    """

    def __init__(self, path: Path, database: str, *, clock: Callable[[], datetime] = datetime.now):
        self.path = path
        self.database = database
        self.clock = clock
        self.failure = ""
        self._reported = False
        self._fd: int | None = None
        self._kept: dict[Key, JournalEntry] | None = None  # from an earlier run; None until the file is read
        self._live: dict[Key, JournalEntry] = {}  # typed in this run, not yet in the database
        self._known: dict[Key, str] = {}  # last text recorded or saved: an unchanged field is not written again
        self._stale = False  # the file holds lines compact() would drop
        self._rewrite = False  # ...and must be rewritten before anything is appended (a torn or foreign tail)
        self._unsynced = False
        self._disabled = False  # an existing journal could not be read: leave it alone rather than overwrite it

    @classmethod
    def for_database(cls, data_dir: Path, database: str) -> MinutesJournal:
        return cls(journal_path(data_dir, database), database)

    def recovered(self) -> list[JournalEntry]:
        """What an earlier run typed and never saw saved (nor restored or discarded), oldest first."""
        self._load()
        return sorted((self._kept or {}).values(), key=lambda e: e.typed_at)

    def record(self, item_id: int, field: str, text: str) -> None:
        key = (item_id, field)
        if self._known.get(key) == text:
            return
        self._known[key] = text
        entry = JournalEntry(item_id, field, text, self.clock().replace(microsecond=0))
        self._live[key] = entry
        self._guarded(lambda: self._append(_line(entry)))

    def saved(self, item_id: int, field: str, text: str) -> None:
        """The database now holds `text` for this field: it need not be journalled any more."""
        key = (item_id, field)
        self._known[key] = text
        if key in self._live and self._live[key].text == text:
            del self._live[key]
            self._stale = True

    def resolve(self, item_id: int) -> None:
        """The user restored or discarded what an earlier run typed for this agenda item."""
        self._load()
        for field in FIELDS:
            if self._kept is not None and self._kept.pop((item_id, field), None) is not None:
                self._stale = True
        self.compact()

    def compact(self) -> None:
        """Cuts the file back to what the database does not hold yet (empty, usually)."""
        if self._stale or self._rewrite:
            self._guarded(self._write_whole)

    def sync(self) -> None:
        """Puts what was appended on the disk, not only in the operating system's cache."""
        if self._unsynced and self._fd is not None:
            fd = self._fd
            self._guarded(lambda: os.fsync(fd))
            self._unsynced = False

    def close(self) -> None:
        self.sync()
        self._close()

    def take_failure(self) -> str:
        """The first failure, the first time it is asked for (so it is reported once); otherwise ""."""
        if not self.failure or self._reported:
            return ""
        self._reported = True
        return self.failure

    # -- the file --------------------------------------------------------------------------------
    def _load(self) -> None:
        if self._kept is not None:
            return
        self._kept = {}
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self._disabled = True
            self._fail(exc)
            return
        self._kept = {entry.key: entry for entry in parse(data, self.database)}
        # Rewritten before the first append: drops superseded lines, a torn tail, or another database's journal.
        self._rewrite = self._stale = bool(data)

    def _guarded(self, write: Callable[[], object]) -> None:
        self._load()
        if self._disabled:
            return
        try:
            write()
        except OSError as exc:
            self._close()
            self._rewrite = True  # a half-written line must not be glued to the next one
            self._fail(exc)

    def _append(self, line: bytes) -> None:
        if self._rewrite:
            self._write_whole()  # the entry is in _live already, so it is written with the rest
            return
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                               0o600)
            if os.fstat(self._fd).st_size == 0:
                line = _header(self.database) + line
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view):]
        self._unsynced = self._stale = True

    def _write_whole(self) -> None:
        """Replaces the file with the header and what is still needed, atomically, or empties it."""
        self._close()
        entries = [*(self._kept or {}).values(), *self._live.values()]
        if not entries:
            if self.path.exists():
                os.truncate(self.path, 0)
        else:
            partial = self.path.with_name(self.path.name + ".partial")
            with open(partial, "wb") as handle:
                handle.write(_header(self.database) + b"".join(_line(e) for e in entries))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, self.path)
            fsync_dir(self.path.parent)
        self._rewrite = self._stale = self._unsynced = False

    def _close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                os.close(fd)

    def _fail(self, exc: OSError) -> None:
        if not self.failure:
            self.failure = f"{exc.strerror or exc} ({self.path})"
