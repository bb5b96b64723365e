"""Minutes typed in one burst survive a crash: the app is killed while typing and at most 3 s of typing is lost.

Copies of the app (tests/support/minutes_typist.py) type into the real minutes editor with real key events and
are killed with SIGKILL at a random moment; then the database and the recovery journal are read as the next
start would read them. Loss is measured in seconds of typing: from the first key that is missing to the kill.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from interface_desktop.app import open_app_database
from interface_desktop.paths import DB_FILENAME, AppPaths
from interface_desktop.services.meetings import agenda, meetings
from interface_desktop.services.meetings.journal import MinutesJournal
from interface_desktop.services.people import groups
from tests.support.minutes_typist import KEY_MS, TEXT

RUNS = 20
LONG_RUN_S = 10.0  # one run types for the full ten seconds and is killed in its last second
SHORT_RUN_S = 4.0  # the others are killed anywhere in four seconds: long enough to pass a timed save
MAX_LOSS_S = 3.0
READ_TIMEOUT_S = 60.0


class TypistServer:
    """The process that forks typing copies of the app, spoken to line by line."""

    def __init__(self) -> None:
        script = Path(__file__).parent / "support" / "minutes_typist.py"
        self.proc = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        self.buffer = b""
        self.read_until("ready", [])

    def send(self, line: str) -> None:
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def _line(self) -> str:
        deadline = time.monotonic() + READ_TIMEOUT_S
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, "the typist server said nothing for a minute"
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            assert chunk, "the typist server ended"
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def read_until(self, word: str, lines: list[str], *, or_else: str = "") -> str:
        """Collects lines into `lines` until one starting with `word` (or `or_else`); returns the rest of it."""
        while True:
            line = self._line()
            assert not line.startswith("error"), line
            if line.split()[:1] in ([word], [or_else]):
                return line.partition(" ")[2]
            lines.append(line)

    def close(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Outcome:
    typed: int  # keys the copy reported before it was killed
    saved: int  # characters in the database
    journalled: int  # characters the journal offers beyond the database (0: it offers nothing)
    lost_s: float  # seconds of typing missing from the database and the journal together
    lost_without_journal_s: float  # ... from the database alone (the timed saves)


def _lost_seconds(recovered: str, times: dict[int, float], start: float, killed_at: float) -> float:
    """From the first key missing from `recovered` to the kill; 0 when nothing reported typed is missing."""
    assert TEXT.startswith(recovered), recovered
    first_missing = len(recovered) + 1
    if first_missing not in times:
        return 0.0
    return killed_at - times.get(first_missing - 1, start)


def _one_run(server: TypistServer, folder: Path, item_id: int, seconds: float, kill_after: float) -> Outcome:
    lines: list[str] = []
    server.send(f"type {folder} {item_id} {seconds}")
    pid = int(server.read_until("pid", lines))
    try:
        start = float(server.read_until("start", lines))
        time.sleep(max(0.0, start + kill_after - time.monotonic()))
    finally:  # a copy that failed to start typing must not be left running either
        os.kill(pid, signal.SIGKILL)
    killed_at = time.monotonic()
    server.send(f"reap {pid}")
    status = int(server.read_until("reaped", lines))
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (status, lines)
    times = {int(w[1]): float(w[2]) for w in (line.split() for line in lines) if w[0] == "typed"}
    saved, journalled = _read_back(folder, item_id)
    assert not journalled or journalled.startswith(saved), (saved, journalled)  # never offers older text
    recovered = journalled or saved
    return Outcome(len(times), len(saved), len(journalled), _lost_seconds(recovered, times, start, killed_at),
                   _lost_seconds(saved, times, start, killed_at))


def _read_back(folder: Path, item_id: int) -> tuple[str, str]:
    """The discussion as the database holds it, and as the journal would offer it ("" when it offers nothing)."""
    db_file = folder / DB_FILENAME
    with sqlite3.connect(db_file) as conn:
        (saved,) = conn.execute("SELECT discussion FROM agenda_item WHERE id = ?", (item_id,)).fetchone()
    conn.close()
    offered = [e.text for e in MinutesJournal.for_database(folder, str(db_file.resolve())).recovered()
               if (e.item_id, e.field) == (item_id, "discussion") and e.text != saved]
    return saved, offered[-1] if offered else ""


def _template(tmp_path: Path) -> tuple[Path, int]:
    """A database with a meeting and its standing agenda; returns it and the item the copies type into."""
    root = tmp_path / "template"
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    database = open_app_database(str(paths.default_db_file), paths=paths)
    with database.session_scope() as s:
        group = groups.create_group(s, name="Crash Test Interface Group", board="LO")
        meeting = meetings.create_meeting(s, group_id=group.id, starts_at=datetime(2026, 12, 2, 14, 0))
        item_id = agenda.list_agenda(s, meeting.id)[2].id
    database.dispose()
    return paths.default_db_file, item_id


def _fresh_folder(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    with sqlite3.connect(template) as source, sqlite3.connect(folder / DB_FILENAME) as target:
        source.backup(target)
    source.close()
    target.close()
    return folder


def _restart(server: TypistServer, folder: Path) -> list[str]:
    """Starts the app over `folder` again; returns what it restored (item id and length), or [] if offered nothing."""
    lines: list[str] = []
    server.send(f"restore {folder}")
    pid = int(server.read_until("pid", lines))
    restored = server.read_until("restored", lines, or_else="no-offer").split()
    server.send(f"reap {pid}")
    assert int(server.read_until("reaped", lines)) == 0, lines
    return restored


@pytest.mark.slow
def test_minutes_typed_steadily_lose_at_most_three_seconds_when_the_app_is_killed(tmp_path):
    template, item_id = _template(tmp_path)
    rng, outcomes, server = random.Random(20261202), [], TypistServer()
    try:
        for run in range(RUNS):
            long = run == RUNS - 1
            seconds = LONG_RUN_S if long else SHORT_RUN_S
            kill_after = rng.uniform(LONG_RUN_S - 1.0, LONG_RUN_S) if long else rng.uniform(0.3, SHORT_RUN_S)
            folder = _fresh_folder(template, tmp_path / f"run{run}")
            outcomes.append(_one_run(server, folder, item_id, seconds, kill_after))
        saved, journalled = _read_back(folder, item_id)
        restored = _restart(server, folder)
    finally:
        server.close()
    lost = [o.lost_s for o in outcomes]
    unjournalled = [o.lost_without_journal_s for o in outcomes]
    print(f"\nminutes kill test: {RUNS} kills after {min(o.typed for o in outcomes)}-{max(o.typed for o in outcomes)} "
          f"keys; typing lost: max {max(lost):.2f} s, median {statistics.median(lost):.2f} s; from the database "
          f"alone: max {max(unjournalled):.2f} s, median {statistics.median(unjournalled):.2f} s")
    assert max(lost) <= MAX_LOSS_S, outcomes
    # Most kills fall between two saves: then the journal held what the database did not.
    assert sum(o.lost_without_journal_s > o.lost_s for o in outcomes) >= RUNS // 2, outcomes
    assert outcomes[-1].typed >= (LONG_RUN_S - 1.0) * 1000 / KEY_MS * 0.8  # the long run typed for nine seconds
    # The next start offered what the last copy journalled (if anything beyond the database), and restored it.
    assert restored == ([str(item_id), str(len(journalled))] if journalled else [])
    assert _read_back(folder, item_id) == (journalled or saved, "")
