"""Relationship-building activities with participants, reflections and feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Activity, ActivityFeedback, ActivityParticipant, Group, Person
from interface_desktop.services.people import lookups
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.validation import SHORT_MAX, TITLE_MAX, Check
from interface_desktop.vocab import ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, PARTICIPANT_ROLES, SECTORS

ACTIVITY_FIELDS = ("title", "kind", "starts_on", "ends_on", "host_department", "location", "description",
                   "outcomes", "follow_ups")


@dataclass(frozen=True)
class ParticipantDTO:
    id: int
    person_id: int
    name: str
    role_label: str
    sector: str
    organisation: str
    role: str
    reflection: str


@dataclass(frozen=True)
class FeedbackDTO:
    id: int
    score: int
    sector: str | None
    comment: str


@dataclass(frozen=True)
class ActivityDTO:
    id: int
    group_id: int
    group_name: str
    kind: str
    title: str
    starts_on: date
    ends_on: date | None
    host_department: str
    location: str
    description: str
    outcomes: str
    follow_ups: str
    participants: tuple[ParticipantDTO, ...]
    feedback: tuple[FeedbackDTO, ...]

    @property
    def kind_label(self) -> str:
        return ACTIVITY_KIND_LABELS[self.kind]

    @property
    def average_score(self) -> float | None:
        if not self.feedback:
            return None
        return round(sum(f.score for f in self.feedback) / len(self.feedback), 2)


ACTIVITY_COLUMNS = (Activity.id, Activity.group_id, Group.name, Activity.kind, Activity.title, Activity.starts_on,
                    Activity.ends_on, Activity.host_department, Activity.location, Activity.description,
                    Activity.outcomes, Activity.follow_ups)


def list_activities(
    session: Session, *, group_id: int | None = None, kind: str | None = None, date_from: date | None = None,
    date_to: date | None = None, ids: tuple[int, ...] | None = None,
) -> list[ActivityDTO]:
    """Newest first. Read as plain columns in three queries (activities, participants, feedback): a board's
    2,000 activities need no entities or identity map to be listed."""
    chosen = select(Activity.id)
    if group_id is not None:
        chosen = chosen.where(Activity.group_id == group_id)
    if kind:
        chosen = chosen.where(Activity.kind == kind)
    if date_from:
        chosen = chosen.where(Activity.starts_on >= date_from)
    if date_to:
        chosen = chosen.where(Activity.starts_on <= date_to)
    if ids is not None:
        chosen = chosen.where(Activity.id.in_(ids))
    rows = session.execute(select(*ACTIVITY_COLUMNS).join(Group, Group.id == Activity.group_id)
                           .where(Activity.id.in_(chosen.scalar_subquery()))
                           .order_by(Activity.starts_on.desc(), Activity.id.desc())).all()
    if not rows:
        return []
    labels = lookups.labels(session, "person_role")
    participants: dict[int, list[ParticipantDTO]] = {}
    for activity_id, *p in session.execute(
            select(ActivityParticipant.activity_id, ActivityParticipant.id, Person.id, Person.name, Person.role,
                   Person.sector, Person.organisation, Person.department, ActivityParticipant.role,
                   ActivityParticipant.reflection)
            .join(Person, Person.id == ActivityParticipant.person_id)
            .where(ActivityParticipant.activity_id.in_(chosen.scalar_subquery()))
            .order_by(ActivityParticipant.id)):
        pid, person_id, name, role, sector, organisation, department, part_role, reflection = p
        participants.setdefault(activity_id, []).append(ParticipantDTO(
            pid, person_id, name, labels.get(role, role), sector, organisation or department, part_role, reflection))
    feedback: dict[int, list[FeedbackDTO]] = {}
    for activity_id, *f in session.execute(
            select(ActivityFeedback.activity_id, ActivityFeedback.id, ActivityFeedback.score, ActivityFeedback.sector,
                   ActivityFeedback.comment)
            .where(ActivityFeedback.activity_id.in_(chosen.scalar_subquery())).order_by(ActivityFeedback.id)):
        feedback.setdefault(activity_id, []).append(FeedbackDTO(*f))
    return [ActivityDTO(*row, participants=tuple(participants.get(row[0], ())),
                        feedback=tuple(feedback.get(row[0], ()))) for row in rows]


def get_activity(session: Session, activity_id: int) -> ActivityDTO:
    get_or_raise(session, Activity, activity_id, "activity")
    return list_activities(session, ids=(activity_id,))[0]


def _validate(fields: dict, current: Activity | None = None) -> dict:
    check = Check()
    clean = dict(fields)
    if "title" in fields:
        clean["title"] = check.text("title", fields["title"], required=True, max_len=TITLE_MAX)
    if "kind" in fields:
        clean["kind"] = check.choice("kind", fields["kind"], ACTIVITY_KINDS)
    if "starts_on" in fields:
        clean["starts_on"] = check.date_value("starts_on", fields["starts_on"], required=True)
    if "ends_on" in fields:
        clean["ends_on"] = check.date_value("ends_on", fields["ends_on"])
    starts = clean.get("starts_on", current.starts_on if current else None)
    ends = clean.get("ends_on", current.ends_on if current else None)
    check.order("starts_on", starts, "ends_on", ends)
    for key, limit in (("host_department", SHORT_MAX), ("location", TITLE_MAX)):
        if key in fields:
            clean[key] = check.text(key, fields[key], max_len=limit)
    for key in ("description", "outcomes", "follow_ups"):
        if key in fields:
            clean[key] = check.text(key, fields[key])
    check.done()
    return clean


def create_activity(
    session: Session, *, group_id: int, kind: str, title: str, starts_on: date | str, ends_on: date | str | None = None,
    host_department: str = "", location: str = "", description: str = "", outcomes: str = "", follow_ups: str = "",
) -> ActivityDTO:
    get_or_raise(session, Group, group_id, "group")
    clean = _validate(dict(kind=kind, title=title, starts_on=starts_on, ends_on=ends_on,
                           host_department=host_department, location=location, description=description,
                           outcomes=outcomes, follow_ups=follow_ups))
    activity = Activity(group_id=group_id, **clean)
    session.add(activity)
    session.flush()
    return get_activity(session, activity.id)


def update_activity(session: Session, activity_id: int, **fields: object) -> ActivityDTO:
    activity = get_or_raise(session, Activity, activity_id, "activity")
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    for key, value in _validate(fields, activity).items():
        setattr(activity, key, value)
    session.flush()
    return get_activity(session, activity_id)


def delete_activity(session: Session, activity_id: int) -> None:
    session.delete(get_or_raise(session, Activity, activity_id, "activity"))
    session.flush()


def set_participant(
    session: Session, *, activity_id: int, person_id: int, role: str = "attendee", reflection: str | None = None,
) -> ActivityDTO:
    """Adds a participant, or changes their role or reflection when already listed."""
    get_or_raise(session, Activity, activity_id, "activity")
    get_or_raise(session, Person, person_id, "person")
    check = Check()
    check.choice("role", role, PARTICIPANT_ROLES)
    if reflection is not None:
        reflection = check.text("reflection", reflection)
    check.done()
    row = session.scalar(select(ActivityParticipant).where(ActivityParticipant.activity_id == activity_id,
                                                           ActivityParticipant.person_id == person_id))
    if row is None:
        row = ActivityParticipant(activity_id=activity_id, person_id=person_id)
        session.add(row)
    row.role = role
    if reflection is not None:
        row.reflection = reflection
    session.flush()
    return get_activity(session, activity_id)


def remove_participant(session: Session, *, activity_id: int, person_id: int) -> ActivityDTO:
    row = session.scalar(select(ActivityParticipant).where(ActivityParticipant.activity_id == activity_id,
                                                           ActivityParticipant.person_id == person_id))
    if row is not None:
        session.delete(row)
        session.flush()
    return get_activity(session, activity_id)


def add_feedback(session: Session, *, activity_id: int, score: int, comment: str = "",
                 sector: str | None = None) -> ActivityDTO:
    get_or_raise(session, Activity, activity_id, "activity")
    check = Check()
    check.integer("score", score, low=1, high=5)
    comment = check.text("comment", comment, max_len=5000)
    if sector is not None:
        check.choice("sector", sector, SECTORS)
    check.done()
    session.add(ActivityFeedback(activity_id=activity_id, score=score, comment=comment, sector=sector))
    session.flush()
    return get_activity(session, activity_id)


def remove_feedback(session: Session, *, feedback_id: int) -> ActivityDTO:
    row = get_or_raise(session, ActivityFeedback, feedback_id, "feedback")
    activity_id = row.activity_id
    session.delete(row)
    session.flush()
    return get_activity(session, activity_id)
