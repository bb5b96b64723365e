"""Add or edit an activity (shadowing, shared learning, teaching, webinar, visit) with participants and feedback."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QTabWidget, QWidget

from interface_desktop.services.activities import activities
from interface_desktop.services.people import groups
from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.vocab import ACTIVITY_KIND_LABELS
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.activities.feedback_panel import FeedbackPanel
from interface_desktop.ui.activities.participants_panel import ParticipantsPanel
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.widgets.forms import (
    date_edit, date_value, fill_combo, scrolled, set_combo_data, set_date, text_box,
)

TEXT_FIELDS = (("description", "&Description:"), ("outcomes", "&Outcomes:"), ("follow_ups", "&Follow-ups:"))


class ActivityEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, activity: ActivityDTO | None = None, *, group_id: int | None = None,
                 kind: str = "shadowing", parent: QWidget | None = None):
        super().__init__(activity.title if activity else "New activity", parent, apply=True, runner=runner)
        self.activity = activity
        self.saved: ActivityDTO | None = None
        self.form = self.track(self._form(group_id, kind))
        self.participants = ParticipantsPanel(self.ops)
        self.feedback = FeedbackPanel(self.ops)
        for panel in (self.participants, self.feedback):
            panel.changed.connect(self._sub_records_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self.form), "De&tails")
        self.tabs.addTab(self.participants, "&Participants and reflections")
        self.tabs.addTab(self.feedback, "Feed&back")
        self._load(activity)
        self.watch_identifiers(("description", "outcomes", "follow_ups"), names=False)
        self.lay_out(self.tabs, size=(780, 680))

    def _form(self, group_id: int | None, kind: str) -> FieldForm:
        form = FieldForm()
        self.group = form.add("group_id", "&Group:", QComboBox())
        fill_combo(self.group, [(g.name, g.id) for g in self.runner.call(groups.list_groups)])
        set_combo_data(self.group, self.activity.group_id if self.activity else group_id)
        self.group.setEnabled(self.activity is None)
        self.kind = form.add("kind", "&Kind:", QComboBox())
        fill_combo(self.kind, [(label, code) for code, label in ACTIVITY_KIND_LABELS.items()])
        set_combo_data(self.kind, kind)
        self.title = form.add("title", "T&itle:", QLineEdit(placeholderText="e.g. GP shadowing in the acute "
                                                                              "medical unit"))
        self.starts_on = form.add("starts_on", "&Starts:", date_edit())
        self.ends_on = form.add("ends_on", "&Ends:", date_edit(optional=True, none_text="Same day"))
        self.host = form.add("host_department", "&Host department:", QLineEdit())
        self.location = form.add("location", "&Venue or link:", QLineEdit())
        for name, label in TEXT_FIELDS:
            form.add(name, label, text_box())
        return form

    def _load(self, activity: ActivityDTO | None) -> None:
        self.participants.show_activity(activity)
        self.feedback.show_activity(activity)
        if activity is None:
            return
        set_combo_data(self.kind, activity.kind)
        self.title.setText(activity.title)
        set_date(self.starts_on, activity.starts_on)
        set_date(self.ends_on, activity.ends_on)
        self.host.setText(activity.host_department)
        self.location.setText(activity.location)
        for name, _ in TEXT_FIELDS:
            self.form.fields[name].setPlainText(getattr(activity, name))

    def fields(self) -> dict:
        values = dict(kind=self.kind.currentData(), title=self.title.text(), starts_on=date_value(self.starts_on),
                      ends_on=date_value(self.ends_on), host_department=self.host.text(),
                      location=self.location.text())
        values.update({name: self.form.fields[name].toPlainText() for name, _ in TEXT_FIELDS})
        return values

    def save(self) -> bool:
        """Possible identifiers are asked about first; what the user typed stays in the form if anything fails."""
        fields = self.fields()
        decision = self.ask_about_identifiers("activity", self.activity.id if self.activity else None,
                                              {name: fields[name] for name, _ in TEXT_FIELDS})
        if decision is None:
            return False
        fields.update(decision.texts)
        self.saved = self.ops.change("Save activity", "activity", self._store, fields, decision).value
        if self.saved is not None:
            self.activity = self.saved
            self.show_stored_texts(decision.texts)
        return self.saved is not None

    def _store(self, session, fields: dict, decision) -> ActivityDTO:  # noqa: ANN001 - a Session, a Decision
        """The activity and any identifier kept with a reason are saved together or not at all."""
        if self.activity is None:
            saved = activities.create_activity(session, group_id=self.group.currentData(), **fields)
        else:
            saved = activities.update_activity(session, self.activity.id, **fields)
        decision.record(session, saved.id)
        return saved

    def record_key(self) -> tuple[str, int] | None:
        return ("activity", self.activity.id) if self.activity else None

    def after_apply(self) -> None:
        self.setWindowTitle(self.activity.title)
        self.group.setEnabled(False)
        self.participants.show_activity(self.activity)
        self.feedback.show_activity(self.activity)

    def _sub_records_changed(self, activity: ActivityDTO) -> None:
        self.activity = activity
