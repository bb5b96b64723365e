"""The groups page: every Interface Group with its board, HSCP, quorum, standing items and issue categories."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from interface_desktop.services.people import groups
from interface_desktop.services.people.groups import GroupDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.people.group_editor import GroupEditor
from interface_desktop.ui.widgets.forms import button_row
from interface_desktop.ui.people.groups_model import GroupsModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.record_view import RecordView
from interface_desktop.ui.widgets.table_view import RecordTable

WIDTHS = (320, 120, 230, 75, 210)


class GroupsView(RecordView):
    title = "Groups"
    watched_kinds = ("group", "person")
    kinds = ("group",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.model = GroupsModel(self)
        self.table = RecordTable(self.model, "Interface Groups", WIDTHS)
        self.table.activate_with(self.edit_group)
        self.table.delete_with(self.delete_group)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        buttons = button_row(("&New group", self.new_group), ("&Edit…", self.edit_group),
                           ("De&lete…", self.delete_group))
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

    def new_group(self) -> None:
        self._edit(None)

    def edit_group(self) -> None:
        group = self.table.current_dto()
        if group is not None:
            self._edit(group)

    def _edit(self, group: GroupDTO | None) -> None:
        editor = GroupEditor(self.runner, group, parent=self)
        accepted = editor.exec() == QDialog.DialogCode.Accepted
        if editor.categories_changed:
            self.signals.data_changed.emit("lookup")
        if accepted or editor.group is not group:
            self.signals.data_changed.emit("group")
            if editor.group is not None:
                self.table.select_id(editor.group.id)

    def delete_group(self) -> None:
        group = self.table.current_dto()
        if group is None:
            return
        if confirm_delete(self, f"the group “{group.name}”",
                          "Everything recorded under it goes too: its meetings, agendas and minutes, actions, "
                          "interface issues and SEAs, activities, resources and memberships. People stay on file."):
            self.runner.call(groups.delete_group, group.id)
            self.signals.data_changed.emit("group")

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "group":
            return False
        self.table.select_id(record_id)
        return True

    def save_state(self, settings: QSettings) -> None:
        self.table.save_to(settings, "groups/header")

    def restore_state(self, settings: QSettings) -> None:
        self.table.restore_from(settings, "groups/header")
