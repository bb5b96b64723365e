"""A page listing one kind of record in a RecordTable: new, edit, delete and open written once for every such page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.widgets.record_dialog import RecordDialog
from interface_desktop.ui.widgets.record_view import RecordView
from interface_desktop.ui.widgets.tables import RecordTable


@dataclass(frozen=True)
class Deletion:
    """What deleting a record means: the question's words, and the service that deletes it by id."""

    what: str  # e.g. the group “Lothian Interface Group”
    consequences: str  # what goes with it, and what stays
    service: Callable[..., object]  # fn(session, record_id)


class RecordPage(RecordView):
    """Subclasses build `self.table` and say what differs:

    - `noun` ("issue": the title of a failed delete), `settings_key` (the table's layout is kept under
      "<key>/header") and `deletes` (the kinds a delete changes);
    - `editor_for(record)`: the dialog editing the record, or creating one when it is None;
    - `deletion(record)`: what to ask before deleting it, and how;
    - `fresh(record_id)`: the record as its editor needs it, for pages whose `open_record` opens the editor;
    - `reset_filters()`: show every record, so one chosen elsewhere can be selected.
    """

    noun = ""
    settings_key = ""
    deletes: tuple[str, ...] = ()
    table: RecordTable
    editor: RecordDialog | None = None  # while a dialog is open (it may be asked to close first)

    def editor_for(self, record: Any) -> RecordDialog:
        raise NotImplementedError

    def deletion(self, record: Any) -> Deletion:
        raise NotImplementedError

    def fresh(self, record_id: int) -> Any:
        """None where the listed record is all the editor needs, and `open_record` only selects it."""
        return None

    def reset_filters(self) -> None:
        """Pages with filters clear them here."""

    # -- commands ---------------------------------------------------------------------------------------------
    def current_record(self) -> Any:
        return self.table.current_dto()

    def new_record(self) -> None:
        self.edit(None)

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit(self.fresh(record.id) or record)

    def edit(self, record: Any) -> None:
        """The editor's changes are announced once it closes; the record it stored is then selected."""
        self.editor = editor = self.editor_for(record)
        try:
            changed = self.run_editor(editor)
        finally:
            self.editor = None
        stored = editor.record_key()
        if changed and stored is not None:
            self.reveal(stored[1])

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        deletion = self.deletion(record)
        if confirm_delete(self, deletion.what, deletion.consequences):
            self.ops.change(f"Delete {self.noun}", self.deletes, deletion.service, record.id)

    def reveal(self, record_id: int) -> bool:
        """Select the record, clearing the filters if they hide it."""
        if self.table.select_id(record_id):
            return True
        self.reset_filters()
        return self.table.select_id(record_id)

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind not in self.kinds:
            return False
        self.reveal(record_id)
        record = self.fresh(record_id)
        if record is not None:
            self.edit(record)
        return True

    # -- layout -----------------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        self.table.save_to(settings, f"{self.settings_key}/header")

    def restore_state(self, settings: QSettings) -> None:
        self.table.restore_from(settings, f"{self.settings_key}/header")
