"""Add or edit a person: role, sector, organisation, contact, and the groups they belong to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QGroupBox, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QWidget,
)

from interface_desktop.services.people import groups
from interface_desktop.services.people import lookups
from interface_desktop.services.people import people
from interface_desktop.services.people.people import PersonDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.widgets.forms import fill_combo, set_combo_data
from interface_desktop.vocab import GROUP_ROLE_LABELS, SECTOR_LABELS


class PersonEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, person: PersonDTO | None = None, *, group_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(f"Person: {person.name}" if person else "New person", parent, apply=True, runner=runner)
        self.person = person
        self.saved: PersonDTO | None = None
        form = self.track(self._form())
        self.memberships = self._membership_box()
        self._load(person)
        set_combo_data(self.group, group_id)
        self.lay_out(form, self.memberships, size=(620, 720))

    def record_key(self) -> tuple[str, int] | None:
        return ("person", self.person.id) if self.person else None

    def _form(self) -> FieldForm:
        form = FieldForm()
        self.name = form.add("name", "&Name:", QLineEdit(placeholderText="e.g. Dr Ann Smith"))
        self.role = form.add("role", "&Role:", QComboBox())
        fill_combo(self.role, [(r.label, r.code) for r in self.runner.call(lookups.list_lookups, kind="person_role")])
        self.sector = form.add("sector", "&Sector:", QComboBox())
        fill_combo(self.sector, [(label, code) for code, label in SECTOR_LABELS.items()])
        self.organisation = form.add("organisation", "&Organisation:", QLineEdit(placeholderText="Practice or board"))
        self.department = form.add("department", "&Department:", QLineEdit())
        self.email = form.add("email", "&E-mail:", QLineEdit())
        self.phone = form.add("phone", "&Phone:", QLineEdit())
        self.notes = form.add("notes", "No&tes:", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.active = form.add("active", "Active:", QCheckBox("Current member or contact"))
        self.active.setChecked(True)
        return form

    def _membership_box(self) -> QGroupBox:
        box = QGroupBox("Memberships")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Group", "Group role"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Memberships")
        self.group, self.group_role = QComboBox(), QComboBox()
        self.group.setAccessibleName("Group to join")
        self.group_role.setAccessibleName("Group role")
        fill_combo(self.group, [(g.name, g.id) for g in self.runner.call(groups.list_groups)])
        fill_combo(self.group_role, [(label, code) for code, label in GROUP_ROLE_LABELS.items()])
        set_combo_data(self.group_role, "member")
        self.add_membership = QPushButton("Add or change &membership")
        self.remove_membership = QPushButton("Remo&ve from group…")
        self.add_membership.clicked.connect(self._add_membership)
        self.remove_membership.clicked.connect(self._remove_membership)
        grid = QGridLayout(box)
        grid.addWidget(self.table, 0, 0, 1, 3)
        grid.addWidget(self.group, 1, 0)
        grid.addWidget(self.group_role, 1, 1)
        grid.addWidget(self.add_membership, 1, 2)
        grid.addWidget(self.remove_membership, 2, 2)
        grid.setColumnStretch(0, 1)
        return box

    def _load(self, person: PersonDTO | None) -> None:
        self.memberships.setEnabled(person is not None)
        self.memberships.setTitle("Memberships" if person else "Memberships (apply or save the person first)")
        if person is None:
            return
        self.name.setText(person.name)
        set_combo_data(self.role, person.role)
        set_combo_data(self.sector, person.sector)
        for widget, value in ((self.organisation, person.organisation), (self.department, person.department),
                              (self.email, person.email), (self.phone, person.phone)):
            widget.setText(value)
        self.notes.setPlainText(person.notes)
        self.active.setChecked(person.active)
        self.table.setRowCount(len(person.memberships))
        for row, m in enumerate(person.memberships):
            item = QTableWidgetItem(m.group_name)
            item.setData(Qt.ItemDataRole.UserRole, m.group_id)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(GROUP_ROLE_LABELS.get(m.group_role, m.group_role)))

    def fields(self) -> dict:
        return dict(name=self.name.text(), role=self.role.currentData(), sector=self.sector.currentData(),
                    organisation=self.organisation.text(), department=self.department.text(),
                    email=self.email.text(), phone=self.phone.text(), notes=self.notes.toPlainText(),
                    active=self.active.isChecked())

    def save(self) -> bool:
        if self.person is None:
            stored = self.ops.change("Save person", "person", people.create_person, **self.fields())
        else:
            stored = self.ops.change("Save person", "person", people.update_person, self.person.id, **self.fields())
        self.saved = stored.value
        if self.saved is not None:
            self.person = self.saved
        return self.saved is not None

    def after_apply(self) -> None:
        self.setWindowTitle(f"Person: {self.person.name}")
        self._load(self.person)

    def _reload_person(self) -> None:
        self.person = self.runner.call(people.get_person, self.person.id)
        self.table.setRowCount(0)
        was_dirty = self.dirty
        self._load(self.person)
        self.dirty = was_dirty

    def _add_membership(self) -> None:
        if self.person is None or self.group.currentData() is None:
            return
        if self.ops.change("Add membership", "person", people.set_membership, group_id=self.group.currentData(),
                           person_id=self.person.id, group_role=self.group_role.currentData()):
            self._reload_person()

    def _remove_membership(self) -> None:
        row = self.table.currentRow()
        if self.person is None or row < 0:
            return
        group_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if not confirm_delete(self, f"{self.person.name}'s membership of {self.table.item(row, 0).text()}",
                              "The person stays on file; their past attendance and actions are kept."):
            return
        if self.ops.change("Remove membership", "person", people.remove_membership, group_id=group_id,
                           person_id=self.person.id):
            self._reload_person()
