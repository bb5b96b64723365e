"""The interface-issue log: filters, the issue list, and the editor with its SEA, links and status history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from interface_desktop.services.issues import issues
from interface_desktop.services.people import lookups
from interface_desktop.services.issues.issues import IssueDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents.kinds import KINDS
from interface_desktop.ui.issues.issue_editor import IssueEditor
from interface_desktop.ui.widgets.forms import button_row
from interface_desktop.ui.issues.issues_model import COL_RAISED, IssuesModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_page import Deletion, RecordPage
from interface_desktop.ui.issues.issue_filter_bar import IssueFilterBar
from interface_desktop.ui.widgets.tables import EmptyHint, RecordTable, list_hint

WIDTHS = (100, 280, 115, 170, 75, 85, 170, 145, 140)


class IssuesView(RecordPage):
    title = "Issues & SEAs"
    watched_kinds = ("issue", "group", "lookup", "action", "meeting")
    kinds = ("issue",)
    noun, settings_key = "issue", "issues"
    deletes = ("issue", "action")  # linked actions stay in the log, unlinked

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = IssuesModel(self)
        self.filters = IssueFilterBar()
        self.table = RecordTable(self.model, "Interface issues", WIDTHS,
                                 sort=(COL_RAISED, Qt.SortOrder.DescendingOrder))
        self.table.activate_with(self.edit_current)
        self.table.delete_with(self.delete_current)
        EmptyHint(self.table, list_hint("issues", "New issue", self.filters))
        self.count = QLabel()
        buttons = button_row(("&New issue", self.new_record), ("&Open…", self.edit_current),
                             (KINDS["sea"].menu_text, self.export_sea), ("De&lete…", self.delete_current),
                             trailing=self.count)
        sea = QShortcut(QKeySequence(KINDS["sea"].shortcut), self, self.export_sea)
        sea.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sea.setWhatsThis("Issues: SEA report of the selected issue")
        column = QVBoxLayout(self)
        column.addWidget(self.filters)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        self.filters.changed.connect(self.reload)

    def refresh(self) -> None:
        self.filters.set_lookups(
            self.runner.call(lookups.list_lookups, kind="issue_category", group_id=self.group_id),
            self.runner.call(lookups.list_lookups, kind="specialty", group_id=self.group_id))
        self.reload()

    def reload(self) -> None:
        found = self.runner.call(issues.list_issues, self.filters.value(self.group_id))
        self.table.keep_selection(lambda: self.model.set_rows(found))
        with_sea = sum(1 for i in found if i.sea is not None)
        self.count.setText(f"{len(found)} issue(s), {with_sea} with an SEA")

    def reset_filters(self) -> None:
        self.filters.reset()

    def fresh(self, record_id: int) -> IssueDTO:
        return self.runner.call(issues.get_issue, record_id)

    def editor_for(self, issue: IssueDTO | None) -> IssueEditor:
        return IssueEditor(self.runner, issue, group_id=self.group_id, open_record=self._open_linked, parent=self)

    def _open_linked(self, kind: str, record_id: int) -> None:
        """Opening a meeting or action from the editor closes it (asking about unsaved changes) first."""
        if self.editor is not None:
            self.editor.reject()
            if self.editor.isVisible():
                return
        self.signals.open_record.emit(kind, record_id)

    def export_sea(self) -> None:
        issue = self.current_record()
        if issue is not None:
            self.signals.export_requested.emit("sea", issue.id)

    def deletion(self, issue: IssueDTO) -> Deletion:
        detail = self.runner.call(issues.get_issue, issue.id)
        consequences = (f"Its status history{' and SEA' if detail.sea else ''} go with it; "
                        f"{len(detail.action_ids)} linked action(s) stay in the action log, unlinked; "
                        f"links to {len(detail.meeting_ids)} meeting(s) are removed.")
        return Deletion(f"interface issue {issue.reference} “{issue.title}”", consequences, issues.delete_issue)
