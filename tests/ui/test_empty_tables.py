"""Empty tables say how to add the first record, and the window's New (Ctrl+N) makes the page's kind."""

from __future__ import annotations

from interface_desktop.services.issues import issues
from interface_desktop.services.people import groups
from interface_desktop.ui.widgets.tables import EmptyHint


def hint_of(table) -> str:
    hint = table.findChild(EmptyHint)
    return hint.text() if not hint.isHidden() else ""


def test_an_empty_list_says_how_to_add_the_first_then_goes(make_window, runner):
    with runner.scope() as s:
        group = groups.create_group(s, name="Fife Interface Group", board="FF")
    window = make_window()
    page = window.show_module("issues_view")
    assert hint_of(page.table) == "No issues yet — New issue (Ctrl+N)"
    page.filters.text.setText("referrals")
    page.reload()
    assert hint_of(page.table) == "No issues match these filters — Clear filters shows them all"
    page.filters.reset()
    with runner.scope() as s:
        issues.create_issue(s, group_id=group.id, title="Referrals returned", raised_by_role="gp",
                            raised_by_sector="primary", direction="secondary_to_primary", category="referrals")
    page.reload()
    assert page.model.rowCount() == 1 and hint_of(page.table) == ""
    meetings = window.show_module("meetings_view")
    assert hint_of(meetings.table) == "No upcoming meetings yet — New meeting (Ctrl+N)"
    assert hint_of(window.show_module("groups_view").table) == ""


def test_new_makes_a_record_of_the_page_kind(make_window, runner, monkeypatch):
    with runner.scope() as s:
        groups.create_group(s, name="Fife Interface Group", board="FF")
    window = make_window()
    page = window.show_module("issues_view")
    asked = []
    monkeypatch.setattr(type(page), "new_record", lambda self: asked.append("issue"))
    assert window.new_meeting_action.text() == "&New issue…"
    window.new_meeting_action.trigger()
    assert asked == ["issue"]
    dashboard = window.show_module("dashboard_view")
    assert dashboard is not None and window.new_meeting_action.text() == "&New meeting…"
