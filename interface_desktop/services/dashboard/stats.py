"""Counts and schema facts about the open database (for `info`, About and the status bar)."""

from __future__ import annotations

from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, Activity, AgendaItem, Group, InterfaceIssue, Meeting, Person

COUNTED = {
    "groups": select(func.count(Group.id)),
    "people": select(func.count(Person.id)),
    "meetings": select(func.count(Meeting.id)),
    "agenda_items": select(func.count(AgendaItem.id)),
    "actions": select(func.count(Action.id)),
    "issues": select(func.count(InterfaceIssue.id)),
    "seas": select(func.count(InterfaceIssue.id)).where(InterfaceIssue.has_sea.is_(True)),
    "activities": select(func.count(Activity.id)),
}


def counts(session: Session) -> dict[str, int]:
    return {key: session.scalar(query) or 0 for key, query in COUNTED.items()}


def schema_revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


def database_info(session: Session, *, location: str) -> dict[str, Any]:
    from interface_desktop import __version__

    return {
        "location": location,
        "dialect": session.get_bind().dialect.name,
        "schema_revision": schema_revision(session),
        "app_version": __version__,
        "counts": counts(session),
    }
