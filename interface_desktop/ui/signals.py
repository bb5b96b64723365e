"""The app-wide signal hub: views announce changes and requests here instead of knowing each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# Kinds used with data_changed and open_record.
KINDS = ("group", "person", "meeting", "agenda", "attendance", "action", "issue", "activity", "resource", "paper")
# data_changed also names a group's issue categories ("lookup") and a restored database ("all").
CHANGE_KINDS = (*KINDS, "lookup", "all")


class AppSignals(QObject):
    """One instance per main window, passed to every view by constructor."""

    # Something of this kind changed (created, edited, deleted); views showing that kind refresh.
    data_changed = Signal(str)
    # Ask the main window to show a record: (kind, id). Kinds as in search hits and KINDS.
    open_record = Signal(str, int)
    # The current group changed: group id, or 0 for "All groups".
    group_changed = Signal(int)
    # A short message for the status bar.
    status_message = Signal(str)
    # Ask for a document: (what, id). what: "minutes", "agenda", "pack", "ics" (id = meeting id),
    # "sea" (id = issue id), "actions" (id = group id or 0), "report" (id = group id or 0).
    export_requested = Signal(str, int)
    # Show the audit trail of one record: (kind, id); kinds as in KINDS.
    history_requested = Signal(str, int)
    # A backup was written or the backup folder changed: the status bar shows the latest backup again.
    backups_changed = Signal()
