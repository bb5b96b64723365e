"""What a record holding a status code says about it (its label, whether it is open, its RAG label), written once."""

from __future__ import annotations

from typing import ClassVar

from interface_desktop.vocab import (
    ACTION_OPEN_STATUSES, ACTION_STATUS_LABELS, ISSUE_OPEN_STATUSES, ISSUE_STATUS_LABELS, rag_label,
)


class _Status:
    """For a frozen dataclass with a `status` field; the subclass names the vocabulary it comes from."""

    STATUS_LABELS: ClassVar[dict[str, str]]
    OPEN_STATUSES: ClassVar[tuple[str, ...]]
    status: str

    @property
    def status_label(self) -> str:
        return self.STATUS_LABELS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class ActionStatus(_Status):
    STATUS_LABELS = ACTION_STATUS_LABELS
    OPEN_STATUSES = ACTION_OPEN_STATUSES


class IssueStatus(_Status):
    STATUS_LABELS = ISSUE_STATUS_LABELS
    OPEN_STATUSES = ISSUE_OPEN_STATUSES


class ActionRag(ActionStatus):
    """An action as a list shows it, with its derived RAG colour in a `rag` field."""

    rag: str

    @property
    def rag_label(self) -> str:
        return rag_label(self.status, self.rag)
