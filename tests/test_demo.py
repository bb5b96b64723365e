"""The example data: what a new user finds, loaded once only, through the audited services, free of identifiers."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from pypdf import PdfReader
from sqlalchemy import String, Text, func, select

from interface_desktop.db.base import Base
from interface_desktop.db.models import AuditEntry, SearchDocument
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.meetings import agenda
from interface_desktop.services.meetings import attendance
from interface_desktop.demo import example as demo
from interface_desktop.services.documents import files
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.dashboard import stats
from interface_desktop.services.core.clock import today
from interface_desktop.services.issues.issues import IssueFilter


@pytest.fixture
def session(demo_db):
    with demo_db.sessions() as s:
        yield s
        s.rollback()


@pytest.fixture
def loaded(demo_template):
    return demo_template[1]


def test_summary_counts_what_was_created(session, loaded):
    assert not loaded.already_present
    counts = stats.counts(session)
    assert {k: getattr(loaded, k) for k in counts} == counts
    assert counts["groups"] == 2
    assert counts["people"] >= 25
    assert counts["meetings"] >= 14
    assert counts["actions"] >= 80
    assert 28 <= counts["issues"] <= 35
    assert counts["seas"] >= 3
    assert counts["activities"] >= 10
    assert loaded.papers == 2
    assert "80 actions" in loaded.message or f"{counts['actions']} actions" in loaded.message


def test_second_load_adds_nothing(session, loaded):
    before = stats.counts(session)
    again = demo.load_demo(session)
    assert again.already_present and again.actions == 0
    assert "already there" in again.message
    assert stats.counts(session) == before


def test_groups_are_in_different_boards_with_officers(session, loaded):
    from interface_desktop.services.people import groups
    from interface_desktop.services.people import people

    found = groups.list_groups(session)
    assert len({g.board for g in found}) == 2
    for group in found:
        roles = Counter(m.group_role for m in people.list_members(session, group_id=group.id))
        assert roles["lead"] == 1 and roles["secretary"] == 1 and roles["co-lead"] == 1
    sectors = Counter(p.sector for p in people.list_people(session))
    roles = Counter(p.role for p in people.list_people(session))
    assert sectors["primary"] >= 8 and sectors["secondary"] >= 8
    assert {"gp", "consultant", "nurse", "practice_manager", "manager", "pharmacist"} <= set(roles)


def test_a_year_of_meetings_with_minutes_in_every_state(session, loaded):
    on = today()
    for group_id in {m.group_id for m in meetings.list_meetings(session)}:
        past = meetings.list_meetings(session, group_id=group_id, when="past")
        upcoming = meetings.list_meetings(session, group_id=group_id, when="upcoming")
        assert 1 <= len(upcoming) <= 2 and all(m.status == "planned" for m in upcoming)
        assert (on - past[-1].starts_at.date()).days >= 300
        latest, *earlier = past
        assert latest.minutes_status in ("draft", "circulated") and latest.status == "held"
        assert all(m.minutes_status == "approved" and m.locked for m in earlier)
        items = agenda.list_agenda(session, latest.id)
        business = [i for i in items if i.kind != "standing"]
        assert 2 <= len(business) <= 4
        assert all(i.presenter_id and i.discussion and i.decisions for i in business)
        assert all(i.discussion for i in items)
        register = Counter(a.status for a in attendance.list_attendance(session, latest.id))
        assert register["present"] >= 5 and register["apologies"] >= 1
        nxt = upcoming[0]
        assert all(i.presenter_id for i in agenda.list_agenda(session, nxt.id) if i.kind != "standing")
    declarations = [a for m in meetings.list_meetings(session, when="past")
                    for a in attendance.list_attendance(session, m.id) if a.declaration]
    assert declarations


def test_actions_in_every_status_and_rag(session, loaded):
    listed = actions.list_actions(session)
    assert set(Counter(a.status for a in listed)) == {"open", "in_progress", "done", "dropped"}
    assert {"red", "amber", "green", "grey"} <= {a.rag for a in listed}
    assert max(a.carried_forward for a in listed) >= 2
    assert sum(1 for a in listed if a.last_update) >= 30
    assert all(a.completed_on and a.completed_on <= today() for a in listed if a.status == "done")
    assert all(a.owner_id for a in listed)


def test_issues_span_categories_directions_statuses_with_full_seas(session, loaded):
    found = issues.list_issues(session)
    assert {i.direction for i in found} == {"primary_to_secondary", "secondary_to_primary", "both"}
    assert {i.status for i in found} == {"new", "under_review", "action_agreed", "resolved", "closed"}
    assert len({i.category for i in found}) >= 8
    assert len({i.specialty for i in found}) >= 10
    assert {i.severity for i in found} == {"low", "moderate", "high", "severe"}
    with_sea = issues.list_issues(session, IssueFilter(has_sea=True))
    for issue in with_sea:
        sea = issue.sea
        assert all([sea.what_happened, sea.why, sea.learned, sea.changed, sea.impact, sea.contributory_factors,
                    sea.learning_needs, sea.harm, sea.risk_grade, sea.event_on])
    full = issues.get_issue(session, with_sea[0].id)
    assert len(full.history) >= 2 and full.meeting_ids


def test_activities_with_pairs_feedback_and_events(session, loaded):
    found = activities.list_activities(session)
    kinds = Counter(a.kind for a in found)
    assert kinds["shadowing"] >= 4 and kinds["webinar"] >= 1 and kinds["shared_learning"] >= 1
    for pair in (a for a in found if a.kind == "shadowing"):
        assert {p.sector for p in pair.participants} == {"primary", "secondary"}
        assert pair.host_department and any(p.reflection for p in pair.participants)
        assert pair.average_score is not None


def test_next_meeting_papers_are_readable_pdfs(session, loaded):
    nxt = next(m for m in meetings.list_meetings(session, when="upcoming") if m.paper_count)
    papers = files.list_papers(session, nxt.id)
    assert len(papers) == 2 and all(p.agenda_item_id for p in papers)
    for paper in papers:
        name, data = files.read_paper(session, paper.id)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert name.endswith(".pdf") and paper.title.split(":")[0] in text


def test_everything_went_through_the_audited_services(session, loaded):
    audited = set(session.scalars(select(AuditEntry.entity).distinct()))
    assert {"interface_group", "person", "meeting", "agenda_item", "action", "interface_issue", "activity",
            "attendance", "paper"} <= audited
    assert session.scalar(select(func.count()).select_from(SearchDocument)) > 300


PATIENT_PATTERNS = {
    "CHI or NHS number": re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b"),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"),
    "patient title": re.compile(r"\b(Mr|Mrs|Miss|Ms)\.? [A-Z][a-z]+"),
    "date of birth": re.compile(r"\b(DOB|date of birth)\b", re.IGNORECASE),
}


def test_no_patient_identifiers_anywhere(session, loaded):
    texts = []
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
        if table.name == "audit_entry" or not columns:
            continue
        for row in session.execute(select(*columns)):
            texts.extend(value for value in row if value)
    assert len(texts) > 1000
    for label, pattern in PATIENT_PATTERNS.items():
        hits = [t for t in texts if pattern.search(t)]
        if label == "patient title":
            # Staff members are named with their own title; patients never are.
            hits = [t for t in hits if not re.search(r"\bMs (Lindsay|Adeyemi|McLean|Mackay|Duncan)\b", t)]
        assert not hits, f"{label}: {hits[:3]}"


def test_same_day_gives_the_same_example(db, demo_db):
    with db.session_scope() as fresh, demo_db.session_scope() as template:
        demo.load_demo(fresh)
        assert _shape(fresh) == _shape(template)


def _shape(s):  # a Session in, comparable rows out
    return ([(a.description, a.status, a.due_on, a.carried_forward) for a in actions.list_actions(s)],
            [(i.reference, i.status, i.raised_on) for i in issues.list_issues(s)])
