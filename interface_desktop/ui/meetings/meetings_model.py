"""The meetings list: one row per meeting, latest or soonest first as the service returns them."""

from __future__ import annotations

from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel
from interface_desktop.vocab import MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS

COL_DATE, COL_STATUS, COL_MINUTES, COL_TITLE, COL_GROUP, COL_AGENDA, COL_PAPERS = range(7)


def _minutes_text(m: MeetingDTO) -> str:
    label = MINUTES_STATUS_LABELS[m.minutes_status]
    if m.minutes_status == "approved":
        return f"{label} (unlocked)" if m.minutes_unlocked else f"{label}, locked"
    return label


class MeetingsModel(DtoTableModel):
    columns = (
        Column("Date", lambda m: f"{m.starts_at:%a %d/%m/%Y %H:%M}", sort_key=lambda m: m.starts_at),
        Column("Meeting", lambda m: MEETING_STATUS_LABELS[m.status]),
        Column("Minutes", _minutes_text),
        Column("Title", lambda m: m.display_title, tooltip=lambda m: m.location or m.call_link),
        Column("Group", lambda m: m.group_name),
        Column("Items", lambda m: str(m.agenda_count), sort_key=lambda m: m.agenda_count, align_right=True),
        Column("Papers", lambda m: str(m.paper_count), sort_key=lambda m: m.paper_count, align_right=True),
    )
