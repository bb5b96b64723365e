"""Hostile input through the services: every value is saved and read back exactly, or refused by field name.

Any other outcome (a crash in SQLite's encoder, an overflow in date arithmetic, a silently altered text)
fails the property.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.meetings import agenda
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.core.errors import ValidationError
from tests.support.hostile_data import HOSTILE, any_text, edge_date, edge_datetime, saved_or_refused, short_text, stored


@pytest.fixture
def base(db):  # the Database fixture; ids of a group, a person and a meeting
    with db.session_scope() as s:
        group = groups.create_group(s, name="Lothian Interface Group", board="LO")
        person = people.create_person(s, name="Dr Ann Smith", role="gp", sector="primary")
        meeting = meetings.create_meeting(s, group_id=group.id, starts_at=datetime(2026, 11, 30, 14, 0))
    return {"group": group.id, "person": person.id, "meeting": meeting.id}


def _same(dto, fields: dict) -> None:  # any DTO
    for key, value in fields.items():
        assert getattr(dto, key) == stored(value), key


def _create_and_read_back(db, create, get, fields: dict):  # Database, service calls; a DTO
    """Create through the service in one unit of work, read back in another; None when refused."""
    with db.session_scope() as s:
        made = saved_or_refused(lambda: create(s, **fields), fields)
    if made is not None:
        with db.session_scope() as s:
            _same(get(s, made.id), fields)
    return made


@HOSTILE
@given(title=any_text, location=short_text, call_link=short_text, notes=any_text, starts_at=edge_datetime,
       new_notes=any_text)
def test_meetings(db, base, title, location, call_link, notes, starts_at, new_notes):
    fields = dict(title=title, location=location, call_link=call_link, notes=notes, starts_at=starts_at)
    made = _create_and_read_back(db, partial(meetings.create_meeting, group_id=base["group"]), meetings.get_meeting,
                                 fields)
    if made is None:
        return
    assert made.ends_at > made.starts_at
    with db.session_scope() as s:
        changed = saved_or_refused(lambda: meetings.update_meeting(s, made.id, notes=new_notes), {"notes": new_notes})
    with db.session_scope() as s:
        assert meetings.get_meeting(s, made.id).notes == stored(new_notes if changed else notes)


@HOSTILE
@given(title=any_text, discussion=any_text, decisions=any_text, later=any_text)
def test_agenda_items_and_minutes(db, base, title, discussion, decisions, later):
    fields = dict(title=title, discussion=discussion, decisions=decisions)
    item = _create_and_read_back(db, partial(agenda.add_agenda_item, meeting_id=base["meeting"]),
                                 agenda.get_agenda_item, fields)
    if item is None:
        return
    minutes = dict(discussion=later, decisions=discussion)
    with db.session_scope() as s:
        saved = saved_or_refused(lambda: agenda.save_minutes(s, item_id=item.id, **minutes) or True, minutes)
    with db.session_scope() as s:
        _same(agenda.get_agenda_item(s, item.id), minutes if saved else fields)


@HOSTILE
@given(description=any_text, due_on=st.none() | edge_date, update=any_text, on_date=edge_date)
def test_actions_and_progress_updates(db, base, description, due_on, update, on_date):
    fields = dict(description=description, due_on=due_on)
    action = _create_and_read_back(db, partial(actions.add_action, meeting_id=base["meeting"], owner_id=base["person"]),
                                   actions.get_action, fields)
    if action is None:
        return
    assert action.rag in ("red", "amber", "green")
    progress = dict(text=update, on_date=on_date)
    with db.session_scope() as s:
        added = saved_or_refused(lambda: actions.add_update(s, action_id=action.id, **progress), progress)
    with db.session_scope() as s:
        updates = actions.list_updates(s, action.id)
    assert [(u.text, u.on_date) for u in updates] == ([(stored(update), on_date)] if added else [])


@HOSTILE
@given(title=any_text, role=short_text, organisation=any_text, description=any_text, raised_on=edge_date,
       what_happened=any_text, learned=any_text, event_on=st.none() | edge_date)
def test_issues_and_significant_event_analyses(db, base, title, role, organisation, description, raised_on,
                                               what_happened, learned, event_on):
    fields = dict(title=title, raised_by_role=role, raised_by_organisation=organisation, description=description,
                  raised_on=raised_on)
    create = partial(issues.create_issue, group_id=base["group"], raised_by_sector="primary",
                     direction="primary_to_secondary", category="referrals")
    issue = _create_and_read_back(db, create, issues.get_issue, fields)
    if issue is None:
        return
    sea = dict(what_happened=what_happened, learned=learned, event_on=event_on)
    with db.session_scope() as s:
        saved = saved_or_refused(lambda: issues.save_sea(s, issue.id, **sea), sea)
    with db.session_scope() as s:
        again = issues.get_issue(s, issue.id)
    assert (again.sea is not None) == bool(saved)
    if saved:
        _same(again.sea, sea)


@HOSTILE
@given(name=any_text, organisation=any_text, notes=any_text)
@example(name="Àine Ó Súilleabháin", organisation="مستشفى", notes="\u202eevil\u202c")  # found by name ignoring case
def test_people_with_the_same_name_are_kept_apart(db, name, organisation, notes):
    fields = dict(name=name, organisation=organisation, notes=notes)
    with db.session_scope() as s:
        first = saved_or_refused(lambda: people.create_person(s, role="gp", sector="primary", **fields), fields)
    if first is None:
        return
    with db.session_scope() as s:
        second = people.create_person(s, role="consultant", sector="secondary", **fields)  # valid once, valid twice
    with db.session_scope() as s:
        both = [people.get_person(s, first.id), people.get_person(s, second.id)]
        found = people.find_person_by_name(s, name.upper())
    assert first.id != second.id and [p.role for p in both] == ["gp", "consultant"]
    for person in both:
        _same(person, fields)
    if stored(name).upper().casefold() == stored(name).casefold():
        assert found is not None and found.name == stored(name)


@HOSTILE
@given(name=any_text, hscp=short_text, terms=any_text)
@example(name="Comhairle nan Eilean Siar – Àite", hscp="", terms="")
def test_groups_and_their_unique_names(db, name, hscp, terms):
    fields = dict(name=name, hscp=hscp, terms_of_reference=terms)
    group = _create_and_read_back(db, partial(groups.create_group, board="WI"), groups.get_group, fields)
    if group is None:
        return
    with db.session_scope() as s:
        assert groups.find_group_by_name(s, f"  {name.upper()} ").id == group.id or \
            stored(name).upper().casefold() != stored(name).casefold()
    if stored(name).upper().casefold() == stored(name).casefold():
        with db.session_scope() as s, pytest.raises(ValidationError) as refused:
            groups.create_group(s, name=name.upper(), board="WI")
        assert set(refused.value.errors) == {"name"}


@HOSTILE
@given(title=any_text, description=any_text, outcomes=any_text, host=short_text, starts_on=edge_date,
       ends_on=st.none() | edge_date)
def test_activities(db, base, title, description, outcomes, host, starts_on, ends_on):
    fields = dict(title=title, description=description, outcomes=outcomes, host_department=host,
                  starts_on=starts_on, ends_on=ends_on)
    _create_and_read_back(db, partial(activities.create_activity, group_id=base["group"], kind="shadowing"),
                          activities.get_activity, fields)
