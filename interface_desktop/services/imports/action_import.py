"""Imports a group's action log from an Excel tracker or .csv: a preview of every row, then all rows or none.

Owners are matched to people already here by name (titles and case ignored; a member of the group is
preferred); anyone else is added as a new person. An action whose text is already in the group's log is
skipped, so importing an updated tracker again adds only the new rows. Whatever a row holds that has no
field of its own (a second owner, a meeting date without a meeting, an unknown issue) goes into the
action's progress update, so nothing in the tracker is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Action, ActionUpdate, Group, InterfaceIssue, Meeting, Membership, Person
from interface_desktop.privacy import KIND_LABELS, find_identifiers
from interface_desktop.services.audit import tracking
from interface_desktop.services.core.clock import today
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.core.status import ActionStatus
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.core.formulas import looks_like_formula, was_marked
from interface_desktop.services.imports.tracker_file import Tracker, read_tracker
from interface_desktop.services.imports.tracker_values import CellError, owners, person_key, status, text, when
from interface_desktop.services.core.validation import NAME_MAX
from interface_desktop.vocab import ACTION_STATUS_LABELS

TEXT_MAX = 5000
PROBLEMS_IN_MESSAGE = 5


@dataclass(frozen=True)
class RowPlan(ActionStatus):
    """What one row of the tracker will become; `problems` stop the import, `notes` only inform."""

    row: int
    description: str = ""
    owner: str = ""
    owner_id: int | None = None  # None with an owner: a new person
    due_on: date | None = None
    status: str = "open"
    completed_on: date | None = None
    meeting_id: int | None = None
    issue_id: int | None = None
    update: str = ""
    skipped: str = ""  # why the row adds nothing
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionImportPreview:
    file_name: str
    sheet: str
    header_row: int
    group_id: int
    group_name: str
    columns: dict[str, str]  # field -> header as written
    ignored_columns: tuple[str, ...]
    rows: tuple[RowPlan, ...]
    new_people: tuple[str, ...]
    matched_people: tuple[str, ...]

    @property
    def problems(self) -> list[str]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def to_add(self) -> list[RowPlan]:
        return [row for row in self.rows if not row.skipped and not row.problems]

    @property
    def summary(self) -> str:
        added, skipped = len(self.to_add), sum(1 for row in self.rows if row.skipped)
        text_ = f"{added} action{'s' if added != 1 else ''} to add to {self.group_name}"
        if self.new_people:
            text_ += f"; {len(self.new_people)} new {'person' if len(self.new_people) == 1 else 'people'}"
        if skipped:
            text_ += f"; {skipped} row{'s' if skipped != 1 else ''} skipped"
        if self.problems:
            text_ += f"; {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} to fix first"
        return text_


@dataclass(frozen=True)
class ActionImportResult:
    added: int
    people_added: int
    skipped: int

    @property
    def message(self) -> str:
        return (f"Imported {self.added} action{'s' if self.added != 1 else ''}"
                + (f"; added {self.people_added} new {'person' if self.people_added == 1 else 'people'}"
                   if self.people_added else "")
                + (f"; skipped {self.skipped} row{'s' if self.skipped != 1 else ''}" if self.skipped else "") + ".")


class ActionImportError(ServiceError):
    """Rows that cannot be imported; nothing was written. `problems` lists every one."""

    def __init__(self, file_name: str, problems: list[str]):
        self.problems = problems
        shown = "; ".join(problems[:PROBLEMS_IN_MESSAGE])
        more = f"; and {len(problems) - PROBLEMS_IN_MESSAGE} more" if len(problems) > PROBLEMS_IN_MESSAGE else ""
        super().__init__(f"{file_name}: {shown}{more}; nothing was imported")


class _Planner:
    """Reads each row against what the database already holds; writes nothing."""

    def __init__(self, session: Session, group_id: int, tracker: Tracker):
        self.session, self.group_id, self.tracker = session, group_id, tracker
        self.people = self._people()
        self.existing = {text(d).casefold(): n for n, d in session.execute(
            select(Action.id, Action.description).where(Action.group_id == group_id))}
        self.meetings = {started.date(): n for n, started in session.execute(
            select(Meeting.id, Meeting.starts_at).where(Meeting.group_id == group_id).order_by(Meeting.starts_at))}
        self.issues = {ref.upper(): n for n, ref in session.execute(
            select(InterfaceIssue.id, InterfaceIssue.reference).where(InterfaceIssue.group_id == group_id))}
        self.new_people: dict[str, str] = {}  # key -> name as first written
        self.matched: dict[str, str] = {}

    def _people(self) -> dict[str, int]:
        """Name key -> person id; a member of this group wins over anyone else of the same name."""
        members = set(self.session.scalars(select(Membership.person_id).where(Membership.group_id == self.group_id)))
        found: dict[str, int] = {}
        for person_id, name in self.session.execute(select(Person.id, Person.name).order_by(Person.id)):
            key = person_key(name)
            if key not in found or (person_id in members and found[key] not in members):
                found[key] = person_id
        return found

    def cell(self, cells: tuple[object, ...], name: str) -> object:
        index = self.tracker.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def plan(self, number: int, cells: tuple[object, ...]) -> RowPlan:
        problems: list[str] = []
        notes: list[str] = []
        extra: list[str] = []

        def read(name: str, reader):  # noqa: ANN001, ANN202 - a cell reader from tracker_values
            try:
                return reader(self.cell(cells, name))
            except CellError as exc:
                problems.append(f"Row {number}, {self.tracker.headers[name]}: {exc}")
                return None

        description = self._text(number, "description", cells, problems)
        if not description:
            return self._without_action(number, cells, problems)
        duplicate = self.existing.get(description.casefold())
        if duplicate is not None:
            # Read no further: the row adds nothing, so its owner must not be offered as a new person.
            return RowPlan(number, description, skipped=f"already in the log (action {duplicate})")
        fields = dict(due_on=read("due", when), status=read("status", status) or "open",
                      completed_on=read("completed", when))
        owner, owner_id = self._owner(number, cells, problems, notes, extra)
        fields.update(self._links(number, cells, problems, notes, extra))
        if fields["status"] == "done":
            fields["completed_on"] = fields["completed_on"] or today()
        elif fields["completed_on"] is not None:
            notes.append(f"the completed date is ignored: the status is {ACTION_STATUS_LABELS[fields['status']]}")
            fields["completed_on"] = None
        update = "\n".join(filter(None, [self._text(number, "update", cells, problems), *extra]))
        notes += [f"possible {KIND_LABELS[f.kind]}: check before sharing" for f in
                  find_identifiers(description + "\n" + update, names=False)]
        return RowPlan(number, description, owner, owner_id, update=update, problems=tuple(problems),
                       notes=tuple(notes), **fields)

    def _without_action(self, number: int, cells: tuple, problems: list[str]) -> RowPlan:
        """A row with no action text: a heading such as 'Closed actions' is skipped; a row that has an owner,
        a due date or a status has lost its action, which the user must fix."""
        if problems or any(text(self.cell(cells, name)) for name in ("owner", "due", "status")):
            problems = problems or [f"Row {number}, {self.tracker.headers['description']}: is empty but the row has "
                                    f"other details"]
            return RowPlan(number, problems=tuple(problems))
        heading = " ".join(text(c) for c in cells if text(c))[:60]
        return RowPlan(number, skipped=f"a heading or note, not an action ('{heading}')")

    def _text(self, number: int, name: str, cells: tuple, problems: list[str]) -> str:
        value = text(self.cell(cells, name))
        if len(value) > TEXT_MAX:
            problems.append(f"Row {number}, {self.tracker.headers[name]}: is too long ({len(value):,} characters; "
                            f"the limit is {TEXT_MAX:,})")
            return ""
        return value

    def _owner(self, number: int, cells: tuple, problems: list[str], notes: list[str],
               extra: list[str]) -> tuple[str, int | None]:
        raw = self.cell(cells, "owner")
        written = text(raw)
        # Text our own export marked with an apostrophe is a name someone typed ("-Hyphen Smith"); unmarked
        # formula-like text is not: '=1+2 Owner' would otherwise become a person called '=1'.
        if looks_like_formula(written) and not was_marked(raw):
            problems.append(f"Row {number}, {self.tracker.headers['owner']}: {written[:40]!r} looks like a formula, "
                            f"not a name")
            return "", None
        names = owners(written)
        if not names:
            return "", None
        if len(names) > 1:
            extra.append("Also named as owner in the tracker: " + ", ".join(names[1:]))
            notes.append(f"only {names[0]} can be the owner; the others are kept in the update")
        name, key = names[0], person_key(names[0])
        if len(name) > NAME_MAX or not any(ch.isalpha() for ch in key):  # '3', what Excel showed for =1+2
            problems.append(f"Row {number}, {self.tracker.headers['owner']}: {name[:40]!r} is not a name")
            return "", None
        if key in self.people:
            self.matched.setdefault(key, name)
            return name, self.people[key]
        self.new_people.setdefault(key, name)
        return name, None

    def _links(self, number: int, cells: tuple, problems: list[str], notes: list[str], extra: list[str]) -> dict:
        """The meeting the action was raised at (by its date) and the issue it belongs to (by reference)."""
        links: dict = {"meeting_id": None, "issue_id": None}
        value = self.cell(cells, "raised")
        try:
            raised = when(value)
        except CellError as exc:
            # 'March meeting' is a description to keep; '31/02/2026' is a date typed wrongly.
            if any(ch.isalpha() for ch in text(value)):
                extra.append(f"Raised: {text(value)}")
            else:
                problems.append(f"Row {number}, {self.tracker.headers['raised']}: {exc}")
            raised = None
        if raised is not None:
            links["meeting_id"] = self.meetings.get(raised)
            if links["meeting_id"] is None:
                notes.append(f"no meeting on {raised:%d/%m/%Y}, the date raised: kept in the update")
                extra.append(f"Raised {raised:%d/%m/%Y}")
        reference = text(self.cell(cells, "issue")).upper()
        if reference:
            links["issue_id"] = self.issues.get(reference)
            if links["issue_id"] is None:
                notes.append(f"no issue {reference} in this group: the reference is kept in the update")
                extra.append(f"Issue: {reference}")
        return links


def preview_actions(session: Session, *, group_id: int, path: Path | str) -> ActionImportPreview:
    """Every row as it would be imported, with its problems and notes; writes nothing."""
    group = get_or_raise(session, Group, group_id, "group")
    tracker = read_tracker(path)
    planner = _Planner(session, group_id, tracker)
    rows = tuple(planner.plan(number, cells) for number, cells in tracker.rows)
    return ActionImportPreview(tracker.file_name, tracker.sheet, tracker.header_row, group_id, group.name,
                               dict(tracker.headers), tracker.ignored, rows, tuple(planner.new_people.values()),
                               tuple(planner.matched.values()))


def import_actions(session: Session, *, group_id: int, path: Path | str) -> ActionImportResult:
    """Reads and checks the whole file again, then adds every row, or raises before writing anything."""
    preview = preview_actions(session, group_id=group_id, path=path)
    if preview.problems:
        raise ActionImportError(preview.file_name, preview.problems)
    people = _add_people(session, preview)
    added = 0
    for row in preview.to_add:
        owner_id = row.owner_id if row.owner_id is not None or not row.owner else people[person_key(row.owner)]
        action = Action(group_id=group_id, description=row.description, owner_id=owner_id, due_on=row.due_on,
                        status=row.status, completed_on=row.completed_on, meeting_id=row.meeting_id,
                        issue_id=row.issue_id)
        if row.update:
            action.updates.append(ActionUpdate(on_date=today(), text=row.update))
        session.add(action)
        added += 1
    session.flush()
    result = ActionImportResult(added, len(people), len(preview.rows) - added)
    tracking.record(session, operation="import", entity="action", entity_id=0,
                    changes={"source": preview.file_name, "group_id": group_id, "added": added,
                             "people_added": len(people), "skipped": result.skipped})
    session.flush()
    return result


def _add_people(session: Session, preview: ActionImportPreview) -> dict[str, int]:
    """The owners who are not yet people here, added once each; name key -> new person id."""
    made = {}
    for name in preview.new_people:
        person = Person(name=name, role="other", sector="other",
                        notes=f"Added when importing actions from {preview.file_name} into {preview.group_name}.")
        session.add(person)
        made[person_key(name)] = person
    session.flush()
    return {key: person.id for key, person in made.items()}
