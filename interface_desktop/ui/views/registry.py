"""The main window's pages in navigation order: (module under interface_desktop.ui.views, class name, title).

Order: Dashboard, Meetings, Actions, Issues & SEAs, Activities, People, Groups, Resources. A page is
shown only when its module exists; add a line here when a view lands. The title is the navigation label
(the class's own `title`): with it here, a page's module is imported only when the page is first needed.
"""

from __future__ import annotations

VIEWS: tuple[tuple[str, str, str], ...] = (
    ("dashboard_view", "DashboardView", "Dashboard"),
    ("meetings_view", "MeetingsView", "Meetings"),
    ("actions_view", "ActionsView", "Actions"),
    ("issues_view", "IssuesView", "Issues & SEAs"),
    ("activities_view", "ActivitiesView", "Activities"),
    ("people_view", "PeopleView", "People"),
    ("groups_view", "GroupsView", "Groups"),
    ("resources_view", "ResourcesView", "Resources"),
)
