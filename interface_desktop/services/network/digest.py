"""A group's learning digest before it is written: what is shared, every text that will leave, and what stops it.

Only the shared fields are ever read into a digest item: the problem, direction and category, what was done, the
outcome, an SEA's learning and change, an activity and what came of it. Action owners, attendance, participants
and feedback comments never leave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Activity, ActivityFeedback, DatabaseIdentity, Group, InterfaceIssue
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.validation import Check
from interface_desktop.services.identifiers.guard import unresolved_in_texts
from interface_desktop.services.network import themes
from interface_desktop.services.network.quality import quality_flags
from interface_desktop.services.people.lookups import labels
from interface_desktop.privacy import KIND_LABELS, find_identifiers
from interface_desktop.vocab import BOARDS

SHARED_STATUSES = ("action_agreed", "resolved", "closed")
STAGE_OF_STATUS = {"new": "raised", "under_review": "raised", "action_agreed": "action_agreed",
                   "resolved": "changed", "closed": "checked"}
# digest field -> (record field, what the review screen calls it)
ISSUE_TEXTS = {"title": ("title", "Title"), "problem": ("description", "The problem"),
               "what_was_done": ("resolution", "What was done"), "outcome": ("learning", "Outcome and learning")}
SEA_TEXTS = {"learned": ("sea_learned", "What has been learned"), "changed": ("sea_changed", "What has been changed")}
ACTIVITY_TEXTS = {"title": ("title", "Title"), "problem": ("description", "The activity"),
                  "outcome": ("outcomes", "What came of it")}


@dataclass(frozen=True)
class ReviewText:
    """One text that will leave the group, for the one-screen review."""

    item_key: str
    label: str  # the record as a person knows it, e.g. "interface issue FF-2026-003"
    field: str  # the digest's field
    field_label: str
    text: str


@dataclass(frozen=True)
class Blocker:
    """An unresolved identifier in a shared text: the digest is not written while one remains."""

    label: str
    field: str  # the record's own field, as the identifier guard names it
    kind: str

    def message(self) -> str:
        return f"{self.label}, field {self.field}: a possible {KIND_LABELS.get(self.kind, self.kind)}"


@dataclass(frozen=True)
class DigestItem:
    key: str  # "issue:12" or "activity:4" in the sharing database; stable across its digests
    kind: str
    reference: str
    title: str
    theme: str
    theme_confirmed: bool
    direction: str
    category: str
    problem: str
    what_was_done: str
    outcome: str
    learned: str
    changed: str
    activity_kind: str
    feedback_average: float | None
    feedback_count: int
    stage: str
    raised_on: date | None
    stage_on: date | None
    quality_flags: tuple[str, ...]


@dataclass(frozen=True)
class Lead:
    name: str
    role: str
    organisation: str
    email: str


@dataclass(frozen=True)
class DigestPlan:
    """Everything a digest will carry, with the review's texts, name flags and blockers."""

    source_key: str
    database_identity: str
    group_id: int
    group_name: str
    board: str
    hscp: str
    period_from: date
    period_to: date
    lead: Lead | None
    items: tuple[DigestItem, ...]
    texts: tuple[ReviewText, ...]
    name_flags: tuple[ReviewText, ...]
    blockers: tuple[Blocker, ...]

    @property
    def board_name(self) -> str:
        return BOARDS.get(self.board, self.board)


def database_identity(session: Session) -> str:
    """The database's own UUID (kept since it was created, and carried by its backups)."""
    return session.scalar(select(DatabaseIdentity.uuid).where(DatabaseIdentity.id == 1)) or ""


def _issue_item(issue: InterfaceIssue, *, theme: tuple[str, bool], category: str) -> DigestItem:
    is_sea = issue.has_sea and issue.shared
    change = issue.sea_changed if is_sea else issue.resolution
    return DigestItem(
        key=f"issue:{issue.id}", kind="sea" if is_sea else "issue", reference=issue.reference, title=issue.title,
        theme=theme[0], theme_confirmed=theme[1], direction=issue.direction, category=category,
        problem=issue.description, what_was_done=issue.resolution, outcome=issue.learning,
        learned=issue.sea_learned if is_sea else "", changed=issue.sea_changed if is_sea else "",
        activity_kind="", feedback_average=None, feedback_count=0, stage=STAGE_OF_STATUS[issue.status],
        raised_on=issue.raised_on, stage_on=issue.status_changed_on,
        quality_flags=tuple(quality_flags(why=issue.sea_why if is_sea else issue.description, change=change)))


def _activity_item(activity: Activity, *, theme: tuple[str, bool], feedback: tuple[float | None, int]) -> DigestItem:
    return DigestItem(
        key=f"activity:{activity.id}", kind="activity", reference="", title=activity.title, theme=theme[0],
        theme_confirmed=theme[1], direction="", category="", problem=activity.description, what_was_done="",
        outcome=activity.outcomes, learned="", changed="", activity_kind=activity.kind,
        feedback_average=feedback[0], feedback_count=feedback[1], stage="changed", raised_on=activity.starts_on,
        stage_on=activity.ends_on or activity.starts_on,
        quality_flags=tuple(quality_flags(why=None, change=activity.outcomes)))


