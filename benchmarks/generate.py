"""Builds a large, realistic database for a busy board in seconds, with bulk inserts on the migrated schema.

    python -m benchmarks.generate --years 10 [--actions 100000] -o board.sqlite3

Sizes scale with the years of records: at ten years, 5 groups, 1,500 people, 600 meetings, 9,000 agenda items
with minutes, 30,000 actions with progress updates, 6,000 interface issues (1,500 with an SEA) and 2,000
activities. The latest held meeting of the first group is the export showcase: 40 agenda items, 200 actions
and 10 PDF papers (150 pages). Bulk loading bypasses the audit hooks, which is right for generated data.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection

from interface_desktop.app import open_app_database
from interface_desktop.db import sqlite_adapter
from interface_desktop.db.base import utcnow
from interface_desktop.db.models import (
    Action, ActionNumber, ActionStatusChange, ActionUpdate, Activity, ActivityFeedback, ActivityParticipant,
    AgendaItem, Attendance, FileBlob, Group, GroupStandingItem, InterfaceIssue, IssueMeeting, IssueStatusChange,
    Meeting, Membership, Paper, Person,
)
from interface_desktop.paths import AppPaths
from interface_desktop.services.core.clock import today

from benchmarks import populate
from benchmarks.corpus import Corpus


@dataclass(frozen=True)
class Size:
    """How much a board accumulates in `years`; `actions` overrides the action count (stress runs)."""

    years: int
    actions: int | None = None
    scale: float = 1.0  # below 1 only for quick smoke runs

    def per_year(self, n: int) -> int:
        return max(1, round(n * self.years * self.scale))

    @property
    def people(self) -> int:
        return max(60, self.per_year(150))

    @property
    def meetings_per_group(self) -> int:
        return max(2, self.per_year(12))

    @property
    def action_count(self) -> int:
        return self.actions if self.actions is not None else self.per_year(3000)

    @property
    def issues(self) -> int:
        return self.per_year(600)

    @property
    def activities(self) -> int:
        return self.per_year(200)

    @property
    def label(self) -> str:
        scaled = "" if self.scale == 1 else f"-x{self.scale:g}"
        return f"{self.years}y-{self.action_count}a{scaled}"


@dataclass(frozen=True)
class Showcase:
    """Where the export benchmarks find their meeting, and what the database holds."""

    minutes_meeting_id: int
    counts: dict[str, int]


TABLES = (Group, GroupStandingItem, Person, Membership, Meeting, AgendaItem, Attendance, InterfaceIssue,
          IssueStatusChange, IssueMeeting, Action, ActionStatusChange, ActionNumber, ActionUpdate, Activity,
          ActivityParticipant, ActivityFeedback, FileBlob, Paper)


def _uniform(table: Table, rows: list[dict]) -> list[dict]:
    """Every row with every column, so one executemany covers them all (defaults as the model declares)."""
    stamp = utcnow()
    fill = {}
    for column in table.columns:
        default = column.default
        if default is None or not default.is_scalar:
            fill[column.key] = stamp if default is not None else None
        else:
            fill[column.key] = default.arg
    return [{**fill, **row} for row in rows]


def bulk_insert(conn: Connection, rows_by_table: dict[type, list[dict]]) -> dict[str, int]:
    counts = {}
    for model in TABLES:
        rows = rows_by_table.get(model, [])
        if rows:
            conn.execute(insert(model.__table__), _uniform(model.__table__, rows))
        counts[model.__tablename__] = len(rows)
    return counts


# Part of the cache key of generated databases (benchmarks.harness): bump it when the data generated changes.
GENERATOR_VERSION = 3

SEARCH_SQL = {
    # Mirrors services.search_docs: a title, and the non-empty parts of the body joined by newlines. The first
    # column is the day the record was written, so documents are stored in the order a board writes them.
    "meeting": ("SELECT date(m.starts_at), 'meeting', m.id, m.group_id, CASE WHEN m.title != '' THEN m.title "
                "ELSE 'Meeting ' || strftime('%d/%m/%Y', m.starts_at) END, {body} FROM meeting m",
                ("m.location", "m.notes")),
    "minutes": ("SELECT date(m.starts_at), 'minutes', a.id, m.group_id, a.title, {body} FROM agenda_item a "
                "JOIN meeting m ON m.id = a.meeting_id", ("a.discussion", "a.decisions")),
    "action": ("SELECT date(created_at), 'action', id, group_id, description, {body} FROM action", ()),
    "issue": ("SELECT date(raised_on), 'issue', id, group_id, reference || ' ' || title, {body} FROM interface_issue",
              ("description", "impact", "resolution", "learning", "raised_by_organisation")),
    "sea": ("SELECT date(raised_on), 'sea', id, group_id, 'SEA ' || reference || ' ' || title, {body} "
            "FROM interface_issue "
            "WHERE has_sea", ("sea_what_happened", "sea_why", "sea_learned", "sea_changed", "sea_impact",
                              "sea_contributory_factors", "sea_learning_needs")),
    "activity": ("SELECT date(starts_on), 'activity', id, group_id, title, {body} FROM activity",
                 ("host_department", "description", "outcomes", "follow_ups")),
    "person": ("SELECT '', 'person', id, NULL, name, {body} FROM person",
               ("organisation", "department", "role", "email")),
}


def _joined(parts: tuple[str, ...]) -> str:
    if not parts:
        return "''"
    pieces = " || ".join(f"coalesce(nullif({p}, '') || char(10), '')" for p in parts)
    return f"rtrim({pieces}, char(10))"


def fill_search(conn: Connection) -> int:
    """Search documents by INSERT ... SELECT; the FTS index is rebuilt once at the end, not row by row."""
    fts = sqlite_adapter.fts_available(conn)
    if fts:
        conn.exec_driver_sql("DROP TRIGGER search_document_ai")
    # In a board's own database documents are written as its records are: rowids follow that order, which
    # search relies on to find the newest matches of a common word (services.search.RANK_WINDOW).
    every = " UNION ALL ".join(sql.format(body=_joined(parts)) for sql, parts in SEARCH_SQL.values())
    conn.exec_driver_sql(
        "WITH d(written, kind, ref_id, group_id, title, body) AS (" + every + ") "
        "INSERT INTO search_document (kind, ref_id, group_id, title, body) "
        "SELECT kind, ref_id, group_id, title, body FROM d WHERE title != '' OR body != '' "
        "ORDER BY written, kind, ref_id")
    total = conn.exec_driver_sql("SELECT count(*) FROM search_document").scalar_one()
    if fts:
        conn.exec_driver_sql(f"INSERT INTO {sqlite_adapter.FTS_TABLE}({sqlite_adapter.FTS_TABLE}) VALUES ('rebuild')")
        conn.exec_driver_sql(sqlite_adapter.FTS_DDL[1])
    return total


def _timed(label: str, timings: dict[str, float], fn, *args):  # any step
    started = time.perf_counter()
    result = fn(*args)
    timings[label] = time.perf_counter() - started
    return result


def generate(target: Path, size: Size, *, seed: int = 2026, on: date | None = None, quiet: bool = False) -> Showcase:
    """Creates `target` (which must not exist) at the current schema and fills it; prints step timings."""
    if target.exists():
        raise FileExistsError(f"{target} exists; generate writes a new database only")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    paths = AppPaths(target.parent, target.parent / ".settings", target.parent / ".backups", portable=False)
    db = _timed("migrate", timings, lambda: open_app_database(str(target), paths=paths))
    try:
        rows = _timed("build rows", timings, populate.build_rows, size, Corpus(seed), on or today())
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            counts = _timed("insert", timings, bulk_insert, conn, rows.tables)
            counts["search_document"] = _timed("search index", timings, fill_search, conn)
    finally:
        db.dispose()
    showcase = Showcase(minutes_meeting_id=rows.showcase_meeting_id, counts=counts)
    target.with_suffix(".json").write_text(json.dumps(asdict(showcase), indent=1), encoding="utf-8")
    if not quiet:
        _report(target, size, counts, timings, time.perf_counter() - started)
    return showcase


def load_showcase(target: Path) -> Showcase:
    data = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    return Showcase(**data)


def _report(target: Path, size: Size, counts: dict[str, int], timings: dict[str, float], total: float) -> None:
    print(f"{target.name}: {size.years} year(s) of records")
    for table, n in counts.items():
        print(f"  {table:22s} {n:>9,}")
    for step, seconds in timings.items():
        print(f"  {step:22s} {seconds:8.2f} s")
    print(f"  {'total':22s} {total:8.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, choices=(1, 3, 10), default=10)
    parser.add_argument("--actions", type=int, help="number of actions (default: 3,000 a year)")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every count (quick smoke runs)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", type=Path, required=True, help="new database file to write")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 1:
        parser.error("--scale must be in (0, 1]")
    if args.output.exists():
        parser.error(f"{args.output} exists; choose a new file")
    generate(args.output, Size(args.years, args.actions, args.scale), seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
