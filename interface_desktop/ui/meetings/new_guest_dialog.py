"""Asked when a guest's typed name is nobody in People: add them as a person (role, sector, organisation)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from interface_desktop.services.people.lookups import LookupDTO
from interface_desktop.ui.widgets.forms import fill_combo, set_combo_data
from interface_desktop.vocab import SECTOR_LABELS


class NewGuestDialog(QDialog):
    """Prefilled with the typed name; `fields()` are those `people.create_person` takes."""

    def __init__(self, name: str, roles: list[LookupDTO], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New guest")
        intro = QLabel(f"“{name}” is not in People yet. Add them, and to this meeting's register as in attendance?")
        intro.setWordWrap(True)
        self.name = QLineEdit(name)
        self.role = QComboBox()
        fill_combo(self.role, [(r.label, r.code) for r in roles])
        set_combo_data(self.role, "other")
        self.sector = QComboBox()
        fill_combo(self.sector, [(label, code) for code, label in SECTOR_LABELS.items()])
        set_combo_data(self.sector, "other")
        self.organisation = QLineEdit(placeholderText="Practice, board or department")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Add &guest", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        for caption, widget in (("&Name:", self.name), ("&Role:", self.role), ("&Sector:", self.sector),
                                ("&Organisation:", self.organisation)):
            form.addRow(caption, widget)
        form.addRow(buttons)
        self.role.setFocus()  # the name is there already; what is missing is who they are

    def fields(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "role": self.role.currentData(), "sector": self.sector.currentData(),
                "organisation": self.organisation.text().strip()}
