"""The activities page: work shadowing, shared learning events, joint teaching, webinars and visits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from interface_desktop.services.activities import activities
from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.vocab import ACTIVITY_KIND_LABELS
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.activities.activity_editor import ActivityEditor
from interface_desktop.ui.widgets.filter_bar import FilterBar
from interface_desktop.ui.widgets.forms import button_row, fill_combo
from interface_desktop.ui.activities.activities_model import COL_DATE, ActivitiesModel, participants_text
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_page import Deletion, RecordPage
from interface_desktop.ui.widgets.tables import EmptyHint, RecordTable, list_hint

WIDTHS = (165, 140, 270, 115, 190, 240)


class ActivitiesView(RecordPage):
    title = "Activities"
    watched_kinds = ("activity", "person", "group")
    kinds = ("activity",)
    noun, settings_key, deletes = "activity", "activities", ("activity",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = ActivitiesModel(self)
        self.table = RecordTable(self.model, "Activities", WIDTHS,
                                 sort=(COL_DATE, Qt.SortOrder.DescendingOrder))
        self.table.activate_with(self.edit_current)
        self.table.delete_with(self.delete_current)
        self.filters = FilterBar("Search titles, departments and participants…", "Search activities")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of activity")
        fill_combo(self.kind, [("All kinds", "")] + [(v, k) for k, v in ACTIVITY_KIND_LABELS.items()])
        self.filters.watch(self.kind)
        self.filters.changed.connect(self.reload)
        EmptyHint(self.table, list_hint("activities", "New activity", self.filters))
        kind_label = QLabel("&Kind")
        kind_label.setBuddy(self.kind)
        bar = QHBoxLayout(self.filters)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.filters.text, 2), (kind_label, 0), (self.kind, 1), (self.filters.clear, 0)):
            bar.addWidget(widget, stretch)
        self.summary = QLabel()
        buttons = button_row(("&New activity", self.new_record), ("&Open…", self.edit_current),
                             ("De&lete…", self.delete_current), trailing=self.summary)
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

    def reset_filters(self) -> None:
        self.filters.reset()

    def fresh(self, record_id: int) -> ActivityDTO:
        return self.runner.call(activities.get_activity, record_id)

    def editor_for(self, activity: ActivityDTO | None) -> ActivityEditor:
        return ActivityEditor(self.runner, activity, group_id=self.group_id,
                              kind=self.kind.currentData() or "shadowing", parent=self)

    def deletion(self, activity: ActivityDTO) -> Deletion:
        return Deletion(f"the {activity.kind_label.lower()} “{activity.title}”",
                        f"Its {len(activity.participants)} participant(s) with their reflections and "
                        f"{len(activity.feedback)} feedback response(s) go with it.", activities.delete_activity)
