"""Add or edit an action: what, owner, due date, status, group and the issue it serves."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from interface_desktop.services.actions import actions
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.people import people
from interface_desktop.services.actions.actions import ActionDTO
from interface_desktop.services.issues.issues import IssueFilter
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.widgets.forms import date_edit, date_value, fill_combo, set_combo_data, set_date
from interface_desktop.vocab import ACTION_STATUS_LABELS as STATUS_LABELS


class ActionEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, action: ActionDTO | None = None, *, group_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__("Edit action" if action else "New action", parent, runner=runner)
        self.action = action
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

    def record_key(self) -> tuple[str, int] | None:
        record = self.saved or self.action
        return ("action", record.id) if record else None

    def _load_issues(self) -> None:
        found = self.runner.call(issues.list_issues, IssueFilter(group_id=self.group.currentData()))
        fill_combo(self.issue, [("None", None)] + [(f"{i.reference} {i.title}", i.id) for i in found])

    def save(self) -> bool:
        """Possible identifiers are asked about first; what the user typed stays in the form if anything fails."""
        decision = self.ask_about_identifiers("action", self.action.id if self.action else None,
                                              {"description": self.description.toPlainText()})
        if decision is None:
            return False
        self.saved = self.ops.change("Save action", "action", self._store, decision).value
        if self.saved is not None:
            self.show_stored_texts(decision.texts)
        return self.saved is not None

    def _store(self, session, decision) -> ActionDTO:  # noqa: ANN001 - a Session, a privacy_prompt.Decision
        """The action and any identifier kept with a reason are saved together or not at all."""
        fields = dict(description=decision.texts["description"], owner_id=self.owner.currentData(),
                      due_on=date_value(self.due), status=self.status.currentData(), issue_id=self.issue.currentData())
        if self.action is None:
            saved = actions.add_action(session, group_id=self.group.currentData(), **fields)
        else:
            saved = actions.update_action(session, self.action.id, **fields)
        decision.record(session, saved.id)
        return saved
