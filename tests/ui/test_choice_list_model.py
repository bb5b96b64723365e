"""A long choice list behaves in its combo like one filled item by item: labels, data, kept choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from interface_desktop.ui.widgets.choice_list_model import fill_long_combo


def test_a_long_list_keeps_the_current_choice_when_still_offered(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    people = [(f"Person {n}", n) for n in range(1, 1501)]
    fill_long_combo(combo, [("Anyone", None), *people])
    assert combo.count() == 1501 and combo.currentText() == "Anyone" and combo.currentData() is None
    combo.setCurrentIndex(combo.findData(740))
    assert combo.currentText() == "Person 740"
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    fill_long_combo(combo, [("Anyone", None), *people[700:]])
    assert combo.currentData() == 740 and combo.currentText() == "Person 740" and changes == []
    fill_long_combo(combo, [("Anyone", None), *people[:10]])
    assert combo.currentData() is None and combo.itemText(10) == "Person 10"
