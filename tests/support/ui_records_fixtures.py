"""Shared records for the GUI tests of the record pages: a group with people, a meeting, actions and an issue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from interface_desktop.services.actions import actions
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.core.runner import ServiceRunner


@dataclass
class Records:
    runner: ServiceRunner
    group_id: int
    gp_id: int
    consultant_id: int
    meeting_id: int
    issue_id: int
    action_ids: list[int]


def make_records(db, n_actions: int = 5) -> Records:  # a Database
    runner = ServiceRunner(db.session_scope)
    with db.session_scope() as s:
        g = groups.create_group(s, name="Lothian Interface Group", board="LO", hscp="Edinburgh HSCP")
        gp = people.create_person(s, name="Dr Ann Smith", role="gp", sector="primary", organisation="Leith Practice")
        cons = people.create_person(s, name="Dr Bob Jones", role="consultant", sector="secondary",
                                    organisation="Royal Infirmary")
        for p in (gp, cons):
            people.set_membership(s, group_id=g.id, person_id=p.id)
        m = meetings.create_meeting(s, group_id=g.id, starts_at=datetime(2026, 11, 2, 14, 0))
        issue = issues.create_issue(s, group_id=g.id, title="Discharge letters arrive late", raised_by_role="GP",
                                    raised_by_sector="primary", direction="secondary_to_primary", category="letters")
        ids = [actions.add_action(s, meeting_id=m.id, description=f"Action number {n}",
                                  owner_id=(gp.id if n % 2 else cons.id),
                                  due_on=f"2026-{10 + n % 3:02d}-0{1 + n % 8}").id
               for n in range(n_actions)]
    return Records(runner, g.id, gp.id, cons.id, m.id, issue.id, ids)
