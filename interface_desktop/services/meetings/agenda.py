"""Agenda items and the minutes written against them, with running start times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import AgendaItem, Group, InterfaceIssue, Meeting, Person
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.meetings.meetings import ensure_editable
from interface_desktop.services.core.validation import TITLE_MAX, Check
from interface_desktop.vocab import AGENDA_KINDS


@dataclass(frozen=True)
class AgendaItemDTO:
    id: int
    meeting_id: int
    position: int
    number: int
    title: str
    presenter_id: int | None
    presenter_name: str
    minutes_allotted: int
    kind: str
    discussion: str
    decisions: str
    issue_id: int | None
    issue_reference: str
    starts_at: datetime


@dataclass(frozen=True)
class AgendaTiming:
    total_minutes: int
    available_minutes: int
    ends_at: datetime

    @property
    def overrun_minutes(self) -> int:
        return max(0, self.total_minutes - self.available_minutes)


ITEM_FIELDS = ("title", "presenter_id", "minutes_allotted", "kind", "issue_id")


def list_agenda(session: Session, meeting_id: int) -> list[AgendaItemDTO]:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    query = (select(AgendaItem, Person.name, InterfaceIssue.reference)
             .outerjoin(Person, Person.id == AgendaItem.presenter_id)
             .outerjoin(InterfaceIssue, InterfaceIssue.id == AgendaItem.issue_id)
             .where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position, AgendaItem.id))
    clock = meeting.starts_at
    result = []
    for number, (item, presenter, reference) in enumerate(session.execute(query), 1):
        result.append(AgendaItemDTO(
            id=item.id, meeting_id=item.meeting_id, position=item.position, number=number, title=item.title,
            presenter_id=item.presenter_id, presenter_name=presenter or "", minutes_allotted=item.minutes_allotted,
            kind=item.kind, discussion=item.discussion, decisions=item.decisions, issue_id=item.issue_id,
            issue_reference=reference or "", starts_at=clock,
        ))
        clock += timedelta(minutes=item.minutes_allotted)
    return result


def get_agenda_item(session: Session, item_id: int) -> AgendaItemDTO:
    item = get_or_raise(session, AgendaItem, item_id, "agenda item")
    return next(dto for dto in list_agenda(session, item.meeting_id) if dto.id == item_id)


def timing(session: Session, meeting_id: int) -> AgendaTiming:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    total = session.scalar(select(func.coalesce(func.sum(AgendaItem.minutes_allotted), 0))
                           .where(AgendaItem.meeting_id == meeting_id)) or 0
    return AgendaTiming(total, meeting.duration_minutes, meeting.starts_at + timedelta(minutes=total))


def _validate(session: Session, fields: dict) -> dict:
    check = Check()
    clean = dict(fields)
    if "title" in fields:
        clean["title"] = check.text("title", fields["title"], required=True, max_len=TITLE_MAX)
    if "minutes_allotted" in fields:
        clean["minutes_allotted"] = check.integer("minutes_allotted", fields["minutes_allotted"], low=0, high=600)
    if "kind" in fields:
        clean["kind"] = check.choice("kind", fields["kind"], AGENDA_KINDS)
    if fields.get("presenter_id") is not None and session.get(Person, fields["presenter_id"]) is None:
        check.fail("presenter_id", f"no person with id {fields['presenter_id']}")
    if fields.get("issue_id") is not None and session.get(InterfaceIssue, fields["issue_id"]) is None:
        check.fail("issue_id", f"no interface issue with id {fields['issue_id']}")
    for key in ("discussion", "decisions"):
        if key in fields:
            clean[key] = check.text(key, fields[key])
    check.done()
    return clean


def _renumber(session: Session, meeting_id: int, ordered_ids: list[int]) -> None:
    items = {i.id: i for i in session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))}
    for position, item_id in enumerate(ordered_ids):
        if items[item_id].position != position:
            items[item_id].position = position
    session.flush()


def _ordered_ids(session: Session, meeting_id: int) -> list[int]:
    return list(session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
                                .order_by(AgendaItem.position, AgendaItem.id)))


def add_agenda_item(
    session: Session, *, meeting_id: int, title: str, kind: str = "discussion", minutes_allotted: int = 10,
    presenter_id: int | None = None, issue_id: int | None = None, position: int | None = None,
    discussion: str = "", decisions: str = "",
) -> AgendaItemDTO:
    """Adds an item; without a position it goes before the closing standing items (AOB, next meeting)."""
    ensure_editable(session, meeting_id)
    clean = _validate(session, dict(title=title, kind=kind, minutes_allotted=minutes_allotted,
                                    presenter_id=presenter_id, issue_id=issue_id, discussion=discussion,
                                    decisions=decisions))
    ids = _ordered_ids(session, meeting_id)
    if position is None:
        position = _business_end(session, meeting_id, ids)
    position = max(0, min(position, len(ids)))
    item = AgendaItem(meeting_id=meeting_id, position=len(ids), **clean)
    session.add(item)
    session.flush()
    ids.insert(position, item.id)
    _renumber(session, meeting_id, ids)
    return get_agenda_item(session, item.id)


def _business_end(session: Session, meeting_id: int, ids: list[int]) -> int:
    """After the last business item; on an agenda of standing items only, after the opening ones."""
    by_id = dict(session.execute(select(AgendaItem.id, AgendaItem.kind).where(AgendaItem.meeting_id == meeting_id))
                 .tuples().all())
    kinds = [by_id[item_id] for item_id in ids]
    business = [n for n, kind in enumerate(kinds) if kind != "standing"]
    if business:
        return business[-1] + 1
    meeting = session.get(Meeting, meeting_id)
    group = session.get(Group, meeting.group_id) if meeting else None
    opening = sum(1 for s in group.standing_items if s.placement == "start") if group else len(ids)
    return min(opening, len(ids))


def update_agenda_item(session: Session, item_id: int, **fields: object) -> AgendaItemDTO:
    item = get_or_raise(session, AgendaItem, item_id, "agenda item")
    ensure_editable(session, item.meeting_id)
    unknown = set(fields) - set(ITEM_FIELDS) - {"discussion", "decisions"}
    if unknown:
        raise TypeError(f"unknown agenda item fields: {sorted(unknown)}")
    for key, value in _validate(session, fields).items():
        setattr(item, key, value)
    session.flush()
    return get_agenda_item(session, item_id)


def save_minutes(session: Session, *, item_id: int, discussion: str, decisions: str) -> None:
    """The autosave path: writes only when the text differs, so idle saves cost nothing."""
    item = get_or_raise(session, AgendaItem, item_id, "agenda item")
    ensure_editable(session, item.meeting_id)
    clean = _validate(session, {"discussion": discussion, "decisions": decisions})
    if item.discussion != clean["discussion"]:
        item.discussion = clean["discussion"]
    if item.decisions != clean["decisions"]:
        item.decisions = clean["decisions"]
    session.flush()


def move_agenda_item(session: Session, *, item_id: int, to_position: int) -> list[AgendaItemDTO]:
    item = get_or_raise(session, AgendaItem, item_id, "agenda item")
    ensure_editable(session, item.meeting_id)
    ids = _ordered_ids(session, item.meeting_id)
    ids.remove(item_id)
    ids.insert(max(0, min(to_position, len(ids))), item_id)
    _renumber(session, item.meeting_id, ids)
    return list_agenda(session, item.meeting_id)


def delete_agenda_item(session: Session, item_id: int) -> None:
    item = get_or_raise(session, AgendaItem, item_id, "agenda item")
    meeting_id = item.meeting_id
    ensure_editable(session, meeting_id)
    session.delete(item)
    session.flush()
    _renumber(session, meeting_id, _ordered_ids(session, meeting_id))
