"""The main window's pages in navigation order: (module, class name, title).

Order: Dashboard, Meetings, Actions, Issues & SEAs, Activities, People, Groups, Resources. A page is
shown only when its module exists; add a line here when a view lands. The title is the navigation label
(the class's own `title`): with it here, a page's module is imported only when the page is first needed.
"""

from __future__ import annotations

VIEWS: tuple[tuple[str, str, str], ...] = (
    ("interface_desktop.ui.dashboard.dashboard_view", "DashboardView", "Dashboard"),
    ("interface_desktop.ui.meetings.meetings_view", "MeetingsView", "Meetings"),
    ("interface_desktop.ui.actions.actions_view", "ActionsView", "Actions"),
    ("interface_desktop.ui.issues.issues_view", "IssuesView", "Issues & SEAs"),
    ("interface_desktop.ui.activities.activities_view", "ActivitiesView", "Activities"),
    ("interface_desktop.ui.people.people_view", "PeopleView", "People"),
    ("interface_desktop.ui.people.groups_view", "GroupsView", "Groups"),
    ("interface_desktop.ui.library.resources_view", "ResourcesView", "Resources"),
)
