"""The lazily fetched action model, without widgets: paging, server-side sorting, in-place status changes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from interface_desktop.services.actions import actions
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.ui.actions.actions_model import COL_DUE, COL_OWNER, COL_RAG, COL_STATUS, ActionsModel
from tests.support.ui_records_fixtures import make_records


def test_rows_arrive_page_by_page(db, qapp):
    rec = make_records(db, n_actions=12)
    model = ActionsModel(rec.runner, page_size=5)
    model.reload()
    assert model.rowCount() == 5 and model.total == 12 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    model.fetchMore()
    assert model.rowCount() == 12 and not model.canFetchMore()


def test_sorting_asks_the_service_for_that_order(db, qapp, monkeypatch):
    rec = make_records(db, n_actions=6)
    calls = []
    original = actions.list_actions

    def spy(session, flt=None, **kw):
        calls.append((kw["order_by"], kw["descending"]))
        return original(session, flt, **kw)

    monkeypatch.setattr(actions, "list_actions", spy)
    model = ActionsModel(rec.runner)
    model.reload()
    model.sort(COL_OWNER, Qt.SortOrder.DescendingOrder)
    assert calls[-1] == ("owner", True)
    owners = [model.index(r, COL_OWNER).data() for r in range(model.rowCount())]
    assert owners == sorted(owners, reverse=True)
    model.sort(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert calls[-1] == ("due", False)


def test_filter_and_rag_text_cue(db, qapp):
    rec = make_records(db, n_actions=6)
    model = ActionsModel(rec.runner)
    model.set_filter(ActionFilter(owner_id=rec.gp_id))
    assert model.total == 3
    assert all(model.action_at(r).owner_id == rec.gp_id for r in range(model.rowCount()))
    # Today is pinned to 23/11/2026, so every generated action is overdue: the cue is text, not colour alone.
    assert model.index(0, COL_RAG).data() == "Overdue"
    assert model.index(0, COL_RAG).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_status_chosen_in_the_table_is_a_request_and_changed_rows_replace_their_own(db, qapp):
    rec = make_records(db, n_actions=3)
    model = ActionsModel(rec.runner)
    model.reload()
    requested = []
    model.status_requested.connect(lambda ids, status: requested.append((ids, status)))
    index = model.index(0, COL_STATUS)
    action_id = model.action_at(0).id
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "done")
    assert not model.setData(index, "finished")
    assert requested == [([action_id], "done")]
    assert rec.runner.call(actions.get_action, action_id).status == "open"  # the model only reads
    model.replace_rows(rec.runner.call(actions.bulk_set_status, [action_id], "done"))
    assert model.index(0, COL_STATUS).data() == "Done" and model.index(0, COL_RAG).data() == "Done"
