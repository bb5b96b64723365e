"""Base for filter bars: a search box that waits for typing to pause, choice filters, and "Clear filters"."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPushButton, QWidget

from interface_desktop.ui.widgets.forms import set_date

TEXT_DELAY_MS = 300


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, placeholder: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.text.setAccessibleName(accessible_name)
        self.clear = QPushButton("C&lear filters")
        self.clear.clicked.connect(self.reset)
        self.timer = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _: self.timer.start())
        self._resettable: list[QWidget] = []

    def watch(self, *widgets: QWidget, resettable: bool = True) -> None:
        for widget in widgets:
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _: self.changed.emit())
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(lambda _: self.changed.emit())
            if resettable:
                self._resettable.append(widget)

    def reset(self) -> None:
        self.blockSignals(True)
        self.text.clear()
        self.timer.stop()
        for widget in self._resettable:
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QDateEdit):
                set_date(widget, None)
        self.blockSignals(False)
        self.changed.emit()

    def is_clear(self) -> bool:
        """Nothing typed and every choice on its first ("All …") entry: an empty list then has no records."""
        combos = [w for w in self._resettable if isinstance(w, QComboBox)]
        return not self.text.text().strip() and all(combo.currentIndex() == 0 for combo in combos)

    def search_text(self) -> str | None:
        return self.text.text().strip() or None
