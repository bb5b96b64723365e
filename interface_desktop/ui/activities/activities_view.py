"""The activities page: work shadowing, shared learning events, joint teaching, webinars and visits."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from interface_desktop.services.activities import activities
from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.vocab import ACTIVITY_KIND_LABELS
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.activities.activity_editor import ActivityEditor
from interface_desktop.ui.widgets.filter_bar import FilterBar
from interface_desktop.ui.widgets.forms import button_row, fill_combo
from interface_desktop.ui.activities.activities_model import COL_DATE, ActivitiesModel, participants_text
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_view import RecordView
from interface_desktop.ui.widgets.table_view import RecordTable

WIDTHS = (165, 140, 270, 115, 190, 240)


class ActivitiesView(RecordView):
    title = "Activities"
    watched_kinds = ("activity", "person", "group")
    kinds = ("activity",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = ActivitiesModel(self)
        self.table = RecordTable(self.model, "Activities", WIDTHS,
                                 sort=(COL_DATE, Qt.SortOrder.DescendingOrder))
        self.table.activate_with(self.edit_activity)
        self.table.delete_with(self.delete_activity)
        self.filters = FilterBar("Search titles, departments and participants…", "Search activities")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of activity")
        fill_combo(self.kind, [("All kinds", "")] + [(v, k) for k, v in ACTIVITY_KIND_LABELS.items()])
        self.filters.watch(self.kind)
        self.filters.changed.connect(self.reload)
        kind_label = QLabel("&Kind")
        kind_label.setBuddy(self.kind)
        bar = QHBoxLayout(self.filters)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.filters.text, 2), (kind_label, 0), (self.kind, 1), (self.filters.clear, 0)):
            bar.addWidget(widget, stretch)
        self.summary = QLabel()
        buttons = button_row(("&New activity", self.new_activity), ("&Open…", self.edit_activity),
                             ("De&lete…", self.delete_activity), trailing=self.summary)
        column = QVBoxLayout(self)
        column.addWidget(self.filters)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        found = self.runner.call(activities.list_activities, group_id=self.group_id,
                                 kind=self.kind.currentData() or None)
        text = (self.filters.search_text() or "").lower()
        if text:
            found = [a for a in found
                     if text in " ".join((a.title, a.host_department, a.location, participants_text(a))).lower()]
        self.table.keep_selection(lambda: self.model.set_rows(found))
        scores = [f.score for a in found for f in a.feedback]
        average = f"; average feedback {sum(scores) / len(scores):.1f} / 5 from {len(scores)}" if scores else ""
        self.summary.setText(f"{len(found)} activit{'y' if len(found) == 1 else 'ies'}{average}")

    def current_activity(self) -> ActivityDTO | None:
        return self.table.current_dto()

    def new_activity(self) -> None:
        self._edit(None)

    def edit_activity(self) -> None:
        activity = self.current_activity()
        if activity is not None:
            self._edit(activity)

    def _edit(self, activity: ActivityDTO | None) -> None:
        editor = ActivityEditor(self.runner, activity, group_id=self.group_id,
                                kind=self.kind.currentData() or "shadowing", parent=self)
        accepted = editor.exec() == QDialog.DialogCode.Accepted
        if accepted or editor.sub_records_changed or editor.activity is not activity:
            self.signals.data_changed.emit("activity")
            if editor.activity is not None and not self.table.select_id(editor.activity.id):
                self.filters.reset()
                self.table.select_id(editor.activity.id)

    def delete_activity(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        if confirm_delete(self, f"the {activity.kind_label.lower()} “{activity.title}”",
                          f"Its {len(activity.participants)} participant(s) with their reflections and "
                          f"{len(activity.feedback)} feedback response(s) go with it."):
            self.runner.call(activities.delete_activity, activity.id)
            self.signals.data_changed.emit("activity")

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "activity":
            return False
        if not self.table.select_id(record_id):
            self.filters.reset()
            self.table.select_id(record_id)
        self._edit(self.runner.call(activities.get_activity, record_id))
        return True

    def save_state(self, settings: QSettings) -> None:
        self.table.save_to(settings, "activities/header")

    def restore_state(self, settings: QSettings) -> None:
        self.table.restore_from(settings, "activities/header")
