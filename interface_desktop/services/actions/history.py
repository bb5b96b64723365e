"""An action's status over time: its history, the status it had on a day, how often it was carried forward.

A meeting sees an action as it stood at the end of the day before: a change dated the meeting's day was
made at or after the meeting, so an action closed at the meeting was still reviewed there as open.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, ActionStatusChange, ActionUpdate, Meeting
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.vocab import ACTION_OPEN_STATUSES as OPEN_STATUSES

History = list[tuple[date, str]]


def start(action: Action, raised_on: date) -> None:
    """The history of a new action: open from the day it was raised, then its status if it came in closed."""
    status = action.status or "open"
    first = status if status in OPEN_STATUSES else "open"
    action.status_changes.append(ActionStatusChange(status=first, changed_on=raised_on))
    if status != first:
        closed_on = max(raised_on, action.completed_on or raised_on)
        action.status_changes.append(ActionStatusChange(status=status, changed_on=closed_on))


def record(session: Session, *, action_id: int, status: str, on: date) -> None:
    """A change of status from `on`. A change dated before the action's history begins (an action entered
    after the event) shows it began no later than that: its first status is moved back to the same day."""
    with session.no_autoflush:  # the action's other changes of this edit are written together with this one
        first = session.scalars(select(ActionStatusChange).where(ActionStatusChange.action_id == action_id)
                                .order_by(ActionStatusChange.changed_on, ActionStatusChange.id).limit(1)).first()
    if first is not None and on < first.changed_on:
        first.changed_on = on
    session.add(ActionStatusChange(action_id=action_id, status=status, changed_on=on))


def histories(session: Session, action_ids: Iterable[int]) -> dict[int, History]:
    """Each action's (day, status) changes in the order they took effect."""
    ids = list(action_ids)
    found: dict[int, History] = defaultdict(list)
    if not ids:
        return found
    rows = session.execute(select(ActionStatusChange.action_id, ActionStatusChange.changed_on,
                                  ActionStatusChange.status)
                           .where(ActionStatusChange.action_id.in_(ids))
                           .order_by(ActionStatusChange.changed_on, ActionStatusChange.id))
    for action_id, day, status in rows:
        found[action_id].append((day, status))
    return found


def status_in(history: History, day: date) -> str | None:
    """The status at the end of `day`; None when the action had not been raised yet."""
    status = None
    for changed_on, new in history:
        if changed_on > day:
            break
        status = new
    return status


def statuses_on(session: Session, action_ids: Iterable[int], day: date) -> dict[int, str]:
    """The status of each action at the end of `day`, or its first status when it was raised later."""
    return {action_id: status_in(history, day) or history[0][1]
            for action_id, history in histories(session, action_ids).items() if history}


def open_at_meeting(session: Session, meeting_id: int) -> dict[int, str]:
    """The group's actions open as the meeting began, with their status then; not those agreed at it."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    before = meeting.starts_at.date() - timedelta(days=1)
    latest = (select(ActionStatusChange.status).where(ActionStatusChange.action_id == Action.id,
                                                      ActionStatusChange.changed_on <= before)
              .order_by(ActionStatusChange.changed_on.desc(), ActionStatusChange.id.desc()).limit(1)
              .correlate(Action).scalar_subquery())
    rows = session.execute(select(Action.id, latest).where(
        Action.group_id == meeting.group_id, or_(Action.meeting_id.is_(None), Action.meeting_id != meeting_id)))
    return {action_id: status for action_id, status in rows if status in OPEN_STATUSES}


def updates_on(session: Session, action_ids: Iterable[int], day: date) -> dict[int, str]:
    """The latest progress update of each action written on or before `day`."""
    ids = list(action_ids)
    if not ids:
        return {}
    rows = session.execute(select(ActionUpdate.action_id, ActionUpdate.text)
                           .where(ActionUpdate.action_id.in_(ids), ActionUpdate.on_date <= day)
                           .order_by(ActionUpdate.on_date, ActionUpdate.id))
    return dict(rows.tuples().all())


def carried_counts(session: Session, action_ids: Iterable[int], *, up_to: datetime | None = None) -> dict[int, int]:
    """How many held meetings after the one that raised each action (up to `up_to`) it was open at."""
    ids = list(action_ids)
    if not ids:
        return {}
    actions = session.execute(select(Action.id, Action.group_id, Meeting.starts_at)
                              .outerjoin(Meeting, Meeting.id == Action.meeting_id).where(Action.id.in_(ids))).all()
    held = _held(session, {group_id for _, group_id, _ in actions}, up_to)
    changes = histories(session, ids)
    counts = {}
    for action_id, group_id, raised_at in actions:
        history = changes.get(action_id, [])
        # An action not raised at a meeting was not carried into one held on the day it was raised.
        origin = raised_at or (datetime.combine(history[0][0], time.max) if history else datetime.max)
        counts[action_id] = carried_in(history, origin, held.get(group_id, []))
    return counts


def carried_in(history: History, origin: datetime, held: list[datetime]) -> int:
    """Of the held meetings (sorted), those after `origin` at which the action was open the day before."""
    count, opened = 0, None
    for day, status in [*history, (None, "")]:
        if status in OPEN_STATUSES and opened is None:
            opened = day
        elif status not in OPEN_STATUSES and opened is not None:
            # Open at the end of each day from `opened` to the day before `day`: meetings on the day after.
            low = max(bisect_left(held, datetime.combine(opened + timedelta(days=1), time.min)),
                      bisect_right(held, origin))
            high = len(held) if day is None else bisect_left(held, datetime.combine(day + timedelta(days=1), time.min))
            count += max(0, high - low)
            opened = None
    return count


def _held(session: Session, group_ids: set[int], up_to: datetime | None) -> dict[int, list[datetime]]:
    query = select(Meeting.group_id, Meeting.starts_at).where(Meeting.group_id.in_(group_ids),
                                                              Meeting.status == "held")
    if up_to is not None:
        query = query.where(Meeting.starts_at <= up_to)
    held: dict[int, list[datetime]] = defaultdict(list)
    for group_id, starts_at in session.execute(query.order_by(Meeting.starts_at)):
        held[group_id].append(starts_at)
    return held


def refresh_carried(session: Session, *, group_id: int | None = None, since: date | None = None,
                    action_ids: Iterable[int] | None = None) -> None:
    """Counts the stored carried-forward figure again, for these actions or for those of the group a change
    to its meetings on or after `since` can touch (open now, or closed since)."""
    session.flush()
    if action_ids is None:
        closed_since = select(ActionStatusChange.action_id).where(ActionStatusChange.changed_on >= (since or date.min))
        action_ids = session.scalars(select(Action.id).where(
            Action.group_id == group_id, or_(Action.status.in_(OPEN_STATUSES), Action.id.in_(closed_since))))
    counts = carried_counts(session, action_ids)
    if not counts:
        return
    for action in session.scalars(select(Action).where(Action.id.in_(list(counts)))):
        if action.carried_forward != counts[action.id]:
            action.carried_forward = counts[action.id]
    session.flush()
