"""The lead's first screen: next meeting and its readiness, actions at risk, open issues, activities."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStyle, QVBoxLayout, QWidget,
)

from interface_desktop.services.dashboard import read
from interface_desktop.services.dashboard.types import ActionLine, DashboardDTO, NextMeeting, Readiness
from interface_desktop.ui.widgets.rag import rag_icon
from interface_desktop.ui.widgets.record_tree import RecordTree
from interface_desktop.ui.widgets.view import View


def _readiness_lines(r: Readiness) -> list[tuple[bool, str]]:
    return [
        (r.business_items > 0, f"Agenda: {r.agenda_items} items, {r.business_items} for business"
         if r.business_items else "Agenda: no business items yet"),
        (r.presenters_missing == 0, "Presenters: all named" if r.presenters_missing == 0
         else f"Presenters: {r.presenters_missing} business item(s) without a presenter"),
        (r.papers > 0, f"Papers: {r.papers} attached" if r.papers else "Papers: none attached yet"),
        (r.overrun_minutes == 0, "Timing: fits the meeting" if r.overrun_minutes == 0
         else f"Timing: agenda overruns by {r.overrun_minutes} min"),
    ]


class DashboardView(View):
    title = "Dashboard"
    kinds = ()
    follows_changes = False

    def __init__(self, runner, signals, parent=None):  # noqa: ANN001 - the View contract
        super().__init__(runner, signals, parent)
        self.data: DashboardDTO | None = None
        self._meeting_id = 0
        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._meeting_box(), 0, 0)
        self.overdue = self._tree(grid, "Overdue actions", ["Action", "Owner", "Due"], 0, 1)
        self.due_soon = self._tree(grid, "Due in the next 7 days", ["Action", "Owner", "Due"], 1, 0)
        self.issues = self._tree(grid, "Open interface issues by category", ["Issue", "Status", "Raised"], 1, 1)
        self.activities = self._tree(grid, "Activities this quarter", ["Activity", "Kind", "Date", "Group"], 2, 0)
        self.issue_status = self._tree(grid, "Issues by status", ["Status", "Count"], 2, 1)
        for row, stretch in enumerate((2, 2, 1)):
            grid.setRowStretch(row, stretch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _meeting_box(self) -> QGroupBox:
        box = QGroupBox("Next meeting")
        layout = QVBoxLayout(box)
        self.meeting_title = QLabel()
        self.meeting_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.meeting_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.meeting_title.setFont(font)
        self.meeting_title.setWordWrap(True)
        self.meeting_when = QLabel()
        self.meeting_when.setWordWrap(True)
        self.readiness = RecordTree(["Readiness"], "Readiness of the next meeting")
        self.readiness.setHeaderHidden(True)
        self.readiness.setMaximumHeight(self.fontMetrics().height() * 8)
        self.readiness.record_activated.connect(self.signals.open_record)
        self.open_meeting = QPushButton("&Open meeting")
        self.open_meeting.clicked.connect(lambda: self.signals.open_record.emit("meeting", self._meeting_id))
        row = QHBoxLayout()
        row.addWidget(self.open_meeting)
        row.addStretch(1)
        for widget in (self.meeting_title, self.meeting_when, self.readiness):
            layout.addWidget(widget)
        layout.addLayout(row)
        return box

    def _tree(self, grid: QGridLayout, title: str, headers: list[str], row: int, column: int) -> RecordTree:
        box = QGroupBox(title)
        tree = RecordTree(headers, title)
        tree.record_activated.connect(self.signals.open_record)
        QVBoxLayout(box).addWidget(tree)
        grid.addWidget(box, row, column)
        tree.box = box  # type: ignore[attr-defined] - the title shows the totals
        tree.base_title = title  # type: ignore[attr-defined]
        return tree

    def refresh(self) -> None:
        self.data = read.dashboard(self.runner, group_id=self.group_id)
        self._show_meeting(self.data.next_meeting, self.data.readiness)
        self._show_actions(self.overdue, self.data.overdue, self.data.overdue_total, "Nothing overdue")
        self._show_actions(self.due_soon, self.data.due_soon, self.data.due_soon_total, "Nothing due this week")
        self._show_issues()
        self._show_activities()

    def _show_meeting(self, meeting: NextMeeting | None, ready: Readiness | None) -> None:
        self.readiness.clear()
        self.open_meeting.setEnabled(meeting is not None)
        if meeting is None or ready is None:
            self.meeting_title.setText("No meeting planned")
            self.meeting_when.setText("Create one with File > New meeting (Ctrl+N).")
            return
        self._meeting_id = meeting.id
        self.meeting_title.setText(meeting.display_title)
        where = meeting.location or meeting.call_link or "venue not set"
        self.meeting_when.setText(f"{meeting.starts_at:%A %d %B %Y, %H:%M} · {where}")
        style = self.style()
        for ok, text in _readiness_lines(ready):
            icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton if ok
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.readiness.add([("Ready — " if ok else "To do — ") + text], "meeting", meeting.id, icon=icon)

    def _show_actions(self, tree: RecordTree, rows: tuple[ActionLine, ...], total: int, empty: str) -> None:
        tree.clear()
        tree.box.setTitle(f"{tree.base_title} ({total})")
        for a in rows:
            due = f"{a.due_on:%d/%m/%Y}" if a.due_on else ""
            tree.add([a.description, a.owner_name or "unassigned", due], "action", a.id, icon=rag_icon(a.rag),
                     tooltip=f"{a.rag_label}: {a.description} ({a.group_name})")
        if total > len(rows):
            tree.add_note(f"… and {total - len(rows)} more in Actions")
        if not rows:
            tree.add_note(empty)

    def _show_issues(self) -> None:
        self.issues.clear()
        assert self.data is not None
        counts = self.data.issues
        self.issues.box.setTitle(f"{self.issues.base_title} ({counts.open_total})")
        for code, label, count in counts.by_category:
            parent = self.issues.add([f"{label} ({count})", "", ""])
            for issue in (i for i in self.data.open_issues if i.category == code):
                self.issues.add([f"{issue.reference} {issue.title}", issue.status_label, f"{issue.raised_on:%d/%m/%Y}"],
                                "issue", issue.id, parent=parent)
            parent.setExpanded(True)
        if not counts.by_category:
            self.issues.add_note("No open issues")
        self.issue_status.clear()
        for _code, label, count in counts.by_status:
            self.issue_status.add([label, str(count)])

    def _show_activities(self) -> None:
        assert self.data is not None
        self.activities.clear()
        rows = self.data.activities_this_quarter
        self.activities.box.setTitle(f"{self.activities.base_title} ({len(rows)})")
        for act in rows:
            self.activities.add([act.title, act.kind_label, f"{act.starts_on:%d/%m/%Y}", act.group_name],
                                "activity", act.id)
        if not rows:
            self.activities.add_note("No activities this quarter")

    def save_state(self, settings: QSettings) -> None:
        """The dashboard lays itself out from the window size; nothing to keep."""

    def restore_state(self, settings: QSettings) -> None:
        """Counterpart of save_state."""