def _issues(session: Session, group_id: int, period_from: date, period_to: date) -> list[InterfaceIssue]:
    """Issues resolved or with an agreed action in the period, and SEAs the group marked for sharing."""
    when = func.coalesce(InterfaceIssue.status_changed_on, InterfaceIssue.raised_on)
    shared_sea = InterfaceIssue.has_sea.is_(True) & InterfaceIssue.shared.is_(True)
    return list(session.scalars(select(InterfaceIssue).where(
        InterfaceIssue.group_id == group_id, when.between(period_from, period_to),
        InterfaceIssue.status.in_(SHARED_STATUSES) | shared_sea).order_by(InterfaceIssue.raised_on, InterfaceIssue.id)))


def _activities(session: Session, group_id: int, period_from: date,
                period_to: date) -> list[tuple[Activity, float | None, int]]:
    """Activities in the period with outcomes recorded, with their feedback average (never the comments)."""
    rows = session.execute(
        select(Activity, func.avg(ActivityFeedback.score), func.count(ActivityFeedback.id))
        .outerjoin(ActivityFeedback, ActivityFeedback.activity_id == Activity.id)
        .where(Activity.group_id == group_id, Activity.starts_on.between(period_from, period_to),
               func.trim(Activity.outcomes) != "")
        .group_by(Activity.id).order_by(Activity.starts_on, Activity.id))
    return [(a, round(float(avg), 1) if avg is not None else None, n) for a, avg, n in rows]


def _lead(session: Session, group: Group) -> Lead | None:
    member = next((m for m in sorted(group.memberships, key=lambda m: m.id)
                   if m.group_role == "lead" and m.left_on is None), None)
    if member is None:
        return None
    person = member.person
    role = labels(session, "person_role").get(person.role, person.role)
    return Lead(person.name, role, person.organisation, person.email)


def _texts(item: DigestItem, label: str) -> list[tuple[ReviewText, str]]:
    """Each non-empty shared text of the item, with the record field it comes from."""
    fields = ACTIVITY_TEXTS if item.kind == "activity" else {**ISSUE_TEXTS, **SEA_TEXTS}
    return [(ReviewText(item.key, label, name, field_label, getattr(item, name)), source)
            for name, (source, field_label) in fields.items() if getattr(item, name).strip()]


def _check_texts(session: Session, items: list[DigestItem], labels_: dict[str, str]) -> tuple[list, list, list]:
    """(review texts, titled names to look at, unresolved identifiers) over every text that will leave."""
    texts, names, blockers = [], [], []
    for item in items:
        entity = "activity" if item.kind == "activity" else "interface_issue"
        record_id = int(item.key.split(":")[1])
        pairs = _texts(item, labels_[item.key])
        texts += [t for t, _ in pairs]
        found = unresolved_in_texts(session, entity=entity, entity_id=record_id,
                                    texts={source: t.text for t, source in pairs})
        blockers += [Blocker(labels_[item.key], f.field, f.kind) for f in found]
        # Staff names are fine to share once a person has looked; patients' names are not.
        names += [t for t, _ in pairs if any(f.kind == "name" for f in find_identifiers(t.text))]
    return texts, names, blockers


def build_digest(session: Session, *, group_id: int, period_from: date, period_to: date,
                 lead_contact: bool = False, exclude: frozenset[str] = frozenset()) -> DigestPlan:
    """What the group's digest for the period would carry (by default everything shareable; `exclude` holds item
    keys left out at review). `lead_contact` only when the lead agreed to be named as the contact."""
    check = Check()
    if period_to < period_from:
        check.fail("period_to", "the period ends before it starts")
    check.done()
    group = get_or_raise(session, Group, group_id, "group")
    category_labels = labels(session, "issue_category")
    by_category = themes.category_themes(session, group_id=group_id)
    issues = _issues(session, group_id, period_from, period_to)
    activities = _activities(session, group_id, period_from, period_to)
    confirmed = themes.confirmed_themes(session, issue_ids=[i.id for i in issues],
                                        activity_ids=[a.id for a, _, _ in activities])
    items, names = [], {}
    for issue in issues:
        suggested = by_category.get(issue.category, themes.FALLBACK_THEME)
        theme = confirmed.get(("issue", issue.id))
        items.append(_issue_item(issue, theme=(theme or suggested, theme is not None),
                                 category=category_labels.get(issue.category, issue.category)))
        names[items[-1].key] = f"interface issue {issue.reference}"
    for activity, average, count in activities:
        theme = confirmed.get(("activity", activity.id))
        items.append(_activity_item(activity, theme=(theme or themes.ACTIVITY_THEME, theme is not None),
                                    feedback=(average, count)))
        names[items[-1].key] = f"activity {activity.id} ({activity.title})"
    items = [item for item in items if item.key not in exclude]
    texts, flagged, blockers = _check_texts(session, items, names)
    identity = database_identity(session)
    lead = _lead(session, group) if lead_contact else None
    return DigestPlan(f"{identity}/{group.id}", identity, group.id, group.name, group.board, group.hscp,
                      period_from, period_to, lead, tuple(items), tuple(texts), tuple(flagged), tuple(blockers))
