"""Add or edit an Interface Group: details, quorum rule, terms of reference, standing items and issue categories."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QTabWidget, QWidget,
)

from interface_desktop.services.meetings import attendance
from interface_desktop.services.people import groups, lookups
from interface_desktop.services.people import people
from interface_desktop.services.people.groups import GroupDTO, default_standing_items
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.people.category_list_editor import CategoryListEditor
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.people.standing_items_editor import StandingItemsEditor
from interface_desktop.ui.widgets.forms import fill_combo, set_combo_data
from interface_desktop.vocab import BOARDS, GROUP_ROLE_LABELS


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    return QSpinBox(minimum=low, maximum=high, suffix=suffix)


class GroupEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, group: GroupDTO | None = None, parent: QWidget | None = None):
        super().__init__(f"Group: {group.name}" if group else "New Interface Group", parent, apply=True,
                         runner=runner)
        self.group = group
        self.saved: GroupDTO | None = None
        self.form = self.track(self._form())
        self.standing = StandingItemsEditor()
        self.standing.changed.connect(self.mark_dirty)
        self.categories = CategoryListEditor(self.ops)
        self.members = QListWidget()
        self.members.setAccessibleName("Current members")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, "&Details")
        self.tabs.addTab(self.standing, "&Standing agenda items")
        self.tabs.addTab(self.categories, "Issue &categories")
        self.tabs.addTab(self.members, "&Members")
        self._load(group)
        self.lay_out(self.tabs, size=(760, 680))

    def record_key(self) -> tuple[str, int] | None:
        return ("group", self.group.id) if self.group else None

    def _form(self) -> FieldForm:
        form = FieldForm()
        self.name = form.add("name", "&Name:", QLineEdit(placeholderText="e.g. Lothian Primary/Secondary Care "
                                                                          "Interface Group"))
        self.board = form.add("board", "Health &Board:", QComboBox())
        fill_combo(self.board, [(label, code) for code, label in BOARDS.items()])
        self.hscp = form.add("hscp", "&HSCP:", QLineEdit(placeholderText="Health and Social Care Partnership"))
        self.location = form.add("default_location", "Usual &venue:", QLineEdit())
        self.duration = form.add("default_duration", "Usual &length:", spin(5, 24 * 60, " min"))
        self.quorum_total = form.add("quorum_total", "&Quorum: members present:", spin(0, 100))
        self.quorum_gp = form.add("quorum_gp", "  of whom &GPs:", spin(0, 100))
        self.quorum_secondary = form.add("quorum_secondary", "  of whom &secondary-care clinicians:", spin(0, 100))
        self.secondary_roles = form.add("quorum_secondary_roles", "  clinicians &counted:", QListWidget())
        self.secondary_roles.setMaximumHeight(self.fontMetrics().height() * 5)
        self.secondary_roles.setToolTip("Roles in the secondary sector counted as secondary-care clinicians "
                                        "for the quorum; by default every clinical role")
        self.secondary_roles.itemChanged.connect(self.mark_dirty)
        self.terms = form.add("terms_of_reference", "&Terms of reference:", QPlainTextEdit())
        self.terms.setTabChangesFocus(True)
        self.terms.setPlaceholderText("Purpose, membership, quorum, frequency of meetings, reporting lines…")
        self.quorum_text = QLabel()
        self.quorum_text.setWordWrap(True)
        form.layout_.addRow("", self.quorum_text)
        for box in (self.quorum_total, self.quorum_gp, self.quorum_secondary):
            box.valueChanged.connect(self._show_quorum)
        return form

    def _show_quorum(self) -> None:
        self.quorum_text.setText(f"Quorate with at least {self.quorum_total.value()} members present, including "
                                 f"{self.quorum_gp.value()} GP(s) and {self.quorum_secondary.value()} "
                                 "secondary-care clinician(s).")

    def _load_roles(self, group: GroupDTO | None) -> None:
        """Person roles to tick; the group's own choice, or every clinical role."""
        group_id = group.id if group else None
        self._clinical = set(self.runner.call(attendance.clinical_roles, group_id))
        chosen = set(group.quorum_secondary_roles) if group and group.quorum_secondary_roles else self._clinical
        self.secondary_roles.clear()
        for role in self.runner.call(lookups.list_lookups, kind="person_role", group_id=group_id):
            item = QListWidgetItem(role.label)
            item.setData(Qt.ItemDataRole.UserRole, role.code)
            item.setCheckState(Qt.CheckState.Checked if role.code in chosen else Qt.CheckState.Unchecked)
            self.secondary_roles.addItem(item)

    def _counted_roles(self) -> tuple[str, ...]:
        """The ticked roles; none when they are the clinical ones, so roles added later count too."""
        items = [self.secondary_roles.item(n) for n in range(self.secondary_roles.count())]
        ticked = tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)
        return () if set(ticked) == self._clinical else ticked

    def _load(self, group: GroupDTO | None) -> None:
        self._load_roles(group)
        self.categories.set_group(group.id if group else None)
        self.members.clear()
        if group is None:
            self.duration.setValue(120)
            self.quorum_total.setValue(3)
            self.quorum_gp.setValue(1)
            self.quorum_secondary.setValue(1)
            self.standing.set_items(default_standing_items())
            self.members.addItem("Apply or save the group, then add members from the People page.")
            return
        self.name.setText(group.name)
        set_combo_data(self.board, group.board)
        self.hscp.setText(group.hscp)
        self.location.setText(group.default_location)
        self.duration.setValue(group.default_duration)
        self.quorum_total.setValue(group.quorum_total)
        self.quorum_gp.setValue(group.quorum_gp)
        self.quorum_secondary.setValue(group.quorum_secondary)
        self.terms.setPlainText(group.terms_of_reference)
        self.standing.set_items(list(group.standing_items))
        for member in self.runner.call(people.list_members, group_id=group.id):
            role = GROUP_ROLE_LABELS.get(member.group_role, member.group_role)
            self.members.addItem(f"{member.person.name}: {role} ({member.person.description})")

    def fields(self) -> dict:
        return dict(name=self.name.text(), board=self.board.currentData(), hscp=self.hscp.text(),
                    default_location=self.location.text(), default_duration=self.duration.value(),
                    quorum_total=self.quorum_total.value(), quorum_gp=self.quorum_gp.value(),
                    quorum_secondary=self.quorum_secondary.value(), terms_of_reference=self.terms.toPlainText(),
                    quorum_secondary_roles=self._counted_roles())

    def save(self) -> bool:
        self.saved = self.ops.change("Save group", "group", self._store).value
        if self.saved is not None:
            self.group = self.saved
        return self.saved is not None

    def _store(self, session) -> GroupDTO:  # noqa: ANN001 - a Session
        """Details and standing items are saved together or not at all."""
        if self.group is None:
            return groups.create_group(session, standing_items=self.standing.items(), **self.fields())
        groups.update_group(session, self.group.id, **self.fields())
        groups.set_standing_items(session, group_id=self.group.id, items=self.standing.items())
        return groups.get_group(session, self.group.id)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.tabs.setCurrentIndex(1 if errors and all(k.startswith("standing_items") for k in errors) else 0)
        super().show_errors(errors)

    def after_apply(self) -> None:
        self.setWindowTitle(f"Group: {self.group.name}")
        self._load(self.group)
        self.mark_clean()
