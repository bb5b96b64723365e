"""Plain JSON-ready rows of each record kind, for the CLI's `list` and for scripts."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from interface_desktop.cli.known import check_list_filters
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents.snapshot import to_plain as _plain
from interface_desktop.services.issues.issues import IssueFilter


def _with(dto: Any, **extra: Any) -> dict[str, Any]:
    row = _plain(dto)
    row.update(extra)
    return row


def list_rows(
    session: Session, kind: str, *, group_id: int | None = None, status: tuple[str, ...] | None = None,
    owner_id: int | None = None, overdue: bool | None = None, due_from: date | None = None,
    due_to: date | None = None, category: str | None = None, direction: str | None = None, when: str | None = None,
    activity_kind: str | None = None, text: str | None = None,
) -> list[dict[str, Any]]:
    check_list_filters(session, kind, group_id=group_id, owner_id=owner_id, status=status, category=category,
                       direction=direction, activity_kind=activity_kind)
    if kind == "groups":
        return [_plain(g) for g in groups.list_groups(session)]
    if kind == "people":
        return [_plain(p) for p in people.list_people(session, group_id=group_id, text=text)]
    if kind == "meetings":
        found = meetings.list_meetings(session, group_id=group_id, when=when, status=status[0] if status else None)
        return [_with(m, ends_at=m.ends_at.isoformat(), locked=m.locked) for m in found]
    if kind == "actions":
        flt = ActionFilter(group_id=group_id, status=status, owner_id=owner_id, overdue=overdue, due_from=due_from,
                           due_to=due_to, text=text)
        return [_with(a, rag_label=a.rag_label) for a in actions.list_actions(session, flt)]
    if kind == "issues":
        flt = IssueFilter(group_id=group_id, status=status, category=category, direction=direction, text=text)
        return [_plain(i) for i in issues.list_issues(session, flt)]
    if kind == "activities":
        found = activities.list_activities(session, group_id=group_id, kind=activity_kind)
        return [_with(a, average_score=a.average_score) for a in found]
    raise ValidationError({"kind": f"unknown kind {kind!r}"})
