"""The audit trail: every write path recorded with old -> new, and append-only in the database itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DatabaseError

import interface_desktop.services as services_package
from interface_desktop.db.models import Action, AgendaItem, AuditEntry, InterfaceIssue, Meeting
from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.audit import trail as audit
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.meetings import planning


@pytest.fixture
def cycle(session):
    g = groups.create_group(session, name="Highland Interface Group", board="HG")
    p = people.create_person(session, name="Dr Ann Smith", role="gp", sector="primary")
    m = meetings.create_meeting(session, group_id=g.id, starts_at="2026-10-01 14:00")
    a1 = actions.add_action(session, meeting_id=m.id, description="Audit letters", owner_id=p.id, due_on="2026-12-01")
    a2 = actions.add_action(session, meeting_id=m.id, description="Write to board", due_on="2026-12-05")
    return g, p, m, a1, a2


def test_the_trail_cannot_be_changed_or_deleted_even_with_plain_sql(session, cycle):
    assert session.scalar(select(func.count(AuditEntry.id))) > 0
    for statement in (update(AuditEntry).values(user="someone else"), delete(AuditEntry),
                      text("DELETE FROM audit_entry WHERE id = 1")):
        with pytest.raises(DatabaseError, match="append-only"), session.begin_nested():
            session.execute(statement)


def test_no_service_module_writes_the_trail_except_by_adding_entries():
    folder = Path(services_package.__file__).parent
    for source in folder.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "update", "delete"):
                args = [a.id for a in node.args if isinstance(a, ast.Name)]
                assert "AuditEntry" not in args, f"{source.name}:{node.lineno} changes the audit trail"


def _ops(session, entity, entity_id):
    return [(e.operation, e.changes) for e in audit.history(session, entity, entity_id)]


def test_bulk_status_change_records_each_action(session, cycle):
    *_, a1, a2 = cycle
    actions.bulk_set_status(session, [a1.id, a2.id], "done", on=None)
    for action in (a1, a2):
        last = audit.history(session, "action", action.id)[-1]
        assert last.operation == "update" and last.changes["status"] == ["open", "done"]


def test_carry_forward_and_unlock_are_recorded(session, cycle):
    g, p, m, a1, a2 = cycle
    nxt, carried = planning.create_next_meeting(session, after_meeting_id=m.id, starts_at="2026-12-02 14:00")
    assert carried == 2
    meetings.mark_held(session, nxt.id)
    assert audit.history(session, "action", a1.id)[-1].changes["carried_forward"] == [0, 1]
    assert audit.history(session, "meeting", nxt.id)[0].operation == "create"
    approval.approve_minutes(session, m.id)
    meetings.unlock_minutes(session, m.id, reason="Typo in item 5")
    trail = audit.history(session, "meeting", m.id)
    assert ("unlock", {"reason": "Typo in item 5"}) in [(e.operation, e.changes) for e in trail]
    assert any(e.changes.get("minutes_status") == ["draft", "approved"] for e in trail)


def test_minutes_and_issue_edits_record_old_and_new(session, cycle):
    g, p, m, *_ = cycle
    item = agenda.add_agenda_item(session, meeting_id=m.id, title="Results")
    agenda.save_minutes(session, item_id=item.id, discussion="First", decisions="")
    agenda.save_minutes(session, item_id=item.id, discussion="Second", decisions="Agreed")
    assert audit.history(session, "agenda_item", item.id)[-1].changes["discussion"] == ["First", "Second"]
    issue = issues.create_issue(session, group_id=g.id, title="Results", raised_on="2026-11-02", raised_by_role="GP",
                                raised_by_sector="primary", direction="both", category="results")
    issues.set_status(session, issue.id, "under_review")
    assert audit.history(session, "issue", issue.id)[-1].changes["status"] == ["new", "under_review"]


@pytest.mark.parametrize("remove", ["meeting", "group"])
def test_deleting_a_parent_records_every_record_removed_with_it(session, cycle, remove):
    g, p, m, a1, a2 = cycle
    item_ids = session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == m.id)).all()
    if remove == "meeting":
        meetings.delete_meeting(session, m.id)
    else:
        groups.delete_group(session, g.id)
    session.flush()
    assert session.get(Meeting, m.id) is None
    for entity, ids in (("agenda_item", item_ids), ("meeting", [m.id])):
        for entity_id in ids:
            assert audit.history(session, entity, entity_id)[-1].operation == "delete", (entity, entity_id)
    for action in (a1, a2):
        if session.get(Action, action.id) is None:
            assert audit.history(session, "action", action.id)[-1].operation == "delete"
    assert session.scalar(select(func.count(InterfaceIssue.id))) == 0
