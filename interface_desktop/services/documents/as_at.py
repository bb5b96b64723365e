"""Records as they stood at the end of a day, read back from their dated history and the audit trail.

The dates people record win: an issue's dated status changes, the day an action was done, the meeting that
agreed it. The audit trail supplies what carries no date of its own: an action dropped or reopened, a due
date moved, an SEA added. What was changed after the day is undone; nothing changed after it is taken as it
stands, so a report on a past period reads the same however late it is run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import cached_property, lru_cache
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, AuditEntry, InterfaceIssue, IssueStatusChange, Meeting

ACTION_FIELDS = ("status", "due_on", "completed_on")


class Change:
    """One audit entry about a record: when (UTC), the operation, and its field -> [old, new] map, read from
    the stored text only when a field it names is asked for (a report over years reads many entries)."""

    def __init__(self, at: datetime, operation: str, text: str):
        self.at, self.operation, self.text = at, operation, text or "{}"

    def old_and_new(self, field: str) -> tuple[Any, Any] | None:
        if f'"{field}"' not in self.text:
            return None
        change = self.fields.get(field)
        return (change[0], change[1]) if isinstance(change, list) and len(change) == 2 else None

    @cached_property
    def fields(self) -> dict[str, Any]:
        try:
            changes = json.loads(self.text)
        except ValueError:
            return {}
        return changes if isinstance(changes, dict) else {}


@dataclass(frozen=True)
class ActionThen:
    id: int
    status: str
    due_on: date | None
    completed_on: date | None


@lru_cache(maxsize=16)
def day_ends_utc(day: date) -> datetime:
    """The first moment after `day` on this computer's clock, in UTC as the audit trail stores it."""
    midnight = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return midnight.astimezone(timezone.utc).replace(tzinfo=None)


def later_changes(session: Session, *, entity: str, ids: Select, after: date,
                  fields: tuple[str, ...]) -> dict[int, list[Change]]:
    """The audit trail's creations of the records `ids` selects, and its changes to these fields of them,
    recorded after the day `after`; oldest first, by record."""
    touched = or_(AuditEntry.operation == "create", *(AuditEntry.changes.contains(f'"{f}"') for f in fields))
    query = (select(AuditEntry.entity_id, AuditEntry.at, AuditEntry.operation, AuditEntry.changes)
             .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids),
                    AuditEntry.at >= day_ends_utc(after), touched)
             .order_by(AuditEntry.at, AuditEntry.id))
    found: dict[int, list[Change]] = defaultdict(list)
    for entity_id, at, operation, changes in session.execute(query):
        found[entity_id].append(Change(at, operation, changes))
    return found


def value_then(field: str, current: Any, changes: list[Change], day: date) -> Any:
    """The field's value at the end of `day`: what the first change recorded after it replaced (or, for a
    record created later, what it was first saved with), else its value now."""
    cutoff = day_ends_utc(day)
    for change in changes:
        found = change.old_and_new(field) if change.at >= cutoff else None
        if found is not None:
            return found[1] if change.operation == "create" else found[0]
    return current


def created_after(changes: list[Change], day: date) -> bool:
    cutoff = day_ends_utc(day)
    return any(change.operation == "create" and change.at >= cutoff for change in changes)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def actions_then(session: Session, *, group_id: int | None, day: date) -> list[ActionThen]:
    """The actions that existed at the end of `day`, with their status, due date and completion then.

    An action agreed at a meeting exists from the meeting's day; any other from when it was first saved. An
    action done by the day (its recorded completion date) was done then, even if that was recorded later.
    """
    agreed_by_then = or_(Action.meeting_id.is_(None),
                         Meeting.starts_at < datetime.combine(day + timedelta(days=1), time.min))
    query = (select(Action.id, Meeting.starts_at, Action.status, Action.due_on, Action.completed_on)
             .outerjoin(Meeting, Meeting.id == Action.meeting_id).where(agreed_by_then))
    if group_id is not None:
        query = query.where(Action.group_id == group_id)
    ids = query.with_only_columns(Action.id)
    history = later_changes(session, entity="action", ids=ids, after=day, fields=ACTION_FIELDS)
    found = []
    for action_id, agreed_at, status, due_on, completed_on in session.execute(query):
        changes = history.get(action_id, [])
        done_by_then = status == "done" and completed_on is not None and completed_on <= day
        if agreed_at is None and created_after(changes, day) and not done_by_then:
            continue
        due = _day(value_then("due_on", due_on, changes, day))
        if done_by_then:
            found.append(ActionThen(action_id, "done", due, completed_on))
            continue
        then = value_then("status", status, changes, day)
        completed = _day(value_then("completed_on", completed_on, changes, day))
        if then == "done" and (completed is None or completed > day):
            then, completed = "open", None  # first recorded as done, on a later day
        found.append(ActionThen(action_id, then, due, completed if then == "done" else None))
    return found


def issue_statuses(session: Session, *, group_id: int | None) -> dict[int, list[tuple[date, str]]]:
    """Each issue's dated status changes (of one group, or of every group), in the order they took effect."""
    query = (select(IssueStatusChange.issue_id, IssueStatusChange.changed_on, IssueStatusChange.status)
             .order_by(IssueStatusChange.changed_on, IssueStatusChange.id))
    if group_id is not None:
        query = query.join(InterfaceIssue, InterfaceIssue.id == IssueStatusChange.issue_id).where(
            InterfaceIssue.group_id == group_id)
    found: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for issue_id, changed_on, status in session.execute(query):
        found[issue_id].append((changed_on, status))
    return found


def status_on(history: list[tuple[date, str]], day: date) -> str | None:
    """The status at the end of `day`; None before the first recorded change."""
    status = None
    for changed_on, new in history:
        if changed_on > day:
            break
        status = new
    return status
