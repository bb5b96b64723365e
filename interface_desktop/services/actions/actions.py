"""The action log: actions, progress updates, derived RAG, filters and bulk status changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from interface_desktop.db.models import Action, ActionUpdate, AgendaItem, Group, InterfaceIssue, Meeting, Person
from interface_desktop.services.actions import history
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.status import ActionRag
from interface_desktop.services.core.validation import Check
from interface_desktop.vocab import ACTION_OPEN_STATUSES, ACTION_STATUSES, due_soon_until, rag_for


@dataclass(frozen=True)
class ActionDTO(ActionRag):
    id: int
    reference: str
    group_id: int
    group_name: str
    meeting_id: int | None
    meeting_date: date | None
    agenda_item_id: int | None
    issue_id: int | None
    issue_reference: str
    description: str
    owner_id: int | None
    owner_name: str
    due_on: date | None
    status: str
    completed_on: date | None
    carried_forward: int
    rag: str
    last_update: str = ""


@dataclass(frozen=True)
class ActionUpdateDTO:
    id: int
    action_id: int
    on_date: date
    text: str


@dataclass(frozen=True)
class ActionFilter:
    """Every filter of the action log; None means "any"."""

    group_id: int | None = None
    status: tuple[str, ...] | None = None
    owner_id: int | None = None
    rag: tuple[str, ...] | None = None
    overdue: bool | None = None
    due_from: date | None = None
    due_to: date | None = None
    text: str | None = None
    meeting_id: int | None = None
    issue_id: int | None = None
    ids: tuple[int, ...] | None = field(default=None)


def rag_condition(rag: str, on: date) -> ColumnElement[bool]:
    """The rows of one RAG colour, as vocab.rag_for decides, written so the (status, due_on) index can find them."""
    is_open = Action.status.in_(ACTION_OPEN_STATUSES)
    soon = due_soon_until(on)
    if rag == "grey":
        return Action.status == "dropped"
    if rag == "red":
        return and_(is_open, Action.due_on < on)
    if rag == "amber":
        return and_(is_open, Action.due_on >= on, Action.due_on <= soon)
    return or_(Action.status == "done", and_(is_open, or_(Action.due_on.is_(None), Action.due_on > soon)))


def _apply(query, flt: ActionFilter, on: date):  # noqa: ANN001, ANN202 - Select in, Select out
    if flt.group_id is not None:
        query = query.where(Action.group_id == flt.group_id)
    if flt.status:
        # Done actions pile up year after year (nine in ten at ten years); open, in-progress and dropped ones
        # stay few. With a text search over done actions, hiding the status column from the index
        # ("status || ''") makes SQLite scan the table in order instead of fetching most rows one by one
        # (36 ms against 48 ms at 100,000 actions); without done ones the index reads a few rows (5 ms
        # against 15 ms).
        scan = flt.text and "done" in flt.status
        status = Action.status.concat("") if scan else Action.status
        query = query.where(status.in_(flt.status))
    if flt.owner_id is not None:
        query = query.where(Action.owner_id == flt.owner_id)
    if flt.rag:
        query = query.where(or_(*[rag_condition(rag, on) for rag in flt.rag]))
    if flt.overdue is not None:
        overdue = rag_condition("red", on)
        query = query.where(overdue if flt.overdue else ~overdue)
    if flt.due_from is not None:
        query = query.where(Action.due_on >= flt.due_from)
    if flt.due_to is not None:
        query = query.where(Action.due_on <= flt.due_to)
    if flt.text:
        like = "%" + flt.text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # The owner's name is matched through a list of people, not a join, so the filter scans one table.
        owners = select(Person.id).where(func.lower(Person.name).like(like, escape="\\"))
        query = query.where(or_(func.lower(Action.description).like(like, escape="\\"),
                                Action.owner_id.in_(owners)))
    if flt.meeting_id is not None:
        query = query.where(or_(Action.meeting_id == flt.meeting_id, Action.last_carried_meeting_id == flt.meeting_id))
    if flt.issue_id is not None:
        query = query.where(Action.issue_id == flt.issue_id)
    if flt.ids is not None:
        query = query.where(Action.id.in_(flt.ids))
    return query


SORT_COLUMNS = {
    "due": (Action.due_on.is_(None), Action.due_on, Action.id),
    "id": (Action.id,),
    "reference": (Action.reference, Action.id),
    "status": (Action.status, Action.due_on, Action.id),
    "owner": (Person.name, Action.due_on, Action.id),
    "group": (Group.name, Action.due_on, Action.id),
    "description": (Action.description, Action.id),
    "meeting": (Meeting.starts_at, Action.id),
    "carried": (Action.carried_forward, Action.id),
}


ROW_COLUMNS = (Action.id, Action.reference, Action.group_id, Action.meeting_id, Action.agenda_item_id,
               Action.issue_id, Action.description, Action.owner_id, Action.due_on, Action.status, Action.completed_on,
               Action.carried_forward)


def list_actions(
    session: Session, flt: ActionFilter | None = None, *, on: date | None = None, order_by: str = "due",
    descending: bool = False, limit: int | None = None, offset: int = 0,
) -> list[ActionDTO]:
    flt, on = flt or ActionFilter(), on or today()
    latest = (select(ActionUpdate.text).where(ActionUpdate.action_id == Action.id)
              .order_by(ActionUpdate.on_date.desc(), ActionUpdate.id.desc()).limit(1).correlate(Action)
              .scalar_subquery())
    # Plain columns, not Action entities: a page of rows needs no identity map or instance state.
    query = (select(*ROW_COLUMNS, Group.name.label("group_name"), Person.name.label("owner_name"),
                    Meeting.starts_at.label("meeting_starts"), InterfaceIssue.reference.label("issue_reference"),
                    latest.label("last_update"))
             .join(Group, Group.id == Action.group_id)
             .outerjoin(Person, Person.id == Action.owner_id)
             .outerjoin(Meeting, Meeting.id == Action.meeting_id)
             .outerjoin(InterfaceIssue, InterfaceIssue.id == Action.issue_id))
    columns = SORT_COLUMNS.get(order_by, SORT_COLUMNS["due"])
    ordering = [c.desc() for c in columns] if descending else list(columns)
    if limit is None and not offset:
        query = _apply(query, flt, on).order_by(*ordering)
    else:
        query = query.where(Action.id.in_(_page_ids(flt, on, ordering, limit, offset))).order_by(*ordering)
    return [
        ActionDTO(
            id=a.id, reference=a.reference, group_id=a.group_id, group_name=a.group_name, meeting_id=a.meeting_id,
            meeting_date=a.meeting_starts.date() if a.meeting_starts else None, agenda_item_id=a.agenda_item_id,
            issue_id=a.issue_id, issue_reference=a.issue_reference or "", description=a.description,
            owner_id=a.owner_id, owner_name=a.owner_name or "", due_on=a.due_on, status=a.status,
            completed_on=a.completed_on, carried_forward=a.carried_forward, rag=rag_for(a.status, a.due_on, on),
            last_update=a.last_update or "",
        )
        for a in session.execute(query)
    ]


def _page_ids(flt: ActionFilter, on: date, ordering: list, limit: int | None, offset: int):  # noqa: ANN202
    """The ids of one page, chosen before anything is joined for display (SQLite drops the unused joins),
    so the latest update and the names are looked up for the page's rows only, not for every action."""
    query = (select(Action.id).select_from(Action)
             .outerjoin(Group, Group.id == Action.group_id)
             .outerjoin(Person, Person.id == Action.owner_id)
             .outerjoin(Meeting, Meeting.id == Action.meeting_id))
    query = _apply(query, flt, on).order_by(*ordering).offset(offset)
    return (query.limit(limit) if limit is not None else query).scalar_subquery()


