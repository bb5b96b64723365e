"""The main window's pages in navigation order: (module under interface_desktop.ui.views, class name).

Order: Dashboard, Meetings, Actions, Issues & SEAs, Activities, People, Groups, Resources. A page is
shown only when its module exists; add a line here when a view lands.
"""

from __future__ import annotations

VIEWS: tuple[tuple[str, str], ...] = (
    ("dashboard_view", "DashboardView"),
    ("meetings_view", "MeetingsView"),
    ("actions_view", "ActionsView"),
    ("issues_view", "IssuesView"),
    ("activities_view", "ActivitiesView"),
    ("people_view", "PeopleView"),
    ("groups_view", "GroupsView"),
    ("resources_view", "ResourcesView"),
)
