"""Relationship-building activities as a table of ActivityDTOs."""

from __future__ import annotations

from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.vocab import PARTICIPANT_ROLE_LABELS
from interface_desktop.ui.widgets.forms import uk_date
from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel

COL_DATE, COL_KIND, COL_TITLE, COL_FEEDBACK, COL_WHERE, COL_PARTICIPANTS, COL_GROUP = range(7)


def dates_text(a: ActivityDTO) -> str:
    if a.ends_on and a.ends_on != a.starts_on:
        return f"{uk_date(a.starts_on)} – {uk_date(a.ends_on)}"
    return uk_date(a.starts_on)


def feedback_text(a: ActivityDTO) -> str:
    if a.average_score is None:
        return "No feedback"
    return f"{a.average_score:.1f} / 5 from {len(a.feedback)}"


def participants_text(a: ActivityDTO) -> str:
    return ", ".join(f"{p.name} ({PARTICIPANT_ROLE_LABELS[p.role].lower()})" for p in a.participants)


class ActivitiesModel(DtoTableModel):
    columns = (
        Column("Date", dates_text, sort_key=lambda a: a.starts_on),
        Column("Kind", lambda a: a.kind_label),
        Column("Title", lambda a: a.title, tooltip=lambda a: a.description or a.title),
        Column("Feedback", feedback_text, sort_key=lambda a: a.average_score or 0, align_right=True),
        Column("Host / venue", lambda a: " · ".join(x for x in (a.host_department, a.location) if x)),
        Column("Participants", participants_text, tooltip=participants_text),
        Column("Group", lambda a: a.group_name),
    )