def count_actions(session: Session, flt: ActionFilter | None = None, *, on: date | None = None) -> int:
    query = select(func.count(Action.id)).select_from(Action)
    return session.scalar(_apply(query, flt or ActionFilter(), on or today())) or 0


def get_action(session: Session, action_id: int) -> ActionDTO:
    get_or_raise(session, Action, action_id, "action")
    return list_actions(session, ActionFilter(ids=(action_id,)))[0]


def _validate(session: Session, fields: dict) -> dict:
    check = Check()
    clean = dict(fields)
    if "description" in fields:
        clean["description"] = check.text("description", fields["description"], required=True, max_len=5000)
    if "status" in fields:
        clean["status"] = check.choice("status", fields["status"], ACTION_STATUSES)
    if "due_on" in fields:
        clean["due_on"] = check.date_value("due_on", fields["due_on"])
    if fields.get("owner_id") is not None and session.get(Person, fields["owner_id"]) is None:
        check.fail("owner_id", f"owner unknown: no person with id {fields['owner_id']}")
    if fields.get("issue_id") is not None and session.get(InterfaceIssue, fields["issue_id"]) is None:
        check.fail("issue_id", f"no interface issue with id {fields['issue_id']}")
    check.done()
    return clean


def add_action(
    session: Session, *, description: str, group_id: int | None = None, meeting_id: int | None = None,
    agenda_item_id: int | None = None, issue_id: int | None = None, owner_id: int | None = None,
    due_on: date | str | None = None, status: str = "open",
) -> ActionDTO:
    """An action from a meeting (its group is the meeting's), an agenda item, or an issue."""
    if agenda_item_id is not None:
        meeting_id = get_or_raise(session, AgendaItem, agenda_item_id, "agenda item").meeting_id
    if meeting_id is not None:
        group_id = get_or_raise(session, Meeting, meeting_id, "meeting").group_id
    if issue_id is not None and group_id is None:
        group_id = get_or_raise(session, InterfaceIssue, issue_id, "interface issue").group_id
    check = Check()
    if group_id is None or session.get(Group, group_id) is None:
        check.fail("group_id", "an action belongs to a group, a meeting or an issue")
        check.done()
    clean = _validate(session, dict(description=description, owner_id=owner_id, due_on=due_on, status=status,
                                    issue_id=issue_id))
    action = Action(group_id=group_id, meeting_id=meeting_id, agenda_item_id=agenda_item_id, **clean)
    if action.status == "done":
        action.completed_on = today()
    session.add(action)
    session.flush()
    if meeting_id is not None:  # added to the minutes of a meeting later ones may already have reviewed
        history.refresh_carried(session, action_ids=[action.id])
    return get_action(session, action.id)


