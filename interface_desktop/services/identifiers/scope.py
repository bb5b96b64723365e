"""Which stored records, and which of their text fields, a document would print: read from the document's
declaration (services.documents.kinds), so the privacy guard checks exactly that text before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Group,
    InterfaceIssue,
    Meeting,
    Paper,
)
from interface_desktop.services.actions import history
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.documents import minutes_record, narrative, report_data
from interface_desktop.services.documents.kinds import KINDS, Selection
from interface_desktop.services.meetings import meetings
from interface_desktop.vocab import ISSUE_OPEN_STATUSES as OPEN_ISSUES

Scope = list[tuple[str, int, tuple[str, ...]]]  # (entity, id, the fields printed)
SUBJECT_RECORDS = {"meeting": (Meeting, "meeting"), "issue": (InterfaceIssue, "interface issue"),
                   "group": (Group, "group"), "period": (Group, "group")}


class SubjectRecords:
    """What a document is about, with the records around it looked up once however many selections ask."""

    def __init__(self, session: Session, selection: Selection):
        self.session = session
        self.selection = selection
        self.id = selection.subject_id

    @cached_property
    def previous_id(self) -> int | None:
        previous = meetings.previous_meeting(self.session, self.id)
        return previous.id if previous else None

    @cached_property
    def meeting_group_id(self) -> int:
        return self.session.get(Meeting, self.id).group_id

    @cached_property
    def open_actions(self) -> list[int]:
        """The pack's action log: the actions open as the meeting began (not those open today)."""
        return list(history.open_at_meeting(self.session, self.id))

    @cached_property
    def group_actions(self) -> list[int]:
        query = select(Action.id)
        if self.id:
            query = query.where(Action.group_id == self.id)
        if self.selection.statuses:
            query = query.where(Action.status.in_(self.selection.statuses))
        return self.ids(query)

    def ids(self, query) -> list[int]:  # noqa: ANN001 - a Select of one id column
        return list(self.session.scalars(query))

    def of_meeting(self, column, meeting_id: int | None) -> list[int]:  # noqa: ANN001 - a model's meeting_id
        return [] if meeting_id is None else self.ids(select(column.class_.id).where(column == meeting_id))

    def approvals_of(self, meeting_id: int | None) -> list[int]:
        return [] if meeting_id is None else minutes_record.printed_ids(self.session, meeting_id)

    def updates_of(self, action_ids: list[int]) -> list[int]:
        return self.ids(select(ActionUpdate.id).where(ActionUpdate.action_id.in_(action_ids))) if action_ids else []


def _resolved_issues(subject: SubjectRecords) -> list[int]:
    selection = subject.selection
    return [i.id for i in report_data.highlighted_issues(subject.session, group_id=subject.id or None,
                                                         date_from=selection.date_from, date_to=selection.date_to)]


def _report_narrative(subject: SubjectRecords) -> list[int]:
    selection = subject.selection
    found = narrative.narrative_id(subject.session, group_id=subject.id or None, date_from=selection.date_from,
                                   date_to=selection.date_to)
    return [found] if found is not None else []


_MEETING_PARTS = {"items": AgendaItem.meeting_id, "attendance": Attendance.meeting_id, "actions": Action.meeting_id,
                  "papers": Paper.meeting_id}

# The records each declared selection names (Printed.records), as ids.
SELECTIONS: dict[str, Callable[[SubjectRecords], Iterable[int]]] = {
    "meeting": lambda s: [s.id],
    "previous_meeting": lambda s: [] if s.previous_id is None else [s.previous_id],
    **{name: lambda s, column=column: s.of_meeting(column, s.id) for name, column in _MEETING_PARTS.items()},
    **{f"previous_{name}": lambda s, column=column: s.of_meeting(column, s.previous_id)
       for name, column in _MEETING_PARTS.items()},
    "approvals": lambda s: s.approvals_of(s.id),
    "previous_approvals": lambda s: s.approvals_of(s.previous_id),
    "open_actions": lambda s: s.open_actions,
    "open_action_updates": lambda s: s.updates_of(s.open_actions),
    "open_issues": lambda s: s.ids(select(InterfaceIssue.id).where(InterfaceIssue.group_id == s.meeting_group_id,
                                                                   InterfaceIssue.status.in_(OPEN_ISSUES))),
    "issue": lambda s: [s.id],
    "issue_actions": lambda s: s.ids(select(Action.id).where(Action.issue_id == s.id)),
    "group_actions": lambda s: s.group_actions,
    "group_action_updates": lambda s: s.updates_of(s.group_actions),
    "resolved_issues": _resolved_issues,
    "report_narrative": _report_narrative,
    "upcoming_meetings": lambda s: [m.id for m in report_data.upcoming_meetings(s.session, s.id or None)],
    "upcoming_activities": lambda s: [a.id for a in report_data.upcoming_activities(s.session, s.id or None)],
}


def records_for(session: Session, what: str, selection: Selection) -> Scope:
    """(entity, id, fields) for every stored text the document `what` would print."""
    kind = KINDS[what]
    model, label = SUBJECT_RECORDS[kind.subject]
    if selection.subject_id or kind.subject in ("meeting", "issue"):
        get_or_raise(session, model, selection.subject_id, label)
    subject = SubjectRecords(session, selection)
    return [(printed.entity, record_id, printed.fields)
            for printed in kind.printed for record_id in SELECTIONS[printed.records](subject)]
