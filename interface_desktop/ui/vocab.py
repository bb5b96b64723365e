"""Labels for the fixed vocabularies, as people read them (codes stay in the services)."""

from __future__ import annotations

from interface_desktop.services.people.groups import BOARDS
from interface_desktop.services.core.labels import (  # noqa: F401 - one list for the views and the history
    ATTENDANCE_LABELS, GROUP_ROLE_LABELS, MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS,
)

BOARD_CHOICES = tuple(sorted(BOARDS.items(), key=lambda kv: kv[1]))
SECTOR_LABELS = {"primary": "Primary care", "secondary": "Secondary care", "other": "Other"}
AGENDA_KIND_LABELS = {"standing": "Standing", "decision": "For decision", "discussion": "For discussion",
                      "information": "For information"}
