"""The action log page driven as a user would: filter, change status inline and in bulk, add a progress update."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QThreadPool
from PySide6.QtWidgets import QComboBox

from interface_desktop.services.actions import actions
from interface_desktop.ui.actions.actions_model import COL_DESCRIPTION, COL_STATUS
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.actions.actions_view import ActionsView
from tests.support.ui_records_fixtures import make_records


@pytest.fixture(autouse=True)
def finish_filtering(qtbot):
    """Filtering runs on worker threads: let the last one report before the page is closed."""
    yield
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)


def make_view(qtbot, db, n_actions=6):
    rec = make_records(db, n_actions=n_actions)
    signals = AppSignals()
    view = ActionsView(rec.runner, signals)
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    view.show()
    return rec, signals, view


def test_text_filter_is_debounced_and_narrows_the_table(qtbot, db):
    rec, _, view = make_view(qtbot, db)
    assert view.model.rowCount() == 6
    qtbot.keyClicks(view.filters.text, "number 3")
    assert view.model.rowCount() == 6  # not yet: the filter waits for typing to pause
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    assert view.model.action_at(0).description == "Action number 3"
    assert view.current_action() == view.model.action_at(0)  # chosen, so the side panel shows it
    assert "1 action" in view.count_label.text()
    view.filters.owner.setCurrentIndex(view.filters.owner.findData(rec.gp_id))
    qtbot.waitUntil(lambda: not view.model.loading, timeout=15000)
    assert view.model.rowCount() == 1
    view.filters.clear.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=15000)


def test_inline_status_change_with_the_combo(qtbot, db):
    rec, signals, view = make_view(qtbot, db)
    emitted = []
    signals.data_changed.connect(emitted.append)
    index = view.model.index(0, COL_STATUS)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    combo = view.table.findChild(QComboBox)
    assert combo is not None and combo.accessibleName() == "Status"
    combo.setCurrentIndex(combo.findData("in_progress"))
    combo.activated.emit(combo.currentIndex())
    action_id = view.model.action_at(0).id
    assert rec.runner.call(actions.get_action, action_id).status == "in_progress"
    assert emitted == ["action"]


def test_bulk_status_change_of_a_selection(qtbot, db):
    rec, _, view = make_view(qtbot, db)
    sel = view.table.selectionModel()
    for row in (0, 2, 4):
        sel.select(view.model.index(row, COL_DESCRIPTION),
                   QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    ids = view.selected_ids()
    assert len(ids) == 3
    done = next(a for a in view.bulk.menu().actions() if "Done" in a.text())
    done.trigger()
    statuses = {a.id: a.status for a in rec.runner.call(actions.list_actions)}
    assert [statuses[i] for i in ids] == ["done"] * 3
    assert sum(s == "done" for s in statuses.values()) == 3


def test_progress_update_from_the_side_panel(qtbot, db):
    rec, _, view = make_view(qtbot, db)
    view.table.setCurrentIndex(view.model.index(1, COL_DESCRIPTION))
    action = view.current_action()
    assert view.panel.action == action
    view.panel.add_button.click()  # empty text: the service refuses, the message shows beside the field
    assert view.panel.error.isVisibleTo(view.panel) and "required" in view.panel.error.text().lower()
    qtbot.keyClicks(view.panel.new_text, "Letter template agreed with cardiology")
    view.panel.add_button.click()
    updates = rec.runner.call(actions.list_updates, action.id)
    assert [u.text for u in updates] == ["Letter template agreed with cardiology"]
    assert view.panel.updates.count() == 1
    assert view.model.action_at(view.model.row_of(action.id)).last_update.startswith("Letter template")


def test_origin_links_ask_the_window_to_open_the_meeting(qtbot, db):
    rec, signals, view = make_view(qtbot, db)
    opened = []
    signals.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    view.table.setCurrentIndex(view.model.index(0, COL_DESCRIPTION))
    assert view.panel.meeting_link.isVisibleTo(view.panel)
    view.panel.meeting_link.click()
    assert opened == [("meeting", rec.meeting_id)]


def test_only_the_latest_search_is_shown(qtbot, db):
    rec, _, view = make_view(qtbot, db)
    for text in ("number 1", "number 2"):  # two searches in flight; the timer's own emit is not waited for
        view.filters.text.setText(text)
        view.filters.timer.stop()
        view.filters.changed.emit()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=15000)
    view.tasks.wait()
    qtbot.wait(50)
    assert [a.description for a in view.model.rows_loaded()] == ["Action number 2"]


def test_lazy_table_grows_as_it_scrolls(qtbot, db):
    rec, _, view = make_view(qtbot, db, n_actions=30)
    view.model.page_size = 10
    pages = []
    view.model.rowsInserted.connect(lambda parent, first, last: pages.append(last - first + 1))
    view.filters.changed.emit()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=15000)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 30, timeout=15000)
    assert pages and set(pages) == {10} and not view.model.canFetchMore()
