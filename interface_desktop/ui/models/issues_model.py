"""The interface-issue log as a table of IssueDTOs."""

from __future__ import annotations

from interface_desktop.services.choices import SEVERITY_LABELS
from interface_desktop.services.issues import IssueDTO
from interface_desktop.ui.forms import uk_date
from interface_desktop.ui.models.dto_table_model import Column, DtoTableModel

COL_REFERENCE, COL_TITLE, COL_STATUS, COL_SEA, COL_SEVERITY, COL_RAISED, COL_CATEGORY, COL_DIRECTION, \
    COL_SPECIALTY, COL_GROUP = range(10)
SEVERITY_ORDER = {code: n for n, code in enumerate(SEVERITY_LABELS)}


def _sea(i: IssueDTO) -> str:
    if i.sea is None:
        return ""
    return "SEA" + (f" · {i.sea.harm_label}" if i.sea.harm else "") + (
        f" · grade {i.sea.risk_grade}" if i.sea.risk_grade else "")


class IssuesModel(DtoTableModel):
    columns = (
        Column("Reference", lambda i: i.reference),
        Column("Title", lambda i: i.title, tooltip=lambda i: i.description or i.title),
        Column("Status", lambda i: i.status_label + (f" since {uk_date(i.status_changed_on)}"
                                                     if i.status_changed_on else ""),
               sort_key=lambda i: (i.status, i.status_changed_on)),
        Column("SEA", _sea),
        Column("Severity", lambda i: SEVERITY_LABELS.get(i.severity, i.severity),
               sort_key=lambda i: SEVERITY_ORDER.get(i.severity, 0)),
        Column("Raised", lambda i: uk_date(i.raised_on), sort_key=lambda i: i.raised_on),
        Column("Category", lambda i: i.category_label),
        Column("Direction", lambda i: i.direction_label),
        Column("Specialty", lambda i: i.specialty_label),
        Column("Group", lambda i: i.group_name),
    )
