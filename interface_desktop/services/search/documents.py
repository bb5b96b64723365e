"""What text of each record is searchable, and under which kind and group."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, Activity, AgendaItem, InterfaceIssue, Meeting, Person

KINDS = ("meeting", "minutes", "action", "issue", "sea", "activity", "person")


def _doc(kind: str, ref_id: int, group_id: int | None, title: str, *parts: str) -> dict[str, Any]:
    body = "\n".join(p for p in parts if p)
    return {"kind": kind, "ref_id": ref_id, "group_id": group_id, "title": title or "", "body": body}


def documents_for(session: Session, obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, Meeting):
        label = obj.title or f"Meeting {obj.starts_at:%d/%m/%Y}"
        return [_doc("meeting", obj.id, obj.group_id, label, obj.location, obj.notes)]
    if isinstance(obj, AgendaItem):
        meeting = session.get(Meeting, obj.meeting_id)
        group_id = meeting.group_id if meeting else None
        return [_doc("minutes", obj.id, group_id, obj.title, obj.discussion, obj.decisions)]
    if isinstance(obj, Action):
        return [_doc("action", obj.id, obj.group_id, obj.description)]
    if isinstance(obj, InterfaceIssue):
        docs = [_doc("issue", obj.id, obj.group_id, f"{obj.reference} {obj.title}", obj.description,
                     obj.impact, obj.resolution, obj.learning, obj.raised_by_organisation)]
        sea = _doc("sea", obj.id, obj.group_id, f"SEA {obj.reference} {obj.title}", obj.sea_what_happened,
                   obj.sea_why, obj.sea_learned, obj.sea_changed, obj.sea_impact, obj.sea_contributory_factors,
                   obj.sea_learning_needs)
        if not obj.has_sea:
            sea["title"] = sea["body"] = ""
        return docs + [sea]
    if isinstance(obj, Activity):
        return [_doc("activity", obj.id, obj.group_id, obj.title, obj.host_department, obj.description,
                     obj.outcomes, obj.follow_ups)]
    if isinstance(obj, Person):
        return [_doc("person", obj.id, None, obj.name, obj.organisation, obj.department, obj.role, obj.email)]
    return []


# The columns each kind's documents are built from; changes to any other column leave them as they are.
SOURCE_FIELDS: dict[type, frozenset[str]] = {
    Meeting: frozenset({"title", "starts_at", "location", "notes", "group_id"}),
    AgendaItem: frozenset({"title", "discussion", "decisions", "meeting_id"}),
    Action: frozenset({"description", "group_id"}),
    InterfaceIssue: frozenset({"reference", "title", "description", "impact", "resolution", "learning",
                               "raised_by_organisation", "group_id", "has_sea", "sea_what_happened", "sea_why",
                               "sea_learned", "sea_changed", "sea_impact", "sea_contributory_factors",
                               "sea_learning_needs"}),
    Activity: frozenset({"title", "host_department", "description", "outcomes", "follow_ups", "group_id"}),
    Person: frozenset({"name", "organisation", "department", "role", "email"}),
}


def is_searched(obj: Any) -> bool:
    return type(obj) in SOURCE_FIELDS


def text_changed(obj: Any, changed: set[str]) -> bool:
    """Whether an update touched any column the record's search documents are built from."""
    return bool(SOURCE_FIELDS.get(type(obj), frozenset()) & changed)


def keys_for(obj: Any) -> list[tuple[str, int]]:
    kinds = {Meeting: ("meeting",), AgendaItem: ("minutes",), Action: ("action",),
             InterfaceIssue: ("issue", "sea"), Activity: ("activity",), Person: ("person",)}
    for model, names in kinds.items():
        if isinstance(obj, model):
            return [(name, obj.id) for name in names]
    return []
