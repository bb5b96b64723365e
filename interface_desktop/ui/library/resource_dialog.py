"""Describe a file being added to the library: its kind, title, description and who shares it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from interface_desktop.vocab import RESOURCE_KIND_LABELS as RESOURCE_LABELS
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.widgets.forms import fill_combo, set_combo_data

TEMPLATE_SUFFIXES = {".dotx", ".dot", ".ott"}


def guess_kind(path: Path) -> str:
    name = path.name.lower()
    if "terms" in name and "reference" in name or name.startswith("tor"):
        return "terms_of_reference"
    if path.suffix.lower() in TEMPLATE_SUFFIXES or "template" in name or "form" in name:
        return "template"
    return "paper"


class ResourceDialog(RecordDialog):
    """Collects the description; the caller stores the file (off the UI thread) with `values()`."""

    def __init__(self, path: Path, *, group_name: str | None, parent: QWidget | None = None):
        super().__init__("Add to the library", parent)
        self.path = path
        form = FieldForm()
        form.add("file", "File:", QLabel(path.name))
        self.kind = form.add("kind", "&Kind:", QComboBox())
        fill_combo(self.kind, [(label, code) for code, label in RESOURCE_LABELS.items()])
        set_combo_data(self.kind, guess_kind(path))
        self.title = form.add("title", "&Title:", QLineEdit(path.stem.replace("_", " ").replace("-", " ")))
        self.description = form.add("description", "&Description:", QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.shared = form.add("group_id", "Sharing:", QCheckBox("Share with every group"))
        self.shared.setChecked(group_name is None)
        self.shared.setEnabled(group_name is not None)
        if group_name:
            self.shared.setToolTip(f"Unticked, the file is kept in the library of {group_name} only.")
        self.track(form)
        self.lay_out(form, size=(520, 320))

    def save(self) -> bool:
        """Only checks what the user can fix here; the service validates again when storing."""
        if not self.title.text().strip():
            self.show_errors({"title": "is required"})
            return False
        return True

    def values(self) -> dict:
        return dict(kind=self.kind.currentData(), title=self.title.text(),
                    description=self.description.toPlainText(), shared=self.shared.isChecked())
