"""Small helpers for input widgets: combos holding codes, optional dates, labelled fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QPlainTextEdit, QPushButton, QScrollArea, QWidget

from interface_desktop.services.core.clock import today

NO_DATE = QDate(1900, 1, 1)


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], *, keep: bool = True) -> None:
    """Replace the combo's entries with (label, data) pairs, keeping the current data when still offered."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def set_combo_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def date_edit(value: date | None = None, *, optional: bool = False, none_text: str = "No date") -> QDateEdit:
    """A date picker (dd/mm/yyyy, calendar popup); optional ones show `none_text` at their minimum date."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(none_text)
    set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    """No value: an optional date shows its "none" text, another today's date (the services' today, which a
    pinned INTERFACE_DESKTOP_TODAY also governs, so a new record's default date is never in their future)."""
    value = value or (None if edit.specialValueText() else today())
    if value is None:
        edit.setDate(edit.minimumDate())
    else:
        edit.setDate(QDate(value.year, value.month, value.day))


def date_value(edit: QDateEdit) -> date | None:
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return None
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


def uk_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def name_inputs(pairs: Iterable[tuple[QWidget, str]]) -> None:
    """Accessible names for inputs that have no visible label of their own."""
    for widget, name in pairs:
        widget.setAccessibleName(name)


def button_row(*buttons: tuple[str, Callable[[], object]], trailing: QWidget | None = None) -> QHBoxLayout:
    """Push buttons left to right, then a stretch and an optional widget (e.g. a record count)."""
    row = QHBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch()
    if trailing is not None:
        row.addWidget(trailing)
    return row


def text_box(lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
