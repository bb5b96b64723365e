"""Labels for the fixed vocabularies, in display order, for user interfaces that may not import the db layer."""

from __future__ import annotations

from interface_desktop.db.vocab import (
    ACTIVITY_KINDS, BOARDS, GROUP_ROLES, ISSUE_STATUSES, PARTICIPANT_ROLES, RESOURCE_KINDS, SEA_HARM, SECTORS,
    SEVERITIES,
)
from interface_desktop.services.activities import KIND_LABELS
from interface_desktop.services.files import RESOURCE_KIND_LABELS
from interface_desktop.services.issues import DIRECTION_LABELS, HARM_LABELS, STATUS_LABELS

SECTOR_LABELS = {"primary": "Primary care", "secondary": "Secondary care", "other": "Other"}
SEVERITY_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High", "severe": "Severe"}
GROUP_ROLE_LABELS = {"lead": "Lead", "co-lead": "Co-lead", "secretary": "Secretary", "member": "Member"}
PARTICIPANT_ROLE_LABELS = {"host": "Host", "visitor": "Visitor", "presenter": "Presenter", "organiser": "Organiser",
                           "attendee": "Attendee"}
BOARD_LABELS = dict(BOARDS)
ISSUE_STATUS_LABELS = {code: STATUS_LABELS[code] for code in ISSUE_STATUSES}
ISSUE_DIRECTION_LABELS = dict(DIRECTION_LABELS)
SEA_HARM_LABELS = {code: HARM_LABELS[code] for code in SEA_HARM}
ACTIVITY_KIND_LABELS = {code: KIND_LABELS[code] for code in ACTIVITY_KINDS}
RESOURCE_LABELS = {code: RESOURCE_KIND_LABELS[code] for code in RESOURCE_KINDS}

# Every vocabulary above must label every code the schema allows.
assert set(SECTOR_LABELS) == set(SECTORS) and set(SEVERITY_LABELS) == set(SEVERITIES)
assert set(GROUP_ROLE_LABELS) == set(GROUP_ROLES) and set(PARTICIPANT_ROLE_LABELS) == set(PARTICIPANT_ROLES)
