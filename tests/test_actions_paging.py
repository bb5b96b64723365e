"""Paged action queries: every page, in every order, agrees with reading the whole log at once."""

from __future__ import annotations

from interface_desktop.services.actions import actions
from interface_desktop.services.actions.actions import ActionFilter
from tests.support.ui_records_fixtures import make_records


def test_pages_join_up_to_the_whole_ordered_list(db):
    rec = make_records(db, n_actions=23)
    rec.runner.call(actions.add_action, group_id=rec.group_id, description="Unowned, undated, no meeting")
    for order_by in ("due", "owner", "group", "meeting", "status", "description"):
        for descending in (False, True):
            whole = [a.id for a in rec.runner.call(actions.list_actions, order_by=order_by, descending=descending)]
            paged = []
            for offset in range(0, 30, 7):
                paged += [a.id for a in rec.runner.call(actions.list_actions, order_by=order_by,
                                                        descending=descending, limit=7, offset=offset)]
            assert paged == whole and len(whole) == 24, (order_by, descending)


def test_text_matches_description_or_owner_and_counts_agree(db):
    rec = make_records(db, n_actions=6)
    by_owner = ActionFilter(text="ann smith")
    found = rec.runner.call(actions.list_actions, by_owner, limit=50)
    assert {a.owner_id for a in found} == {rec.gp_id} and len(found) == 3
    assert rec.runner.call(actions.count_actions, by_owner) == 3
    by_text = ActionFilter(text="NUMBER 4")
    assert [a.description for a in rec.runner.call(actions.list_actions, by_text, limit=5)] == ["Action number 4"]
    assert rec.runner.call(actions.count_actions, ActionFilter(text="50%_")) == 0
