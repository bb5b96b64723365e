"""The first window's data read through a plain read-only SQLite connection, before SQLAlchemy has loaded.

Loading SQLAlchemy, the models and the hooks costs several times what showing a window does, so the GUI
paints its group list and dashboard from these few queries first and loads the data layer straight after
(services.dashboard.read chooses the path). Only SQLite files take this path. tests/test_first_screen.py checks
that each function returns exactly what its ORM counterpart returns for the same data, and that every table and
column named here is one of the models'; the RAG rule and the open statuses come from interface_desktop.vocab.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from interface_desktop.services.dashboard.types import (
    ActionLine, ActivityLine, DashboardDTO, GroupChoice, IssueLine, NextMeeting, issue_counts, quarter_bounds,
    readiness_of,
)
from interface_desktop.services.core.clock import today
from interface_desktop.vocab import ACTION_OPEN_STATUSES, ISSUE_OPEN_STATUSES, due_soon_until, rag_for

ACTION_LINE = """SELECT a.id, a.description, p.name, a.due_on, a.status, g.name FROM action a
JOIN interface_group g ON g.id = a.group_id LEFT JOIN person p ON p.id = a.owner_id"""


def group_choices(conn: sqlite3.Connection) -> list[GroupChoice]:
    """As services.groups.group_choices."""
    return [GroupChoice(*row) for row in conn.execute("SELECT id, name FROM interface_group ORDER BY name")]


def _stored(value: date | datetime) -> str:
    """A date or time as SQLAlchemy stores it in SQLite, so that text comparisons order alike."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value.isoformat()


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _where(conditions: list[str], group_id: int | None, column: str) -> tuple[str, list]:
    params: list = []
    if group_id is not None:
        conditions = [*conditions, f"{column} = ?"]
        params.append(group_id)
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def _one_of(column: str, values: tuple[str, ...]) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _next_meeting(conn: sqlite3.Connection, group_id: int | None, on: date) -> NextMeeting | None:
    where, params = _where(["m.status = 'planned'", "m.starts_at >= ?"], group_id, "m.group_id")
    row = conn.execute(
        "SELECT m.id, m.group_id, g.name, m.title, m.starts_at, m.duration_minutes, m.location, m.call_link "
        "FROM meeting m "
        f"JOIN interface_group g ON g.id = m.group_id{where} ORDER BY m.starts_at, m.id LIMIT 1",
        [_stored(datetime.combine(on, datetime.min.time())), *params]).fetchone()
    if row is None:
        return None
    return NextMeeting(row[0], row[1], row[2], row[3], datetime.fromisoformat(row[4]), row[5], row[6], row[7])


def _readiness(conn: sqlite3.Connection, meeting: NextMeeting):  # noqa: ANN202 - a Readiness
    items = conn.execute("SELECT kind, presenter_id, minutes_allotted FROM agenda_item WHERE meeting_id = ?",
                         (meeting.id,)).fetchall()
    papers = conn.execute("SELECT count(*) FROM paper WHERE meeting_id = ?", (meeting.id,)).fetchone()[0]
    return readiness_of(items, papers, meeting.duration_minutes)


def rag_condition(rag: str, on: date) -> tuple[str, list]:
    """The actions of one colour the dashboard lists, red or amber, as vocab.rag_for decides: (SQL, parameters)."""
    is_open, params = _one_of("a.status", ACTION_OPEN_STATUSES)
    if rag == "red":
        return f"{is_open} AND a.due_on < ?", [*params, on.isoformat()]
    if rag == "amber":
        return f"{is_open} AND a.due_on >= ? AND a.due_on <= ?", [*params, on.isoformat(),
                                                                   due_soon_until(on).isoformat()]
    raise ValueError(f"the dashboard lists red and amber actions, not {rag}")


def _actions(conn: sqlite3.Connection, rag: str, group_id: int | None, on: date,
             limit: int) -> tuple[tuple[ActionLine, ...], int]:
    """The first `limit` actions of one colour in due-date order, and how many there are."""
    condition, params = rag_condition(rag, on)
    where, group = _where([condition], group_id, "a.group_id")
    rows = conn.execute(f"{ACTION_LINE}{where} ORDER BY a.due_on IS NULL, a.due_on, a.id LIMIT ?",
                        [*params, *group, limit]).fetchall()
    total = conn.execute(f"SELECT count(*) FROM action a{where}", [*params, *group]).fetchone()[0]
    lines = tuple(ActionLine(i, text, owner or "", _date(due), status, rag_for(status, _date(due), on), g)
                  for i, text, owner, due, status, g in rows)
    return lines, total


def _issues(conn: sqlite3.Connection, group_id: int | None):  # noqa: ANN202 - (IssueCounts, open issues)
    where, params = _where([], group_id, "group_id")
    rows = conn.execute(f"SELECT category, status, count(*) FROM interface_issue{where} GROUP BY category, status",
                        params).fetchall()
    labels = dict(conn.execute("SELECT code, label FROM lookup_value WHERE kind = 'issue_category'").fetchall())
    is_open, statuses = _one_of("status", ISSUE_OPEN_STATUSES)
    where, params = _where([is_open], group_id, "group_id")
    open_issues = tuple(
        IssueLine(i, reference, title, category, status, date.fromisoformat(raised))
        for i, reference, title, category, status, raised in conn.execute(
            f"SELECT id, reference, title, category, status, raised_on FROM interface_issue{where} "
            "ORDER BY raised_on DESC, id DESC", [*statuses, *params]))
    return issue_counts(rows, labels), open_issues


def _activities(conn: sqlite3.Connection, group_id: int | None, first: date, last: date) -> tuple[ActivityLine, ...]:
    where, params = _where(["a.starts_on >= ?", "a.starts_on <= ?"], group_id, "a.group_id")
    return tuple(
        ActivityLine(i, title, kind, date.fromisoformat(starts), g)
        for i, title, kind, starts, g in conn.execute(
            f"SELECT a.id, a.title, a.kind, a.starts_on, g.name FROM activity a "
            f"JOIN interface_group g ON g.id = a.group_id{where} ORDER BY a.starts_on DESC, a.id DESC",
            [first.isoformat(), last.isoformat(), *params]))


def dashboard(conn: sqlite3.Connection, *, group_id: int | None = None, on: date | None = None,
              limit: int = 8) -> DashboardDTO:
    """As services.dashboard.summary."""
    on = on or today()
    overdue, overdue_total = _actions(conn, "red", group_id, on, limit)
    due_soon, due_soon_total = _actions(conn, "amber", group_id, on, limit)
    is_open, statuses = _one_of("a.status", ACTION_OPEN_STATUSES)
    where, params = _where([is_open], group_id, "a.group_id")
    open_total = conn.execute(f"SELECT count(*) FROM action a{where}", [*statuses, *params]).fetchone()[0]
    counts, open_issues = _issues(conn, group_id)
    next_meeting = _next_meeting(conn, group_id, on)
    return DashboardDTO(
        today=on, next_meeting=next_meeting, readiness=_readiness(conn, next_meeting) if next_meeting else None,
        overdue=overdue, overdue_total=overdue_total, due_soon=due_soon, due_soon_total=due_soon_total,
        open_actions_total=open_total, issues=counts, open_issues=open_issues,
        activities_this_quarter=_activities(conn, group_id, *quarter_bounds(on)),
    )
