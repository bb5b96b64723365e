"""The core cycle of a group: meeting, agenda, attendance, minutes, actions, approval, next meeting."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from interface_desktop.db.models import AuditEntry
from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.meetings import attendance
from interface_desktop.services.people import groups
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.meetings import planning
from interface_desktop.services.search import search
from interface_desktop.services.core.errors import LockedError, ValidationError


@pytest.fixture
def group_with_people(session):
    g = groups.create_group(session, name="Lothian Interface Group", board="LO", hscp="Edinburgh HSCP",
                            quorum_total=2, quorum_gp=1, quorum_secondary=1)
    gp = people.create_person(session, name="Dr Ann Smith", role="gp", sector="primary", organisation="Leith Practice")
    cons = people.create_person(session, name="Dr Bob Jones", role="consultant", sector="secondary",
                                organisation="Royal Infirmary")
    for p in (gp, cons):
        people.set_membership(session, group_id=g.id, person_id=p.id)
    return g, gp, cons


def test_new_meeting_has_standing_items_and_business_goes_in_the_middle(session, group_with_people):
    g, gp, cons = group_with_people
    m = meetings.create_meeting(session, group_id=g.id, starts_at=datetime(2026, 12, 2, 14, 0), chair_id=gp.id)
    item = agenda.add_agenda_item(session, meeting_id=m.id, title="Discharge letters", presenter_id=cons.id,
                                  minutes_allotted=20)
    titles = [i.title for i in agenda.list_agenda(session, m.id)]
    assert titles[:4] == ["Welcome and apologies", "Declarations of interest", "Minutes of the previous meeting",
                          "Matters arising and action log"]
    assert titles[4] == "Discharge letters"
    assert titles[-2:] == ["Any other business", "Date of next meeting"]
    assert item.starts_at == datetime(2026, 12, 2, 14, 27)
    assert agenda.timing(session, m.id).total_minutes == 54


def test_quorum_follows_group_rule(session, group_with_people):
    g, gp, cons = group_with_people
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-12-02 14:00")
    attendance.add_members(session, meeting_id=m.id, status="present")
    assert attendance.quorum(session, m.id).met
    attendance.set_attendance(session, meeting_id=m.id, person_id=cons.id, status="apologies")
    q = attendance.quorum(session, m.id)
    assert not q.met and q.secondary == 0 and "Not quorate" in q.summary


def test_approved_minutes_are_locked_until_an_audited_unlock(session, group_with_people):
    g, gp, _ = group_with_people
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-11-02 14:00")
    item = agenda.add_agenda_item(session, meeting_id=m.id, title="Results")
    agenda.save_minutes(session, item_id=item.id, discussion="Discussed.", decisions="Agreed.")
    approval.approve_minutes(session, m.id)
    with pytest.raises(LockedError):
        agenda.save_minutes(session, item_id=item.id, discussion="Changed", decisions="")
    with pytest.raises(ValidationError):
        meetings.unlock_minutes(session, m.id, reason="  ")
    meetings.unlock_minutes(session, m.id, reason="Typo in item 4")
    agenda.save_minutes(session, item_id=item.id, discussion="Corrected.", decisions="Agreed.")
    unlock = session.scalar(select(AuditEntry).where(AuditEntry.operation == "unlock"))
    assert json.loads(unlock.changes) == {"reason": "Typo in item 4"}


def test_next_meeting_carries_open_actions_once(session, group_with_people):
    g, gp, cons = group_with_people
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-11-02 14:00")
    open_a = actions.add_action(session, meeting_id=m.id, description="Audit letters", owner_id=cons.id,
                                due_on="2026-12-01")
    done_a = actions.add_action(session, meeting_id=m.id, description="Circulate paper", status="done")
    nxt, carried = planning.create_next_meeting(session, after_meeting_id=m.id)
    assert carried == 1
    assert nxt.starts_at == datetime(2026, 12, 28, 14, 0)
    assert planning.carry_forward(session, to_meeting_id=nxt.id) == 0
    # Carried forward counts meetings held, not meetings prepared.
    assert actions.get_action(session, open_a.id).carried_forward == 0
    meetings.mark_held(session, nxt.id)
    assert actions.get_action(session, open_a.id).carried_forward == 1
    assert actions.get_action(session, done_a.id).carried_forward == 0
    listed = actions.list_actions(session, actions.ActionFilter(meeting_id=nxt.id))
    assert [a.id for a in listed] == [open_a.id]


def test_rag_is_derived_from_due_date(session, group_with_people):
    g, gp, _ = group_with_people
    a = actions.add_action(session, group_id=g.id, description="Overdue", due_on="2026-11-01")
    b = actions.add_action(session, group_id=g.id, description="Soon", due_on="2026-11-27")
    c = actions.add_action(session, group_id=g.id, description="Later", due_on="2027-03-01")
    assert [actions.get_action(session, x.id).rag for x in (a, b, c)] == ["red", "amber", "green"]
    red = actions.list_actions(session, actions.ActionFilter(rag=("red",)))
    assert [x.id for x in red] == [a.id]
    actions.set_status(session, a.id, "done")
    assert actions.get_action(session, a.id).rag_label == "Done"


def test_validation_names_every_bad_field(session, group_with_people):
    g, *_ = group_with_people
    with pytest.raises(ValidationError) as err:
        actions.add_action(session, group_id=g.id, description=" ", owner_id=9999, due_on="2026-02-30")
    assert set(err.value.errors) == {"description", "owner_id", "due_on"}
    assert "owner unknown" in err.value.errors["owner_id"]


def test_every_write_is_audited_with_old_and_new_values(session, group_with_people):
    g, gp, _ = group_with_people
    people.update_person(session, gp.id, organisation="Portobello Practice")
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "person", AuditEntry.operation == "update")
                            ).one()
    assert json.loads(entry.changes) == {"organisation": ["Leith Practice", "Portobello Practice"]}
    assert entry.user


def test_search_finds_minutes_and_actions(session, group_with_people):
    g, gp, _ = group_with_people
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-11-02 14:00")
    item = agenda.add_agenda_item(session, meeting_id=m.id, title="Discharge letters")
    agenda.save_minutes(session, item_id=item.id, discussion="Letters arrive three weeks late.", decisions="")
    actions.add_action(session, meeting_id=m.id, description="Audit discharge letters")
    hits = search.search(session, "discharg")
    assert {h.kind for h in hits} == {"minutes", "action"}
    assert search.search(session, 'letters "late') != []


def test_register_lists_members_not_yet_recorded_and_guests_last(session, group_with_people):
    g, gp, cons = group_with_people
    guest = people.create_person(session, name="Ms Cara Guest", role="manager", sector="other")
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-12-02 14:00")
    attendance.set_attendance(session, meeting_id=m.id, person_id=cons.id, status="apologies")
    attendance.set_attendance(session, meeting_id=m.id, person_id=guest.id, status="in_attendance")
    rows = attendance.register(session, m.id)
    assert [(r.person_name, r.status, r.is_guest) for r in rows] == [
        ("Dr Ann Smith", "", False), ("Dr Bob Jones", "apologies", False), ("Ms Cara Guest", "in_attendance", True)]
    assert rows[0].id == 0