def update_action(session: Session, action_id: int, **fields: object) -> ActionDTO:
    action = get_or_raise(session, Action, action_id, "action")
    unknown = set(fields) - {"description", "owner_id", "due_on", "status", "issue_id"}
    if unknown:
        raise TypeError(f"unknown action fields: {sorted(unknown)}")
    clean = _validate(session, fields)
    status_changed = "status" in clean and _set_status(session, action, clean.pop("status"))
    for key, value in clean.items():
        setattr(action, key, value)
    session.flush()
    if status_changed:
        history.refresh_carried(session, action_ids=[action_id])
    return get_action(session, action_id)


def _set_status(session: Session, action: Action, status: str, on: date | None = None) -> bool:
    """Changes the status from `on` (default today) and notes it in the history; False when unchanged."""
    if status == action.status:
        return False
    on = on or today()
    action.status = status
    action.completed_on = on if status == "done" else None
    history.record(session, action_id=action.id, status=status, on=on)
    return True


def set_status(session: Session, action_id: int, status: str, *, on: date | None = None) -> ActionDTO:
    return bulk_set_status(session, [action_id], status, on=on)[0]


def bulk_set_status(session: Session, action_ids: Iterable[int], status: str, *,
                    on: date | None = None) -> list[ActionDTO]:
    check = Check()
    check.choice("status", status, ACTION_STATUSES)
    check.done()
    ids = list(dict.fromkeys(action_ids))
    changed = [action_id for action_id in ids
               if _set_status(session, get_or_raise(session, Action, action_id, "action"), status, on)]
    history.refresh_carried(session, action_ids=changed)
    return list_actions(session, ActionFilter(ids=tuple(ids)))


def add_update(session: Session, *, action_id: int, text: str, on_date: date | str | None = None) -> ActionUpdateDTO:
    get_or_raise(session, Action, action_id, "action")
    check = Check()
    text = check.text("text", text, required=True, max_len=5000)
    when = check.date_value("on_date", on_date) or today()
    check.done()
    update = ActionUpdate(action_id=action_id, on_date=when, text=text)
    session.add(update)
    session.flush()
    return ActionUpdateDTO(update.id, action_id, update.on_date, update.text)


def list_updates(session: Session, action_id: int) -> list[ActionUpdateDTO]:
    rows = session.scalars(select(ActionUpdate).where(ActionUpdate.action_id == action_id)
                           .order_by(ActionUpdate.on_date, ActionUpdate.id))
    return [ActionUpdateDTO(u.id, u.action_id, u.on_date, u.text) for u in rows]


def delete_action(session: Session, action_id: int) -> None:
    session.delete(get_or_raise(session, Action, action_id, "action"))
    session.flush()


def link_issue(session: Session, *, action_id: int, issue_id: int | None) -> ActionDTO:
    """Links the action to an interface issue (None unlinks)."""
    return update_action(session, action_id, issue_id=issue_id)
