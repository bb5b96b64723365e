"""All mapped classes, importable from one place."""

from interface_desktop.db.models.activities import Activity, ActivityFeedback, ActivityParticipant
from interface_desktop.db.models.audit import AuditEntry, SearchDocument
from interface_desktop.db.models.files import FileBlob, Paper, Resource
from interface_desktop.db.models.identity import DatabaseIdentity
from interface_desktop.db.models.issues import InterfaceIssue, IssueMeeting, IssueStatusChange
from interface_desktop.db.models.meetings import (
    Action,
    ActionNumber,
    ActionStatusChange,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    MinutesRecord,
)
from interface_desktop.db.models.network import NetworkDigest, NetworkItem, ShareTheme, ThemeMapping
from interface_desktop.db.models.people import Group, GroupStandingItem, LookupValue, Membership, Person
from interface_desktop.db.models.privacy import PrivacyException
from interface_desktop.db.models.reports import ReportNarrative

__all__ = [
    "Action", "ActionNumber", "ActionStatusChange", "ActionUpdate", "Activity", "ActivityFeedback",
    "ActivityParticipant", "AgendaItem", "Attendance", "AuditEntry", "DatabaseIdentity", "FileBlob", "Group",
    "GroupStandingItem", "InterfaceIssue", "IssueMeeting", "IssueStatusChange", "LookupValue", "Meeting",
    "Membership", "MinutesRecord", "Paper", "Person", "Resource", "SearchDocument",
    "PrivacyException", "ReportNarrative",
    "NetworkDigest", "NetworkItem", "ShareTheme", "ThemeMapping",
]
