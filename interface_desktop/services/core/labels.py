"""The fixed vocabularies as people read them, derived RAG and today's date: plain Python, no database.

Kept apart from the services that query, so the first window (and the ui's label lists) can use them before
the data layer has loaded.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

ACTION_OPEN_STATUSES = ("open", "in_progress")
DUE_SOON_DAYS = 7
RAG_LABELS = {"red": "Overdue", "amber": "Due soon", "green": "On track", "grey": "Dropped"}
ACTION_STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}

ISSUE_DIRECTION_LABELS = {"primary_to_secondary": "Primary → secondary",
                          "secondary_to_primary": "Secondary → primary", "both": "Both directions"}
ISSUE_STATUS_LABELS = {"new": "New", "under_review": "Under review", "action_agreed": "Action agreed",
                       "resolved": "Resolved", "closed": "Closed"}
ISSUE_OPEN_STATUSES = ("new", "under_review", "action_agreed")

ACTIVITY_KIND_LABELS = {"shadowing": "Work shadowing", "shared_learning": "Shared learning event",
                        "joint_teaching": "Joint teaching", "webinar": "Webinar", "visit": "Visit"}

MEETING_STATUS_LABELS = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}
MINUTES_STATUS_LABELS = {"draft": "Draft", "circulated": "Circulated", "approved": "Approved"}
ATTENDANCE_LABELS = {"present": "Present", "apologies": "Apologies", "absent": "Absent",
                     "in_attendance": "In attendance"}
GROUP_ROLE_LABELS = {"lead": "Lead", "co-lead": "Co-lead", "secretary": "Secretary", "member": "Member"}


def today() -> date:
    """The current date; INTERFACE_DESKTOP_TODAY pins it for reproducible demos and tests."""
    pinned = os.environ.get("INTERFACE_DESKTOP_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def rag_for(status: str, due_on: date | None, on: date | None = None) -> str:
    """red = overdue, amber = due within 7 days, green = done or on track, grey = dropped."""
    on = on or today()
    if status == "dropped":
        return "grey"
    if status == "done" or due_on is None:
        return "green"
    if due_on < on:
        return "red"
    if due_on <= on + timedelta(days=DUE_SOON_DAYS):
        return "amber"
    return "green"


def rag_label(status: str, rag: str) -> str:
    return "Done" if status == "done" else RAG_LABELS[rag]
