"""What a declared document is made from: its frozen record, and the identifiers in the stored text it prints."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents.kinds import KINDS, Selection, resolve
from interface_desktop.services.identifiers import guard, scope


def load(session: Session, *, what: str, selection: Selection) -> Any:
    """The document's record, built by the loader its kind declares, called as its subject requires."""
    kind = KINDS[what]
    loader = resolve(kind.loader)
    group_id = selection.subject_id or None
    if kind.subject in ("meeting", "issue"):
        return loader(session, selection.subject_id)
    if kind.subject == "group":
        return loader(session, group_id=group_id, status=selection.statuses)
    if selection.date_from is None or selection.date_to is None:
        raise ValidationError({"period": f"a {kind.label.lower()} needs the first and last day of its period"})
    return loader(session, group_id=group_id, date_from=selection.date_from, date_to=selection.date_to)


def identifier_findings(session: Session, *, what: str, selection: Selection) -> list[guard.RecordFinding]:
    """Unresolved possible patient identifiers in the stored text the document would print."""
    return guard.privacy_findings_for_export(session, scope.records_for(session, what, selection))
