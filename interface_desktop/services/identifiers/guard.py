"""Patient identifiers in stored records: scan, accept with a reason, and what an export would let out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import (
    Action,
    ActionUpdate,
    Activity,
    ActivityFeedback,
    ActivityParticipant,
    AgendaItem,
    Attendance,
    InterfaceIssue,
    IssueStatusChange,
    Meeting,
    MinutesRecord,
    Paper,
    PrivacyException,
    ReportNarrative,
)
from interface_desktop.privacy import Finding, find_identifiers, finding_digest, redact
from interface_desktop.services.core.common import get_or_raise, os_user
from interface_desktop.services.core.errors import ValidationError

ISSUE_FIELDS = ("title", "description", "impact", "resolution", "learning", "sea_what_happened", "sea_why",
                "sea_learned", "sea_changed", "sea_impact", "sea_contributory_factors", "sea_learning_needs",
                "sea_participants", "sea_facilitator")
# entity -> (model, free-text fields, look for titled names). Names are checked only in issue and SEA
# narratives: minutes and actions name members of the group by design. Every field a document prints
# (services.documents.kinds) is one of these, so a finding in it can be kept with a reason.
TEXT_FIELDS = {
    "interface_issue": (InterfaceIssue, ISSUE_FIELDS, True),
    "issue_status_change": (IssueStatusChange, ("note",), True),
    "meeting": (Meeting, ("title", "notes"), False),
    "agenda_item": (AgendaItem, ("title", "discussion", "decisions"), False),
    "attendance": (Attendance, ("declaration",), False),
    "paper": (Paper, ("title", "filename"), False),
    "action": (Action, ("description",), False),
    "action_update": (ActionUpdate, ("text",), False),
    "minutes_record": (MinutesRecord, ("amendments",), False),
    "activity": (Activity, ("title", "description", "outcomes", "follow_ups"), False),
    "activity_participant": (ActivityParticipant, ("reflection",), False),
    "activity_feedback": (ActivityFeedback, ("comment",), False),
    "report_narrative": (ReportNarrative, ("text",), False),
}


@dataclass(frozen=True)
class RecordFinding:
    entity: str
    entity_id: int
    field: str
    kind: str
    start: int
    end: int
    text: str
    accepted: bool
    reason: str = ""


def fields_checked(entity: str) -> tuple[str, ...]:
    return TEXT_FIELDS[entity][1]


def findings_in(entity: str, entity_id: int, field: str, text: str,
                accepted: dict[tuple[str, int, str, str], str]) -> list[RecordFinding]:
    """Findings in one field's text, marked accepted where a recorded exception covers them."""
    names = TEXT_FIELDS[entity][2]
    result = []
    for finding in find_identifiers(text or "", names=names):
        reason = accepted.get((entity, entity_id, field, finding_digest(finding)))
        result.append(RecordFinding(entity, entity_id, field, finding.kind, finding.start, finding.end,
                                    finding.text, reason is not None, reason or ""))
    return result


def _exceptions(session: Session, entity: str | None = None) -> dict[tuple[str, int, str, str], str]:
    query = select(PrivacyException)
    if entity is not None:
        query = query.where(PrivacyException.entity == entity)
    return {(e.entity, e.entity_id, e.field, e.digest): e.reason for e in session.scalars(query)}


def _records(session: Session, entity: str, ids: Iterable[int] | None) -> Iterator[object]:
    model = TEXT_FIELDS[entity][0]
    query = select(model).order_by(model.id)
    if ids is not None:
        query = query.where(model.id.in_(list(ids)))
    yield from session.scalars(query)


def scan(session: Session, *, entities: Iterable[str] | None = None, ids: Iterable[int] | None = None,
         fields: tuple[str, ...] | None = None, unresolved_only: bool = False) -> list[RecordFinding]:
    """Every finding in the database by record and field (or in the given entities / ids / fields)."""
    found: list[RecordFinding] = []
    for entity in entities or TEXT_FIELDS:
        if entity not in TEXT_FIELDS:
            raise ValidationError({"entity": f"unknown record kind {entity!r}"})
        accepted = _exceptions(session, entity)
        for record in _records(session, entity, ids):
            for field in fields or fields_checked(entity):
                found += findings_in(entity, record.id, field, getattr(record, field), accepted)
    return [f for f in found if not (unresolved_only and f.accepted)]


def record_findings(session: Session, entity: str, entity_id: int) -> list[RecordFinding]:
    return scan(session, entities=[entity], ids=[entity_id])


def accept_finding(session: Session, *, entity: str, entity_id: int, field: str, text: str, kind: str,
                   reason: str) -> None:
    """Keep a finding in a record, recording who decided and why (only its fingerprint is stored)."""
    if entity not in TEXT_FIELDS or field not in fields_checked(entity):
        raise ValidationError({"field": f"{entity}.{field} is not a checked text field"})
    if not reason.strip():
        raise ValidationError({"reason": "say why this identifier must stay in the record"})
    get_or_raise(session, TEXT_FIELDS[entity][0], entity_id, entity.replace("_", " "))
    digest = finding_digest(Finding(kind, 0, len(text), text))
    exists = session.scalar(select(PrivacyException).where(
        PrivacyException.entity == entity, PrivacyException.entity_id == entity_id,
        PrivacyException.field == field, PrivacyException.digest == digest))
    if exists is None:
        session.add(PrivacyException(entity=entity, entity_id=entity_id, field=field, kind=kind, digest=digest,
                                     reason=reason.strip(), user=session.info.get("audit_user") or os_user()))
        session.flush()


def privacy_findings_for_export(session: Session,
                                records: Iterable[tuple[str, int, tuple[str, ...]]]) -> list[RecordFinding]:
    """Unresolved findings in the text an export is about to print: (entity, id, fields printed).

    An export shows these to the user and goes ahead only when they confirm.
    """
    printed: dict[tuple[str, int], set[str]] = {}
    for entity, entity_id, fields in records:
        printed.setdefault((entity, entity_id), set()).update(fields)
    # One scan per entity and set of fields; a record printed twice (say, an action in two tables) once.
    wanted: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for (entity, entity_id), fields in printed.items():
        wanted.setdefault((entity, tuple(sorted(fields, key=fields_checked(entity).index))), []).append(entity_id)
    found: list[RecordFinding] = []
    for (entity, fields), ids in wanted.items():
        found += scan(session, entities=[entity], ids=ids, fields=fields, unresolved_only=True)
    return found


def unresolved_in_texts(session: Session, *, entity: str, entity_id: int | None,
                        texts: dict[str, str]) -> list[RecordFinding]:
    """Findings in text about to be saved (field -> text) that no recorded exception of the record covers."""
    accepted = _exceptions(session, entity) if entity_id else {}
    found: list[RecordFinding] = []
    for field, text in texts.items():
        if field in fields_checked(entity):
            found += [f for f in findings_in(entity, entity_id or 0, field, text, accepted) if not f.accepted]
    return found


def redact_texts(session: Session, *, entity: str, entity_id: int | None, texts: dict[str, str]) -> dict[str, str]:
    """The same texts with every unresolved finding replaced by its marker, e.g. [CHI removed]."""
    by_field: dict[str, list[Finding]] = {}
    for f in unresolved_in_texts(session, entity=entity, entity_id=entity_id, texts=texts):
        by_field.setdefault(f.field, []).append(Finding(f.kind, f.start, f.end, f.text))
    return {field: redact(text, by_field[field]) if field in by_field else text for field, text in texts.items()}
