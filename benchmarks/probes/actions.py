"""The action log: the app's Actions view against raw sqlite3 rows in a bare QTableView.

Both sides show the same rows (the app's first page under its initial filter, in due-date order), then apply
the same filter (open or in progress, and a word in the description or owner) and repaint.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from benchmarks.probes.qt import PaintWatch, application, window

FILTER_STATUS = ("open", "in_progress")


def _source_model(table: QTableView) -> Any:
    model = table.model()
    return model.sourceModel() if hasattr(model, "sourceModel") else model


def app(db: str, text: str = "discharge") -> dict[str, Any]:
    from interface_desktop.db.engine import open_database
    from interface_desktop.services.people import groups
    from interface_desktop.services.actions.actions import ActionFilter
    from interface_desktop.services.core.runner import ServiceRunner
    from interface_desktop.ui.signals import AppSignals
    from interface_desktop.ui.actions.actions_view import ActionsView

    application()
    database = open_database("sqlite:///" + db)
    runner = ServiceRunner(database.session_scope, location=db)
    # In the app the page opens in a running window, whose start-up already connected and configured the ORM
    # and listed the groups for its group box.
    runner.call(groups.group_choices)
    started = time.perf_counter()
    view = ActionsView(runner, AppSignals())
    view.set_group(None)
    table = view.findChild(QTableView)
    model = _source_model(table)
    watch = PaintWatch(table.viewport())
    win = window(view)
    win.show()
    watch.wait(lambda: model.rowCount() > 0)
    opened = time.perf_counter() - started
    loaded, initial = model.rowCount(), tuple(model.flt.status or ())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    started = time.perf_counter()
    model.set_filter(ActionFilter(status=FILTER_STATUS, text=text))
    watch.wait(lambda: bool(resets))
    filtered = time.perf_counter() - started
    figures = {"open_paint": opened, "filter": filtered, "rows": loaded, "status": ",".join(initial),
               "filtered_rows": model.rowCount()}
    win.close()
    database.dispose()
    return figures


class TupleModel(QAbstractTableModel):
    """The least a table model can be: a list of tuples, shown as text."""

    def __init__(self, headers: tuple[str, ...]):
        super().__init__()
        self.headers = headers
        self.rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


HEADERS = ("Action", "Owner", "Due", "Status", "Group", "Meeting", "Issue", "Latest update")
ORDER = "a.due_on IS NULL, a.due_on, a.id"


def _where(status: tuple[str, ...], text: str) -> tuple[str, list]:
    clauses, params = [], []
    if status:
        clauses.append(f"a.status IN ({','.join('?' * len(status))})")
        params.extend(status)
    if text:
        clauses.append("(lower(a.description) LIKE ? OR lower(p.name) LIKE ?)")
        params.extend([f"%{text.lower()}%"] * 2)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def fetch(conn: sqlite3.Connection, status: tuple[str, ...], text: str, limit: int) -> tuple[int, list[tuple]]:
    """The count and the first `limit` rows, as directly as SQL allows."""
    where, params = _where(status, text)
    count = conn.execute(f"SELECT count(*) FROM action a LEFT JOIN person p ON p.id = a.owner_id {where}",
                         params).fetchone()[0]
    rows = conn.execute(
        "SELECT a.description, p.name, a.due_on, a.status, g.name, m.starts_at, i.reference, "
        "(SELECT u.text FROM action_update u WHERE u.action_id = a.id ORDER BY u.on_date DESC, u.id DESC LIMIT 1) "
        f"FROM (SELECT a.* FROM action a LEFT JOIN person p ON p.id = a.owner_id {where} ORDER BY {ORDER} "
        "LIMIT ?) a JOIN interface_group g ON g.id = a.group_id LEFT JOIN person p ON p.id = a.owner_id "
        "LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN interface_issue i ON i.id = a.issue_id "
        f"ORDER BY {ORDER}", [*params, limit]).fetchall()
    return count, rows


def bare(db: str, rows: str = "200", filtered_rows: str = "200", status: str = "", text: str = "discharge",
         ) -> dict[str, Any]:
    application()
    limit, initial = int(rows), tuple(s for s in status.split(",") if s)
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    model = TupleModel(HEADERS)
    _count, page = fetch(conn, initial, "", limit)
    model.set_rows(page)
    table = QTableView()
    table.setModel(model)
    watch = PaintWatch(table.viewport())
    win = window(table)
    win.show()
    watch.wait()
    opened = time.perf_counter() - started
    started = time.perf_counter()
    _count, page = fetch(conn, FILTER_STATUS, text, int(filtered_rows))
    model.set_rows(page)
    watch.wait()
    filtered = time.perf_counter() - started
    win.close()
    conn.close()
    return {"open_paint": opened, "filter": filtered, "rows": len(model.rows)}
