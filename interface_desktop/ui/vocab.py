"""Labels for the fixed vocabularies, as people read them (codes stay in the services)."""

from __future__ import annotations

from interface_desktop.services.groups import BOARDS

BOARD_CHOICES = tuple(sorted(BOARDS.items(), key=lambda kv: kv[1]))
SECTOR_LABELS = {"primary": "Primary care", "secondary": "Secondary care", "other": "Other"}
GROUP_ROLE_LABELS = {"lead": "Lead", "co-lead": "Co-lead", "secretary": "Secretary", "member": "Member"}
MEETING_STATUS_LABELS = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}
MINUTES_STATUS_LABELS = {"draft": "Draft", "circulated": "Circulated", "approved": "Approved"}
ATTENDANCE_LABELS = {"present": "Present", "apologies": "Apologies", "absent": "Absent",
                     "in_attendance": "In attendance"}
AGENDA_KIND_LABELS = {"standing": "Standing", "decision": "For decision", "discussion": "For discussion",
                      "information": "For information"}
