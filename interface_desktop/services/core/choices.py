"""Labels for the record pages' vocabularies, in display order, checked against the schema's codes."""

from __future__ import annotations

from interface_desktop.db.vocab import (
    ACTIVITY_KINDS, ISSUE_STATUSES, PARTICIPANT_ROLES, RESOURCE_KINDS, SEA_HARM, SEVERITIES,
)
from interface_desktop.services.activities.activities import KIND_LABELS
from interface_desktop.services.documents.files import RESOURCE_KIND_LABELS
from interface_desktop.services.issues.issues import DIRECTION_LABELS, HARM_LABELS, STATUS_LABELS

SEVERITY_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High", "severe": "Severe"}
PARTICIPANT_ROLE_LABELS = {"host": "Host", "visitor": "Visitor", "presenter": "Presenter", "organiser": "Organiser",
                           "attendee": "Attendee"}
ISSUE_STATUS_LABELS = {code: STATUS_LABELS[code] for code in ISSUE_STATUSES}
ISSUE_DIRECTION_LABELS = dict(DIRECTION_LABELS)
SEA_HARM_LABELS = {code: HARM_LABELS[code] for code in SEA_HARM}
ACTIVITY_KIND_LABELS = {code: KIND_LABELS[code] for code in ACTIVITY_KINDS}
RESOURCE_LABELS = {code: RESOURCE_KIND_LABELS[code] for code in RESOURCE_KINDS}

# Every vocabulary above must label every code the schema allows.
assert set(SEVERITY_LABELS) == set(SEVERITIES) and set(PARTICIPANT_ROLE_LABELS) == set(PARTICIPANT_ROLES)
