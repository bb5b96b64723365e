"""Dashboard lists keep the record's name readable: the other columns fit their content within a budget."""

from __future__ import annotations

from interface_desktop.ui.widgets.record_tree import RecordTree, fair_shares


def test_columns_that_fit_get_what_they_want():
    assert fair_shares({1: 140, 2: 75}, 312) == {1: 140, 2: 75}


def test_the_widest_columns_share_what_the_narrow_ones_leave():
    assert fair_shares({1: 140, 2: 75, 3: 300}, 312) == {1: 118, 2: 75, 3: 118}
    assert fair_shares({1: 500, 2: 500}, 300) == {1: 150, 2: 150}
    assert fair_shares({}, 100) == {}


def test_a_long_group_name_does_not_squeeze_the_title(qtbot):
    tree = RecordTree(["Activity", "Kind", "Date", "Group"], "Activities")
    qtbot.addWidget(tree)
    tree.resize(600, 300)
    tree.show()
    qtbot.waitExposed(tree)
    tree.add(["Autumn shared learning evening: cases from the interface", "Shared learning event", "20/10/2026",
              "Edinburgh Primary and Secondary Care Interface Group " * 2], "activity", 1)
    qtbot.waitUntil(lambda: not tree._fit_pending)
    others = sum(tree.columnWidth(c) for c in range(1, 4))
    assert others <= tree.viewport().width() * 3 // 5
    assert tree.columnWidth(0) >= tree.viewport().width() * 2 // 5 - 2
    assert tree.columnWidth(2) >= tree.sizeHintForColumn(2)  # the date is not shortened
