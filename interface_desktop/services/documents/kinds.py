"""Every document the app writes, declared once: its subject, how its record is built, the stored text it
prints (what the identifier guard scans before it goes out), its formats and writers, and how it is offered.

The command line, the menus, the export jobs and the guard all read `KINDS`; adding a document means adding
one declaration here (and its writer module). Loaders and writers are named by "module:function" strings and
imported only when a document is made, so reading the declaration costs the GUI nothing at start-up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

# meeting / issue: one record (required); group: one group's records or every group's, optionally by status;
# period: one group's or every group's records over a period (first and last day required).
Subject = Literal["meeting", "issue", "group", "period"]

DOCUMENTS = "interface_desktop.services.documents"
EXPORTS = "interface_desktop.exports"


@dataclass(frozen=True)
class Selection:
    """Which records a document is made from: its subject and, by subject, a status filter or a period."""

    subject_id: int | None = None  # the meeting, the issue, or the group (None: every group)
    statuses: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class Printed:
    """Stored text a document prints: these fields of the records of one kind that `records` selects
    (a name in services.identifiers.scope.SELECTIONS). The identifier guard scans exactly these."""

    entity: str
    fields: tuple[str, ...]
    records: str


@dataclass(frozen=True)
class DocumentKind:
    code: str  # the command-line name, and the key the GUI and the jobs use
    label: str
    subject: Subject
    loader: str  # "module:function" building the frozen record the writers receive
    printed: tuple[Printed, ...]
    writers: dict[str, str] = field(hash=False)  # extension -> "module:function"; the first is the default
    help: str  # the command line's description; the formats are added to it
    menu_text: str  # where the GUI offers it: the Meeting menu, the issue list, or the Export menu by subject
    shortcut: str = ""

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.writers)

    @property
    def takes_template(self) -> bool:
        """Word output is built on the board's template when one is chosen."""
        return ".docx" in self.writers

    @property
    def command_help(self) -> str:
        return f"{self.help} ({' or '.join(self.formats)})"


def resolve(dotted: str) -> Any:
    """The function a "package.module:function" string names, imported when first needed."""
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


MINUTES_TEXT = ("title", "discussion", "decisions")
SEA_TEXT = ("title", "impact", "resolution", "sea_what_happened", "sea_why", "sea_learned", "sea_changed",
            "sea_impact", "sea_contributory_factors", "sea_learning_needs", "sea_participants", "sea_facilitator")

_MINUTES = (Printed("meeting", ("title",), "meeting"),
            Printed("agenda_item", MINUTES_TEXT, "items"), Printed("attendance", ("declaration",), "attendance"),
            Printed("action", ("description",), "actions"), Printed("paper", ("title",), "papers"),
            # The amendments the minutes were approved with, and those of the minutes approved at the meeting.
            Printed("minutes_record", ("amendments",), "approvals"))
_PREVIOUS_MINUTES = tuple(Printed(p.entity, p.fields, f"previous_{p.records}") for p in _MINUTES)

KINDS: dict[str, DocumentKind] = {kind.code: kind for kind in (
    DocumentKind(
        "minutes", "Minutes", "meeting", f"{DOCUMENTS}.documents:minutes_doc", _MINUTES,
        {".docx": f"{EXPORTS}.minutes_docx:build"},
        help="Word minutes of a meeting", menu_text="Export &minutes (Word)…", shortcut="Ctrl+E"),
    DocumentKind(
        "agenda", "Agenda", "meeting", f"{DOCUMENTS}.documents:agenda_doc",
        (Printed("agenda_item", ("title",), "items"), Printed("paper", ("title",), "papers")),
        {".docx": f"{EXPORTS}.agenda:build_docx", ".pdf": f"{EXPORTS}.agenda:build_pdf"},
        help="agenda of a meeting", menu_text="Export &agenda…", shortcut="Ctrl+Shift+G"),
    DocumentKind(
        "pack", "Meeting pack", "meeting", f"{DOCUMENTS}.documents:pack_doc",
        (Printed("meeting", ("title",), "meeting"), Printed("agenda_item", ("title",), "items"),
         Printed("paper", ("title", "filename"), "papers"), *_PREVIOUS_MINUTES,
         Printed("action", ("description",), "open_actions"),
         Printed("action_update", ("text",), "open_action_updates"),
         Printed("interface_issue", ("title",), "open_issues")),
        {".pdf": f"{EXPORTS}.pack_pdf:build"},
        help="meeting pack: cover, agenda, previous minutes, action log, issues and papers",
        menu_text="Export meeting &pack (PDF)…", shortcut="Ctrl+Shift+K"),
    DocumentKind(
        "ics", "Calendar invitation", "meeting", f"{DOCUMENTS}.invitation:invitation_doc",
        (Printed("meeting", ("title",), "meeting"), Printed("agenda_item", ("title",), "items")),
        {".ics": f"{EXPORTS}.ics:build"},
        help="calendar invitation for a meeting", menu_text="Calendar &invite (.ics)…", shortcut="Ctrl+Shift+I"),
    DocumentKind(
        "sea", "Significant Event Analysis", "issue", f"{DOCUMENTS}.documents:sea_doc",
        (Printed("interface_issue", SEA_TEXT, "issue"), Printed("action", ("description",), "issue_actions")),
        {".docx": f"{EXPORTS}.sea:build_docx", ".pdf": f"{EXPORTS}.sea:build_pdf"},
        help="Significant Event Analysis of an issue", menu_text="SEA &report…", shortcut="Ctrl+Shift+E"),
    DocumentKind(
        "actions", "Action log", "group", f"{DOCUMENTS}.documents:action_log_doc",
        (Printed("action", ("description",), "group_actions"),
         Printed("action_update", ("text",), "group_action_updates")),
        {".xlsx": f"{EXPORTS}.action_log:build_xlsx", ".csv": f"{EXPORTS}.action_log:build_csv"},
        help="action log", menu_text="&Action log…", shortcut="Ctrl+Shift+X"),
    DocumentKind(
        "report", "Quarterly report", "period", f"{DOCUMENTS}.report_data:report_doc",
        (Printed("report_narrative", ("text",), "report_narrative"),
         Printed("interface_issue", ("title", "resolution", "learning"), "resolved_issues"),
         Printed("meeting", ("title",), "upcoming_meetings"), Printed("activity", ("title",), "upcoming_activities")),
        {".pdf": f"{EXPORTS}.report:build_pdf", ".docx": f"{EXPORTS}.report:build_docx"},
        help="quarterly report or newsletter", menu_text="&Quarterly report…", shortcut="Ctrl+Shift+R"),
)}
