"""The issue editor's links: meetings where the issue was discussed and the actions that serve it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from interface_desktop.services.actions import actions
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.issues.issues import IssueDTO
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.forms import fill_combo, uk_date


class LinkBox(QGroupBox):
    """A list of linked records with a chooser to link another, and buttons to unlink or open one."""

    def __init__(self, title: str, noun: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.linked = QListWidget()
        self.linked.setAccessibleName(f"Linked {noun}s")
        self.choice = QComboBox()
        self.choice.setAccessibleName(f"{noun.capitalize()} to link")
        self.link = QPushButton(f"Link {noun}")
        self.unlink = QPushButton("Unlink")
        self.open = QPushButton("Open")
        grid = QGridLayout(self)
        grid.addWidget(self.linked, 0, 0, 1, 3)
        grid.addWidget(self.unlink, 1, 1)
        grid.addWidget(self.open, 1, 2)
        grid.addWidget(self.choice, 2, 0, 1, 2)
        grid.addWidget(self.link, 2, 2)
        grid.setColumnStretch(0, 1)

    def show_links(self, linked: list[tuple[str, int]], offered: list[tuple[str, int]]) -> None:
        self.linked.clear()
        for text, record_id in linked:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.linked.addItem(item)
        fill_combo(self.choice, offered, keep=False)
        self.link.setEnabled(bool(offered))
        self.unlink.setEnabled(bool(linked))
        self.open.setEnabled(bool(linked))

    def current_id(self) -> int | None:
        item = self.linked.currentItem() or (self.linked.item(0) if self.linked.count() == 1 else None)
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class IssueLinksPanel(QWidget):
    def __init__(self, ops: Operations, open_record: Callable[[str, int], None], parent: QWidget | None = None):
        """`ops`: the issue editor's, which also shows what the service refuses."""
        super().__init__(parent)
        self.ops = ops.part(self)
        self.runner, self.open_record = ops.runner, open_record
        self.issue: IssueDTO | None = None
        self.meetings = LinkBox("Meetings where it was discussed", "meeting")
        self.actions = LinkBox("Actions", "action")
        column = QVBoxLayout(self)
        column.addWidget(self.meetings)
        column.addWidget(self.actions)
        self.meetings.link.clicked.connect(lambda: self._link_meeting(True))
        self.meetings.unlink.clicked.connect(lambda: self._link_meeting(False))
        self.actions.link.clicked.connect(lambda: self._link_action(True))
        self.actions.unlink.clicked.connect(lambda: self._link_action(False))
        self.meetings.open.clicked.connect(lambda: self._open("meeting", self.meetings))
        self.actions.open.clicked.connect(lambda: self._open("action", self.actions))
        self.meetings.linked.itemActivated.connect(lambda _: self._open("meeting", self.meetings))
        self.actions.linked.itemActivated.connect(lambda _: self._open("action", self.actions))

    def show_issue(self, issue: IssueDTO | None) -> None:
        self.issue = issue
        self.setEnabled(issue is not None)
        if issue is None:
            return
        group_meetings = self.runner.call(meetings.list_meetings, group_id=issue.group_id)
        label = {m.id: f"{uk_date(m.starts_at.date())} {m.title}".strip() for m in group_meetings}
        self.meetings.show_links([(label.get(i, str(i)), i) for i in issue.meeting_ids],
                                 [(label[m.id], m.id) for m in group_meetings if m.id not in issue.meeting_ids])
        linked = self.runner.call(actions.list_actions, ActionFilter(issue_id=issue.id))
        outstanding = self.runner.call(actions.list_actions, ActionFilter(group_id=issue.group_id,
                                                                          status=("open", "in_progress")))
        self.actions.show_links([(self._action_text(a), a.id) for a in linked],
                                [(self._action_text(a), a.id) for a in outstanding if a.issue_id != issue.id])

    @staticmethod
    def _action_text(a: actions.ActionDTO) -> str:
        return f"{a.description.splitlines()[0][:90]} ({a.owner_name or 'unassigned'}, {a.status_label.lower()})"

    def _link_meeting(self, link: bool) -> None:
        box = self.meetings
        meeting_id = box.choice.currentData() if link else box.current_id()
        if self.issue is None or meeting_id is None:
            return
        fn = issues.link_meeting if link else issues.unlink_meeting
        linked = self.ops.change("Link meeting" if link else "Unlink meeting", "issue", fn, issue_id=self.issue.id,
                                 meeting_id=meeting_id)
        if linked:
            self.show_issue(linked.value)

    def _link_action(self, link: bool) -> None:
        box = self.actions
        action_id = box.choice.currentData() if link else box.current_id()
        if self.issue is None or action_id is None:
            return
        if self.ops.change("Link action" if link else "Unlink action", ("issue", "action"), actions.link_issue,
                           action_id=action_id, issue_id=self.issue.id if link else None):
            self.show_issue(self.runner.call(issues.get_issue, self.issue.id))

    def _open(self, kind: str, box: LinkBox) -> None:
        record_id = box.current_id()
        if record_id is not None:
            self.open_record(kind, record_id)
