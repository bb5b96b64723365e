"""The JSON interchange format, declared once: each record kind, its fields, children and references.

Export, validation and import are all driven by these declarations, so the three cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interface_desktop.db.models import (
    Action,
    ActionUpdate,
    Activity,
    ActivityFeedback,
    ActivityParticipant,
    AgendaItem,
    Attendance,
    Group,
    GroupStandingItem,
    InterfaceIssue,
    IssueStatusChange,
    LookupValue,
    Meeting,
    Membership,
    Paper,
    Person,
    Resource,
)
from interface_desktop.services.core.validation import NAME_MAX, SHORT_MAX, TEXT_MAX, TITLE_MAX
from interface_desktop.vocab import (
    ACTION_STATUSES,
    ACTIVITY_KINDS,
    AGENDA_KINDS,
    ATTENDANCE_STATUSES,
    BOARDS,
    GROUP_ROLES,
    ISSUE_DIRECTIONS,
    ISSUE_STATUSES,
    LOOKUP_KINDS,
    MEETING_STATUSES,
    MINUTES_STATUSES,
    PARTICIPANT_ROLES,
    RESOURCE_KINDS,
    SEA_HARM,
    SECTORS,
    SEVERITIES,
    STANDING_PLACEMENTS,
)

FORMAT = "interface-desktop"
VERSION = 1


@dataclass(frozen=True)
class F:
    """One field: its JSON name, kind and limits. `attr` is the model attribute when it differs.

    kinds: text, date, datetime, int, bool, choice, code (a configurable list), ref (another record in the
    file), refs (a list of them), file (the sha256 of an entry in "files").
    """

    name: str
    kind: str = "text"
    required: bool = False
    limit: int = TEXT_MAX
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    target: str = ""
    attr: str = ""
    nullable: bool = False
    after: str = ""

    @property
    def column(self) -> str:
        return self.attr or (self.name + "_id" if self.kind in ("ref", "file") else self.name)


@dataclass(frozen=True)
class Kind:
    """A list of records: top level ("people") or children of a record ("agenda" of a meeting)."""

    key: str
    model: type
    fields: tuple[F, ...]
    prefix: str = ""
    parent_fk: str = ""
    order: str = "id"
    position: str = ""
    unique: tuple[str, ...] = ()
    children: tuple[Kind, ...] = field(default=())


def text(name: str, limit: int = TEXT_MAX, *, required: bool = False) -> F:
    return F(name, "text", required, limit)


def choice(name: str, values: tuple[str, ...] | dict, *, required: bool = True, nullable: bool = False) -> F:
    return F(name, "choice", required, choices=tuple(values), nullable=nullable)


def ref(name: str, target: str, *, required: bool = False) -> F:
    return F(name, "ref", required, target=target, nullable=not required)


def number(name: str, low: int, high: int, *, required: bool = False, nullable: bool = False) -> F:
    return F(name, "int", required, low=low, high=high, nullable=nullable)


def day(name: str, *, required: bool = False, after: str = "") -> F:
    return F(name, "date", required, nullable=not required, after=after)


LOOKUP_FIELDS = (choice("kind", LOOKUP_KINDS), text("code", 60, required=True), text("label", 120, required=True),
                 number("sort_order", 0, 1_000_000), F("active", "bool"))

LOOKUPS = Kind("lookups", LookupValue, LOOKUP_FIELDS, unique=("kind", "code"))

PEOPLE = Kind("people", Person, (
    text("name", NAME_MAX, required=True), F("role", "code", True, target="person_role"), choice("sector", SECTORS),
    text("organisation", SHORT_MAX), text("department", SHORT_MAX), text("email", SHORT_MAX),
    text("phone", SHORT_MAX), text("notes"), F("active", "bool"),
), prefix="person")

GROUPS = Kind("groups", Group, (
    text("name", NAME_MAX, required=True), choice("board", BOARDS), text("hscp", SHORT_MAX),
    text("terms_of_reference"), number("quorum_gp", 0, 100), number("quorum_secondary", 0, 100),
    number("quorum_total", 0, 100), text("default_location", TITLE_MAX), number("default_duration", 5, 1440),
    text("quorum_secondary_roles", 300),
), prefix="group", unique=("name",), children=(
    Kind("standing_items", GroupStandingItem, (
        text("title", TITLE_MAX, required=True), number("minutes", 0, 600), choice("placement", STANDING_PLACEMENTS),
    ), parent_fk="group_id", order="position", position="position"),
    Kind("lookups", LookupValue, LOOKUP_FIELDS, parent_fk="group_id", unique=("kind", "code")),
    Kind("members", Membership, (
        ref("person", "person", required=True), choice("group_role", GROUP_ROLES), day("joined_on"),
        day("left_on", after="joined_on"),
    ), parent_fk="group_id", unique=("person",)),
))

SEA_FIELDS = (
    text("what_happened"), text("why"), text("learned"), text("changed"), text("impact"),
    text("contributory_factors"), choice("harm", SEA_HARM, required=False, nullable=True),
    number("risk_grade", 1, 5, nullable=True), text("learning_needs"), day("event_on"),
    day("meeting_on"), text("participants"), text("facilitator", SHORT_MAX),
)

ISSUES = Kind("issues", InterfaceIssue, (
    ref("group", "group", required=True), text("reference", 24, required=True), text("title", TITLE_MAX, required=True),
    day("raised_on", required=True), text("raised_by_role", 60, required=True), choice("raised_by_sector", SECTORS),
    text("raised_by_organisation", SHORT_MAX), choice("direction", ISSUE_DIRECTIONS),
    F("category", "code", True, target="issue_category"), F("specialty", "code", target="specialty"),
    text("description"), text("impact"), choice("severity", SEVERITIES), choice("status", ISSUE_STATUSES),
    day("status_changed_on"), text("resolution"), text("learning"), F("shared", "bool"),
    F("sea", "sea", nullable=True), F("meetings", "refs", target="meeting"),
), prefix="issue", unique=("reference",), children=(
    Kind("history", IssueStatusChange, (
        choice("status", ISSUE_STATUSES), day("changed_on", required=True), text("note", 2000),
    ), parent_fk="issue_id"),
))

MEETINGS = Kind("meetings", Meeting, (
    ref("group", "group", required=True), text("title", TITLE_MAX), F("starts_at", "datetime", True),
    number("duration_minutes", 5, 1440), text("location", TITLE_MAX), text("call_link", 500),
    ref("chair", "person"), ref("minute_taker", "person"), choice("status", MEETING_STATUSES),
    choice("minutes_status", MINUTES_STATUSES), day("minutes_approved_on"), F("minutes_unlocked", "bool"),
    text("notes"), F("closed_at", "datetime", nullable=True),
), prefix="meeting", children=(
    Kind("agenda", AgendaItem, (
        text("title", TITLE_MAX, required=True), ref("presenter", "person"), number("minutes_allotted", 0, 600),
        choice("kind", AGENDA_KINDS), text("discussion"), text("decisions"), ref("issue", "issue"),
    ), prefix="item", parent_fk="meeting_id", order="position", position="position"),
    Kind("attendance", Attendance, (
        ref("person", "person", required=True), choice("status", ATTENDANCE_STATUSES), F("is_guest", "bool"),
        text("declaration", 5000),
    ), parent_fk="meeting_id", unique=("person",)),
    Kind("papers", Paper, (
        text("title", TITLE_MAX, required=True), text("filename", 300, required=True), ref("agenda_item", "item"),
        F("file", "file", True, attr="blob_id"),
    ), parent_fk="meeting_id", order="position", position="position"),
))

ACTIONS = Kind("actions", Action, (
    ref("group", "group", required=True), ref("meeting", "meeting"), ref("agenda_item", "item"),
    ref("issue", "issue"), text("description", 5000, required=True), ref("owner", "person"), day("due_on"),
    choice("status", ACTION_STATUSES), day("completed_on"), number("carried_forward", 0, 10_000),
    ref("last_carried_meeting", "meeting"),
), prefix="action", children=(
    Kind("updates", ActionUpdate, (day("on_date", required=True), text("text", 5000, required=True)),
         parent_fk="action_id", order="on_date"),
))

ACTIVITIES = Kind("activities", Activity, (
    ref("group", "group", required=True), choice("kind", ACTIVITY_KINDS), text("title", TITLE_MAX, required=True),
    day("starts_on", required=True), day("ends_on", after="starts_on"), text("host_department", SHORT_MAX),
    text("location", TITLE_MAX), text("description"), text("outcomes"), text("follow_ups"),
), prefix="activity", children=(
    Kind("participants", ActivityParticipant, (
        ref("person", "person", required=True), choice("role", PARTICIPANT_ROLES), text("reflection"),
    ), parent_fk="activity_id", unique=("person",)),
    Kind("feedback", ActivityFeedback, (
        number("score", 1, 5, required=True), choice("sector", SECTORS, required=False, nullable=True),
        text("comment", 5000),
    ), parent_fk="activity_id"),
))

RESOURCES = Kind("resources", Resource, (
    ref("group", "group"), choice("kind", RESOURCE_KINDS), text("title", TITLE_MAX, required=True),
    text("description", 5000), text("filename", 300, required=True), F("file", "file", True, attr="blob_id"),
))

# In the order they are written on import: every reference points to a kind written earlier.
TOP_LEVEL = (LOOKUPS, PEOPLE, GROUPS, ISSUES, MEETINGS, ACTIONS, ACTIVITIES, RESOURCES)
