"""The issue log's filters: text (debounced), status, category, direction, specialty, severity and SEA."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from interface_desktop.services.issues.issues import IssueFilter
from interface_desktop.services.people.lookups import LookupDTO
from interface_desktop.ui.widgets.filter_bar import FilterBar
from interface_desktop.ui.widgets.forms import fill_combo
from interface_desktop.vocab import (
    ISSUE_DIRECTION_LABELS, ISSUE_OPEN_STATUSES as OPEN_STATUSES, ISSUE_STATUS_LABELS, SEVERITY_LABELS,
)


class IssueFilterBar(FilterBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Search reference, title, description…", "Search issues", parent)
        self.status, self.category, self.direction = QComboBox(), QComboBox(), QComboBox()
        self.specialty, self.severity, self.sea = QComboBox(), QComboBox(), QComboBox()
        fill_combo(self.status, [("Open (not resolved)", "open"), ("Any status", "")]
                   + [(label, code) for code, label in ISSUE_STATUS_LABELS.items()])
        fill_combo(self.direction, [("Any direction", "")] + [(v, k) for k, v in ISSUE_DIRECTION_LABELS.items()])
        fill_combo(self.severity, [("Any severity", "")] + [(v, k) for k, v in SEVERITY_LABELS.items()])
        fill_combo(self.sea, [("With or without SEA", ""), ("With an SEA", "yes"), ("Without an SEA", "no")])
        self.set_lookups([], [])
        self.watch(self.status, self.category, self.direction, self.specialty, self.severity, self.sea)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 2)
        for n, (label, name, combo) in enumerate((
                ("&Status", "Status", self.status), ("&Category", "Category", self.category),
                ("&Direction", "Direction", self.direction), ("S&pecialty", "Specialty", self.specialty),
                ("Se&verity", "Severity", self.severity), ("SE&A", "SEA", self.sea))):
            caption = QLabel(label)
            caption.setBuddy(combo)
            combo.setAccessibleName(name)
            grid.addWidget(caption, n // 3, 2 + 2 * (n % 3))
            grid.addWidget(combo, n // 3, 3 + 2 * (n % 3))
        grid.addWidget(self.clear, 1, 0)
        grid.setColumnStretch(1, 1)

    def set_lookups(self, categories: list[LookupDTO], specialties: list[LookupDTO]) -> None:
        fill_combo(self.category, [("Any category", "")] + [(c.label, c.code) for c in categories])
        fill_combo(self.specialty, [("Any specialty", "")] + [(s.label, s.code) for s in specialties])

    def value(self, group_id: int | None) -> IssueFilter:
        status, sea = self.status.currentData(), self.sea.currentData()
        return IssueFilter(
            group_id=group_id, status=OPEN_STATUSES if status == "open" else (status,) if status else None,
            category=self.category.currentData() or None, direction=self.direction.currentData() or None,
            specialty=self.specialty.currentData() or None, severity=self.severity.currentData() or None,
            has_sea=None if not sea else sea == "yes", text=self.search_text())
