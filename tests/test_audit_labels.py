"""A record's history as a reader sees it: labels for codes, names for linked records, UK dates."""

from __future__ import annotations

from interface_desktop.exports import history_csv
from interface_desktop.services.actions import actions
from interface_desktop.services.audit import trail as audit
from interface_desktop.services.audit import labels as audit_labels
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people


def _changes(entries, operation):
    return [entry.changes for entry in entries if entry.operation == operation]


def test_an_action_history_names_its_owner_and_meeting_and_shows_labels_and_uk_dates(session):
    group = groups.create_group(session, name="Highland Interface Group", board="HG")
    first = people.create_person(session, name="Dr Ann Smith", role="gp", sector="primary")
    second = people.create_person(session, name="Mr Rob Kerr", role="consultant", sector="secondary")
    meeting = meetings.create_meeting(session, group_id=group.id, starts_at="2026-10-01 14:00")
    action = actions.add_action(session, meeting_id=meeting.id, description="Audit letters", owner_id=first.id,
                                due_on="2026-12-01")
    actions.update_action(session, action.id, owner_id=second.id, status="in_progress", due_on="2026-12-08")

    readable = audit_labels.readable_history(session, "action", action.id)
    created = _changes(readable, "create")[0]
    assert created["meeting_id"][-1] == f"Meeting of 01/10/2026 (no. {meeting.id})"
    assert created["group_id"][-1] == f"Highland Interface Group (no. {group.id})"
    changed = _changes(readable, "update")[-1]
    assert changed["owner_id"] == [f"Dr Ann Smith (no. {first.id})", f"Mr Rob Kerr (no. {second.id})"]
    assert changed["status"] == ["Open", "In progress"]
    assert changed["due_on"] == ["01/12/2026", "08/12/2026"]
    # The stored trail itself keeps the codes.
    raw = _changes(audit.history(session, "action", action.id), "update")[-1]
    assert raw["status"] == ["open", "in_progress"]

    rows = history_csv.history_rows(readable)
    owner_row = [row for row in rows if row.field == "Owner"][-1]
    assert (owner_row.old, owner_row.new) == (f"Dr Ann Smith (no. {first.id})", f"Mr Rob Kerr (no. {second.id})")


def test_an_issue_history_shows_direction_category_and_status_labels(session):
    group = groups.create_group(session, name="Lothian Interface Group", board="LO")
    issue = issues.create_issue(session, group_id=group.id, title="Letters late", raised_by_role="gp",
                                raised_by_sector="primary", direction="secondary_to_primary", category="prescribing",
                                raised_on="2026-11-13")
    issues.update_issue(session, issue.id, severity="high", direction="both")

    readable = audit_labels.readable_history(session, "issue", issue.id)
    created = _changes(readable, "create")[0]
    assert created["direction"][-1] == "Secondary → primary"
    assert created["category"][-1] == "Prescribing and medicines"
    assert created["raised_by_sector"][-1] == "Primary care"
    assert created["raised_on"][-1] == "13/11/2026"
    assert created["board"][-1] == "Lothian"
    changed = _changes(readable, "update")[-1]
    assert changed["severity"] == ["Moderate", "High"]
    assert changed["direction"] == ["Secondary → primary", "Both directions"]


def test_a_link_to_a_deleted_record_says_so(session):
    group = groups.create_group(session, name="Fife Interface Group", board="FF")
    person = people.create_person(session, name="Dr Gone", role="gp", sector="primary")
    action = actions.add_action(session, group_id=group.id, description="Write to board", owner_id=person.id)
    actions.update_action(session, action.id, owner_id=None)
    people.delete_person(session, person.id)

    changed = _changes(audit_labels.readable_history(session, "action", action.id), "update")[-1]
    assert changed["owner_id"] == [f"No. {person.id} (since deleted)", None]
