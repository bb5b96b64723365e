"""The groups page: every Interface Group with its board, HSCP, quorum, standing items and issue categories."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from interface_desktop.services.people import groups
from interface_desktop.services.people.groups import GroupDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.people.group_editor import GroupEditor
from interface_desktop.ui.widgets.forms import button_row
from interface_desktop.ui.people.groups_model import GroupsModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_page import Deletion, RecordPage
from interface_desktop.ui.widgets.tables import EmptyHint, RecordTable, new_hint

WIDTHS = (320, 120, 230, 75, 210)


class GroupsView(RecordPage):
    title = "Groups"
    watched_kinds = ("group", "person")
    kinds = ("group",)
    noun, settings_key, deletes = "group", "groups", ("group",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = GroupsModel(self)
        self.table = RecordTable(self.model, "Interface Groups", WIDTHS)
        self.table.activate_with(self.edit_current)
        self.table.delete_with(self.delete_current)
        EmptyHint(self.table, new_hint("groups", "New group"))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        buttons = button_row(("&New group", self.new_record), ("&Edit…", self.edit_current),
                             ("De&lete…", self.delete_current))
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)

    def refresh(self) -> None:
        found = self.runner.call(groups.list_groups)
        self.table.keep_selection(lambda: self.model.set_rows(found))
        if self.table.current_dto() is None and self.group_id is not None:
            self.table.select_id(self.group_id)
        self._show_detail()

    def _show_detail(self) -> None:
        group: GroupDTO | None = self.table.current_dto()
        if group is None:
            self.detail.setText("")
            return
        items = "; ".join(f"{s.title} ({s.minutes} min)" for s in group.standing_items)
        self.detail.setText(f"<b>{group.name}</b> · NHS {group.board_name}"
                            + (f" · {group.hscp}" if group.hscp else "")
                            + f"<br>Quorum: {group.quorum_text}.<br>Standing items: {items or 'none'}.")

    def editor_for(self, group: GroupDTO | None) -> GroupEditor:
        return GroupEditor(self.runner, group, parent=self)

    def deletion(self, group: GroupDTO) -> Deletion:
        return Deletion(f"the group “{group.name}”",
                        "Everything recorded under it goes too: its meetings, agendas and minutes, actions, "
                        "interface issues and SEAs, activities, resources and memberships. People stay on file.",
                        groups.delete_group)
