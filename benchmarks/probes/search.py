"""Global search: ten typical queries through the app's search service against the raw FTS5 queries.

Both sides find the newest WINDOW matches in rowid order and rank only those by bm25, best 60 first.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time
from collections.abc import Callable
from typing import Any

QUERIES = ("discharge", "fit notes", "referral guidance", "SEA", "Fraser", "LO-2020", "prescribing audit",
           "frailty", "diabetes clinic", "sample labelling")
LIMIT = 60
WINDOW = 1000  # the app ranks the newest 1,000 matches of a common word; the raw queries do the same
WINDOW_SQL = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
FTS_SQL = ("SELECT d.kind, d.ref_id, d.title, d.body, d.group_id FROM ("
           "SELECT rowid AS id, bm25(search_fts, 5.0, 1.0) AS score FROM search_fts "
           "WHERE search_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT ?"
           ") best JOIN search_document d ON d.id = best.id ORDER BY best.score")


def _median_of_rounds(run_all: Callable[[], int], rounds: int) -> dict[str, Any]:
    hits = run_all()  # warms the page cache for both sides alike
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run_all()
        times.append(time.perf_counter() - started)
    return {"ten_queries": statistics.median(times), "hits": hits}


def app(db: str, rounds: str = "5") -> dict[str, Any]:
    from interface_desktop.db.engine import open_database
    from interface_desktop.services.search import search
    from interface_desktop.services.core.runner import ServiceRunner

    database = open_database("sqlite:///" + db)
    runner = ServiceRunner(database.session_scope, location=db)
    figures = _median_of_rounds(lambda: sum(len(runner.call(search.search, q)) for q in QUERIES), int(rounds))
    database.dispose()
    return figures


def bare(db: str, rounds: str = "5") -> dict[str, Any]:
    conn = sqlite3.connect(db)

    def run_all() -> int:
        found = 0
        for query in QUERIES:
            match = " ".join('"' + w.replace('"', '""') + '"*' for w in re.findall(r"\w+", query))
            floor = conn.execute(WINDOW_SQL, (match, WINDOW - 1)).fetchone()
            found += len(conn.execute(FTS_SQL, (match, floor[0] if floor else 0, LIMIT)).fetchall())
        return found

    figures = _median_of_rounds(run_all, int(rounds))
    conn.close()
    return figures
