"""Times the action log page over a large generated database: open, first paint, filter, sort, scroll.

Usage: python benchmarks/actions_view.py [N_ACTIONS] (default 30000); runs offscreen unless a display is set.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("INTERFACE_DESKTOP_TODAY", "2026-11-23")

from interface_desktop.app import open_app_database
from interface_desktop.db.engine import Database
from interface_desktop.db.models import Action, ActionUpdate
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.core.runner import ServiceRunner

REPEATS = 5
WORDS = ("discharge letters", "results handling", "referral guidance", "fit notes", "shared care protocol",
         "clinic letters", "prescribing", "outpatient follow-up", "IT access", "sample labelling")


def populate(db: Database, n_actions: int, seed: int = 7) -> None:
    """A few groups, people and meetings through the services; the actions themselves by bulk insert."""
    rnd = random.Random(seed)
    with db.session_scope() as s:
        group_ids = [groups.create_group(s, name=f"Interface Group {n}", board=b).id
                     for n, b in enumerate(("LO", "FF", "TY", "GR"), 1)]
        person_ids = [people.create_person(s, name=f"Dr Person {n:03d}", role=rnd.choice(("gp", "consultant")),
                                           sector=rnd.choice(("primary", "secondary"))).id for n in range(120)]
        meeting_ids = [meetings.create_meeting(s, group_id=rnd.choice(group_ids),
                                               starts_at=f"2025-{m:02d}-10 14:00").id for m in range(1, 13)]
    start = date(2025, 1, 1)
    rows = [dict(group_id=rnd.choice(group_ids), meeting_id=rnd.choice(meeting_ids + [None]),
                 description=f"Review {rnd.choice(WORDS)} with {rnd.choice(WORDS)} ({n})",
                 owner_id=rnd.choice(person_ids + [None]), due_on=start + timedelta(days=rnd.randrange(800)),
                 status=rnd.choice(("open", "open", "in_progress", "done", "dropped")), carried_forward=0)
            for n in range(n_actions)]
    with db.engine.begin() as conn:
        conn.execute(insert(Action), rows)
        conn.execute(insert(ActionUpdate), [dict(action_id=i, on_date=start, text=f"Update on {i}")
                                            for i in range(1, n_actions + 1, 3)])


def settle(app, view) -> None:  # QApplication, ActionsView
    """Until the filtered rows are on screen (filters load on a worker thread)."""
    app.processEvents()
    while view.model.loading:
        app.processEvents()
        time.sleep(0.001)


def measure(db: Database) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from interface_desktop.ui.signals import AppSignals
    from interface_desktop.ui.actions.actions_view import ActionsView

    app = QApplication.instance() or QApplication(sys.argv)
    runner = ServiceRunner(db.session_scope)
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    view = ActionsView(runner, AppSignals())
    view.set_group(None)
    times["open (build + first page)"] = time.perf_counter() - t0
    window = QMainWindow()
    window.setCentralWidget(view)
    window.resize(1400, 850)
    t0 = time.perf_counter()
    window.show()
    app.processEvents()
    times["first paint"] = time.perf_counter() - t0
    bar = view.filters

    def text_filter(value: str) -> None:
        bar.text.setText(value)
        bar.timer.stop()
        bar.changed.emit()  # what the debounce timer does once typing pauses

    header = view.table.horizontalHeader()
    steps = (("filter: text 'fit notes'", lambda: text_filter("fit notes"), lambda: text_filter("")),
             ("filter: status any", lambda: bar.status.setCurrentIndex(1), lambda: bar.status.setCurrentIndex(0)),
             ("filter: RAG overdue", lambda: bar.rag.setCurrentIndex(1), lambda: bar.rag.setCurrentIndex(0)),
             ("sort by owner", lambda: view.table.sortByColumn(2, header.sortIndicatorOrder()),
              lambda: view.table.sortByColumn(3, header.sortIndicatorOrder())))
    for label, change, undo in steps:
        runs = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            change()
            settle(app, view)
            runs.append(time.perf_counter() - t0)
            undo()
            settle(app, view)
        times[label + f" (median of {REPEATS})"] = statistics.median(runs)
    t0 = time.perf_counter()
    view.table.scrollToBottom()
    app.processEvents()
    times["scroll to end of loaded page (fetches next)"] = time.perf_counter() - t0
    return times


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    with tempfile.TemporaryDirectory() as tmp:
        db = open_app_database(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        populate(db, n)
        print(f"generated {n:,} actions in {time.perf_counter() - t0:.1f} s")
        for label, seconds in measure(db).items():
            print(f"{label:48s} {seconds * 1000:8.1f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
