"""Add or edit an action: what, owner, due date, status, group and the issue it serves."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from interface_desktop.services import actions, groups, issues, people
from interface_desktop.services.actions import STATUS_LABELS, ActionDTO
from interface_desktop.services.issues import IssueFilter
from interface_desktop.services.runner import ServiceRunner
from interface_desktop.ui.dialogs.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.forms import date_edit, date_value, fill_combo, set_combo_data, set_date


class ActionEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, action: ActionDTO | None = None, *, group_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__("Edit action" if action else "New action", parent)
        self.runner, self.action = runner, action
        self.saved: ActionDTO | None = None
        form = FieldForm()
        self.description = form.add("description", "&Action:", QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.group = form.add("group_id", "&Group:", QComboBox())
        self.owner = form.add("owner_id", "&Owner:", QComboBox())
        self.due = form.add("due_on", "&Due:", date_edit(optional=True))
        self.status = form.add("status", "&Status:", QComboBox())
        self.issue = form.add("issue_id", "&Interface issue:", QComboBox())
        fill_combo(self.group, [(g.name, g.id) for g in runner.call(groups.list_groups)])
        fill_combo(self.owner, [("Unassigned", None)] + [(p.name, p.id) for p in runner.call(people.person_choices)])
        fill_combo(self.status, [(label, code) for code, label in STATUS_LABELS.items()])
        self.group.currentIndexChanged.connect(self._load_issues)
        set_combo_data(self.group, action.group_id if action else group_id)
        self.group.setEnabled(action is None)
        self._load_issues()
        if action:
            self.description.setPlainText(action.description)
            set_combo_data(self.owner, action.owner_id)
            set_date(self.due, action.due_on)
            set_combo_data(self.status, action.status)
            set_combo_data(self.issue, action.issue_id)
        self.track(form)
        # Actions name members of the group by design, so titled names are not flagged here.
        self.watch_identifiers(("description",), names=False)
        self.lay_out(form, size=(560, 400))

    def history_key(self) -> tuple[str, int] | None:
        record = self.saved or self.action
        return ("action", record.id) if record else None

    def _load_issues(self) -> None:
        found = self.runner.call(issues.list_issues, IssueFilter(group_id=self.group.currentData()))
        fill_combo(self.issue, [("None", None)] + [(f"{i.reference} {i.title}", i.id) for i in found])

    def save(self) -> bool:
        fields = dict(description=self.description.toPlainText(), owner_id=self.owner.currentData(),
                      due_on=date_value(self.due), status=self.status.currentData(), issue_id=self.issue.currentData())
        if self.action is None:
            self.saved = self.run_service(self.runner.call, actions.add_action, group_id=self.group.currentData(),
                                          **fields)
        else:
            self.saved = self.run_service(self.runner.call, actions.update_action, self.action.id, **fields)
        return self.saved is not None
