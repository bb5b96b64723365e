"""Service layer: validation messages per field, and the queries behind lists, dashboard and search."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from interface_desktop.db import sqlite_adapter
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.meetings import agenda
from interface_desktop.services.dashboard import dashboard
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.search import search
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.errors import NotFoundError, ValidationError
from interface_desktop.services.issues.issues import IssueFilter
from interface_desktop.vocab import ISSUE_OPEN_STATUSES

TODAY = date(2026, 11, 23)


@pytest.fixture
def group(session):
    return groups.create_group(session, name="Fife Interface Group", board="FF")


def _errors(call, *args, **kwargs) -> dict[str, str]:  # any service function
    with pytest.raises(ValidationError) as err:
        call(*args, **kwargs)
    return err.value.errors


def test_empty_title_is_named(session, group):
    meeting = meetings.create_meeting(session, group_id=group.id, starts_at="2026-12-01 14:00")
    assert _errors(agenda.add_agenda_item, session, meeting_id=meeting.id, title="   ") == {"title": "is required"}
    assert "title" in _errors(issues.create_issue, session, group_id=group.id, title="", raised_by_role="GP",
                              raised_by_sector="primary", direction="both", category="letters")


def test_end_before_start(session, group):
    errors = _errors(activities.create_activity, session, group_id=group.id, kind="visit", title="Visit",
                     starts_on="2026-10-10", ends_on="2026-10-01")
    assert errors == {"ends_on": "must not be before starts on"}


def test_impossible_dates(session, group):
    assert "not a valid date" in _errors(actions.add_action, session, group_id=group.id, description="x",
                                         due_on="2026-02-30")["due_on"]
    assert "not a valid date and time" in _errors(meetings.create_meeting, session, group_id=group.id,
                                                  starts_at="2026-13-01 14:00")["starts_at"]
    assert "future" in _errors(issues.create_issue, session, group_id=group.id, title="t", raised_by_role="GP",
                               raised_by_sector="primary", direction="both", category="letters",
                               raised_on="2030-01-01")["raised_on"]


def test_unknown_owner_status_and_choices(session, group):
    errors = _errors(actions.add_action, session, group_id=group.id, description="Audit", owner_id=424242,
                     status="finished")
    assert errors["owner_id"].startswith("owner unknown")
    assert errors["status"].startswith("must be one of: open, in_progress, done, dropped")
    assert "sector" in _errors(people.create_person, session, name="Dr A", role="gp", sector="tertiary")
    with pytest.raises(NotFoundError, match="no meeting with id 99"):
        meetings.get_meeting(session, 99)


def test_text_over_limits(session, group):
    errors = _errors(groups.update_group, session, group.id, name="G" * 201)
    assert errors == {"name": "is too long (201 characters; the limit is 200)"}
    assert "too long" in _errors(actions.add_action, session, group_id=group.id, description="d" * 5001)["description"]


def test_upcoming_soonest_first_and_past_latest_first(demo_db):
    with demo_db.session_scope() as s:
        upcoming = meetings.list_meetings(s, when="upcoming")
        past = meetings.list_meetings(s, when="past")
        now = datetime(2026, 11, 23)
        assert upcoming and all(m.starts_at >= now for m in upcoming)
        assert [m.starts_at for m in upcoming] == sorted(m.starts_at for m in upcoming)
        assert all(m.starts_at < now for m in past)
        assert [m.starts_at for m in past] == sorted((m.starts_at for m in past), reverse=True)
        assert len(upcoming) + len(past) == len(meetings.list_meetings(s))


def test_action_filters(demo_db):
    with demo_db.session_scope() as s:
        every = actions.list_actions(s)
        overdue = actions.list_actions(s, ActionFilter(overdue=True))
        assert overdue and all(a.is_open and a.due_on < TODAY for a in overdue)
        assert actions.count_actions(s, ActionFilter(overdue=True)) == len(overdue)
        owner = every[0].owner_id
        assert {a.owner_id for a in actions.list_actions(s, ActionFilter(owner_id=owner))} == {owner}
        window = actions.list_actions(s, ActionFilter(due_from=TODAY, due_to=TODAY + timedelta(days=7),
                                                      status=("open", "in_progress")))
        assert window and all(a.rag == "amber" for a in window)
        assert all("letter" in a.description.lower() or "letter" in a.owner_name.lower()
                   for a in actions.list_actions(s, ActionFilter(text="LETTER")))
        group_id = every[0].group_id
        assert {a.group_id for a in actions.list_actions(s, ActionFilter(group_id=group_id))} == {group_id}


def test_issue_filters(demo_db):
    with demo_db.session_scope() as s:
        assert {i.category for i in issues.list_issues(s, IssueFilter(category="referrals"))} == {"referrals"}
        assert {i.direction for i in issues.list_issues(s, IssueFilter(direction="both"))} == {"both"}
        open_ones = issues.list_issues(s, IssueFilter(status=ISSUE_OPEN_STATUSES))
        assert open_ones and all(i.is_open for i in open_ones)
        seas = issues.list_issues(s, IssueFilter(has_sea=True))
        assert seas and all(i.sea for i in seas)
        found = issues.list_issues(s, IssueFilter(text="anticoagulant"))
        assert found and all("anticoagulant" in (i.title + i.description).lower() for i in found)


def test_dashboard_for_one_group(demo_db):
    with demo_db.session_scope() as s:
        group = next(g for g in groups.list_groups(s) if g.board == "LO")
        board = dashboard.summary(s, group_id=group.id)
        assert board.next_meeting is not None and board.next_meeting.group_id == group.id
        assert board.readiness.papers == 2
        assert board.overdue_total == actions.count_actions(s, ActionFilter(group_id=group.id, overdue=True))
        assert board.issues.open_total == len(issues.list_issues(s, IssueFilter(group_id=group.id,
                                                                                status=ISSUE_OPEN_STATUSES)))


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "plain"])
def test_search_finds_the_same_records_with_and_without_fts(demo_db, monkeypatch, fts):
    if not fts:
        monkeypatch.setattr(sqlite_adapter, "fts_available", lambda conn: False)
    with demo_db.session_scope() as s:
        hits = search.search(s, "anticoagulant discharge")
        kinds = {h.kind for h in hits}
        assert {"issue", "sea"} <= kinds
        assert all(h.title for h in hits)
        assert "person" in {h.kind for h in search.search(s, "okafor")}
        assert search.search(s, "zzzzqqq") == []
        highland = next(g for g in groups.list_groups(s) if g.board == "HG")
        scoped = search.search(s, "letters", group_id=highland.id)
        assert all(h.group_id in (highland.id, None) for h in scoped)


def test_listed_activities_carry_exactly_their_participants_and_feedback(demo_db):
    """The list is read as plain columns; it must agree with the records as the ORM loads them."""
    from sqlalchemy import select

    from interface_desktop.db.models import Activity

    with demo_db.session_scope() as s:
        listed = {a.id: a for a in activities.list_activities(s)}
        stored = s.scalars(select(Activity).order_by(Activity.starts_on.desc(), Activity.id.desc())).all()
        assert list(listed) == [a.id for a in stored] and any(a.participants for a in stored)
        for record in stored:
            dto = listed[record.id]
            assert (dto.title, dto.kind, dto.starts_on, dto.ends_on, dto.outcomes) == (
                record.title, record.kind, record.starts_on, record.ends_on, record.outcomes)
            assert [(p.id, p.person_id, p.role, p.reflection) for p in dto.participants] == [
                (p.id, p.person_id, p.role, p.reflection) for p in record.participants]
            assert [(f.id, f.score, f.sector, f.comment) for f in dto.feedback] == [
                (f.id, f.score, f.sector, f.comment) for f in record.feedback]
        one_group = stored[0].group_id
        assert {a.group_id for a in activities.list_activities(s, group_id=one_group)} == {one_group}


def test_people_to_choose_for_a_meeting_are_its_members_first_then_everyone_active(db):
    with db.session_scope() as s:
        g = groups.create_group(s, name="Fife Interface Group", board="FF")
        zed = people.create_person(s, name="Dr Zed Member", role="gp", sector="primary", organisation="Leven Practice")
        people.create_person(s, name="Amy Outsider", role="manager", sector="other")
        gone = people.create_person(s, name="Bob Gone", role="gp", sector="primary")
        left = people.create_person(s, name="Carl Left", role="gp", sector="primary")
        people.set_membership(s, group_id=g.id, person_id=zed.id)
        people.set_membership(s, group_id=g.id, person_id=left.id)
        people.remove_membership(s, group_id=g.id, person_id=left.id)
        people.update_person(s, gone.id, active=False)
        chosen = people.choices_for_group(s, group_id=g.id)
        assert [c.name for c in chosen] == ["Dr Zed Member", "Amy Outsider", "Carl Left"]
        assert chosen[0].description == people.get_person(s, zed.id).description == "GP, Leven Practice"
