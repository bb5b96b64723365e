"""Writer process for the crash test: forks writers that save meetings, minutes and actions until killed.

Run as a script: it imports the app once, then serves commands on stdin so each writer starts in
milliseconds rather than re-importing for a second. `fork <tag> <root> <group> <person>` forks a writer that
opens the database through the app's own start-up path and commits in a loop, printing a line after each
commit returns; `reap` waits for that writer to die and answers `reaped`. Every line is one write to the
pipe, so lines from the writer and the server never interleave.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from interface_desktop.app import open_app_database
from interface_desktop.paths import AppPaths
from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people

MAX_ROUNDS = 5000  # a writer nobody kills still stops


def say(*words: object) -> None:
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode())


def texts(tag: str, n: int) -> dict[str, str]:
    """What writer `tag` saves in round `n`; the test rebuilds the same texts to check them."""
    return {"title": f"Crash {tag}.{n}", "discussion": f"Discussion {tag}.{n}" + " é∆" * (n % 50),
            "decisions": f"Decided {tag}.{n}", "action": f"Follow up {tag}.{n}",
            "final": f"Final minutes {tag}.{n}"}


def open_database(root: Path):  # the app's Database
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    return open_app_database(str(paths.default_db_file), paths=paths)


def write_round(database, tag: str, n: int, group_id: int, person_id: int,  # Database
                report: Callable[..., None] = say) -> None:
    """Two commits: a meeting with an agenda item, its minutes and an action; then the minutes re-saved."""
    text, start = texts(tag, n), datetime(2026, 1, 5, 14, 0) + timedelta(days=n)
    with database.session_scope() as session:
        meeting = meetings.create_meeting(session, group_id=group_id, title=text["title"], starts_at=start,
                                          chair_id=person_id)
        item = agenda.add_agenda_item(session, meeting_id=meeting.id, title=text["title"],
                                      discussion=text["discussion"], decisions=text["decisions"])
        action = actions.add_action(session, agenda_item_id=item.id, description=text["action"],
                                    owner_id=person_id, due_on=(start + timedelta(days=14)).date())
    report("created", n, meeting.id, item.id, action.id)
    with database.session_scope() as session:
        agenda.save_minutes(session, item_id=item.id, discussion=text["final"], decisions=text["decisions"])
    report("saved", n, item.id)


def write_forever(tag: str, root: Path, group_id: int, person_id: int) -> None:
    database = open_database(root)
    say("open")
    for n in range(MAX_ROUNDS):
        write_round(database, tag, n, group_id, person_id)


def warm_up() -> None:
    """One round on a scratch database, so forked writers start like a running app rather than a cold one."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder))
        with database.session_scope() as session:
            group_id = groups.create_group(session, name="Warm-up", board="LO").id
            person_id = people.create_person(session, name="Warm-up", role="gp", sector="primary").id
        write_round(database, "warm", 0, group_id, person_id, report=lambda *words: None)
        database.dispose()


def serve() -> None:
    warm_up()
    say("ready")
    for line in sys.stdin:
        command, *args = line.split()
        if command == "fork":
            pid = os.fork()
            if pid == 0:
                try:
                    write_forever(args[0], Path(args[1]), int(args[2]), int(args[3]))
                except BaseException as exc:  # noqa: BLE001 - the test fails on this line rather than on a silent exit
                    say("error", repr(exc).replace("\n", " "))
                    os._exit(1)
                os._exit(0)
            say("pid", pid)
        elif command == "reap":
            _, status = os.waitpid(int(args[0]), 0)
            say("reaped", status)


if __name__ == "__main__":
    serve()
