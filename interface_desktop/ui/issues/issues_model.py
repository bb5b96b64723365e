"""The interface-issue log as a table of IssueDTOs."""

from __future__ import annotations

from interface_desktop.vocab import ISSUE_STATUS_LABELS, SEVERITY_LABELS
from interface_desktop.services.issues.issues import IssueDTO
from interface_desktop.ui.widgets.forms import uk_date
from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel

COL_REFERENCE, COL_TITLE, COL_STATUS, COL_SEA, COL_SEVERITY, COL_RAISED, COL_CATEGORY, COL_DIRECTION, \
    COL_SPECIALTY, COL_GROUP = range(10)
SEVERITY_ORDER = {code: n for n, code in enumerate(SEVERITY_LABELS)}
ISSUE_STATUS_ORDER = {code: n for n, code in enumerate(ISSUE_STATUS_LABELS)}


def _sea(i: IssueDTO) -> str:
    if i.sea is None:
        return ""
    graded = [i.sea.harm_label] if i.sea.harm else []
    graded += [f"grade {i.sea.risk_grade}"] if i.sea.risk_grade else []
    return ", ".join(graded) or "Yes, not graded"


class IssuesModel(DtoTableModel):
    columns = (
        Column("Reference", lambda i: i.reference),
        Column("Title", lambda i: i.title, tooltip=lambda i: i.description or i.title),
        Column("Status", lambda i: i.status_label,
               sort_key=lambda i: (ISSUE_STATUS_ORDER[i.status], i.status_changed_on),
               tooltip=lambda i: f"{i.status_label} since {uk_date(i.status_changed_on)}" if i.status_changed_on
               else i.status_label),
        Column("SEA", _sea),
        Column("Severity", lambda i: SEVERITY_LABELS.get(i.severity, i.severity),
               sort_key=lambda i: SEVERITY_ORDER.get(i.severity, 0)),
        Column("Raised", lambda i: uk_date(i.raised_on), sort_key=lambda i: i.raised_on),
        Column("Category", lambda i: i.category_label),
        Column("Direction", lambda i: i.direction_label),
        Column("Specialty", lambda i: i.specialty_label),
        Column("Group", lambda i: i.group_name),
    )
