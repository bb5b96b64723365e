"""The people page: members and guests with role, sector, organisation, contact and group memberships."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from interface_desktop.services.people import people
from interface_desktop.services.people.people import PersonDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.people.person_editor import PersonEditor
from interface_desktop.ui.widgets.filter_bar import FilterBar
from interface_desktop.ui.widgets.forms import button_row, fill_combo
from interface_desktop.ui.people.people_model import PeopleModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_page import Deletion, RecordPage
from interface_desktop.ui.widgets.tables import EmptyHint, RecordTable, list_hint
from interface_desktop.vocab import SECTOR_LABELS

WIDTHS = (190, 120, 115, 240, 210, 110)


class PeopleView(RecordPage):
    title = "People"
    watched_kinds = ("person", "group")
    kinds = ("person",)
    noun, settings_key, deletes = "person", "people", ("person",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = PeopleModel(self)
        self.table = RecordTable(self.model, "People", WIDTHS)
        self.table.activate_with(self.edit_current)
        self.table.delete_with(self.delete_current)
        self.filters = FilterBar("Search names and organisations…", "Search people")
        self.sector = QComboBox()
        self.sector.setAccessibleName("Sector")
        fill_combo(self.sector, [("Any sector", "")] + [(v, k) for k, v in SECTOR_LABELS.items()])
        self.members_only = QCheckBox("Members of the current &group only")
        self.members_only.setChecked(True)
        self.active_only = QCheckBox("Acti&ve only")
        self.filters.watch(self.sector)
        self.members_only.toggled.connect(self.reload)
        self.active_only.toggled.connect(self.reload)
        self.filters.changed.connect(self.reload)
        everyone = list_hint("people", "New person", self.filters)
        EmptyHint(self.table, lambda: "No members of this group match — untick “Members of the current group only” "
                  "to see everyone" if self.members_only.isChecked() and self.group_id else everyone())
        self.count = QLabel()
        bar = QHBoxLayout(self.filters)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filters.text, 2)
        sector_label = QLabel("&Sector")
        sector_label.setBuddy(self.sector)
        for widget in (sector_label, self.sector, self.members_only, self.active_only, self.filters.clear):
            bar.addWidget(widget)
        buttons = button_row(("&New person", self.new_record), ("&Edit…", self.edit_current),
                             ("De&lete…", self.delete_current), trailing=self.count)
        column = QVBoxLayout(self)
        column.addWidget(self.filters)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.members_only.setEnabled(self.group_id is not None)
        self.reload()

    def reload(self) -> None:
        group_id = self.group_id if self.members_only.isChecked() else None
        found = self.runner.call(people.list_people, group_id=group_id, text=self.filters.search_text(),
                                 sector=self.sector.currentData() or None, active_only=self.active_only.isChecked())
        self.table.keep_selection(lambda: self.model.set_rows(found))
        self.count.setText(f"{len(found)} people")

    def reset_filters(self) -> None:
        self.members_only.setChecked(False)
        self.filters.reset()

    def editor_for(self, person: PersonDTO | None) -> PersonEditor:
        return PersonEditor(self.runner, person, group_id=self.group_id, parent=self)

    def deletion(self, person: PersonDTO) -> Deletion:
        return Deletion(f"{person.name} ({person.description})",
                        f"They leave {len(person.memberships)} group(s), attendance records and activities; "
                        "actions they owned stay in the log without an owner.", people.delete_person)
