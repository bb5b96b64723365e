"""A word matching very many documents is ranked among its most recently written matches, best first."""

from __future__ import annotations

from interface_desktop.services.activities import activities
from interface_desktop.services.people import groups
from interface_desktop.services.search import search


def _add(session, group_id: int, titles: list[str]) -> list[int]:  # a Session
    return [activities.create_activity(session, group_id=group_id, kind="webinar", title=title,
                                       starts_on="2026-10-01").id for title in titles]


def test_common_words_rank_the_newest_matches_and_narrow_filters_reach_older_ones(session, monkeypatch):
    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    fife = groups.create_group(session, name="Fife Interface Group", board="FF").id
    tayside = groups.create_group(session, name="Tayside Interface Group", board="TY").id
    old_tayside = _add(session, tayside, ["Discharge letters: the Tayside template"])
    old_fife = _add(session, fife, ["Discharge letters", "Discharge summaries and discharge letters"])
    newest = _add(session, fife, ["Discharge planning", "Discharge lounge", "Frailty and discharge",
                                  "Discharge discharge discharge"])
    session.flush()

    hits = search.search(session, "discharge", limit=3)
    assert len(hits) == 3 and {h.ref_id for h in hits} <= set(newest)  # the best of the four newest matches
    assert hits[0].ref_id == newest[-1]  # best first (bm25: the word three times in a short title)
    assert {h.ref_id for h in search.search(session, "discharge", limit=4)} == set(newest)

    # In Tayside the window holds none of its matches: the older ones are ranked instead.
    assert [h.ref_id for h in search.search(session, "discharge", group_id=tayside, limit=3)] == old_tayside
    # A second word narrows the matches below the window: every one is ranked.
    assert {h.ref_id for h in search.search(session, "discharge letters")} == {*old_tayside, *old_fife}
