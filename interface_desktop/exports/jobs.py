"""One entry point for every declared document (services.documents.kinds): checks, privacy guard, load, write.

The command line and the GUI both call `run`, so a document behaves the same from either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from interface_desktop.exports import writing
from interface_desktop.exports.safe_write import check_target
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.services.documents import sources
from interface_desktop.services.documents.kinds import KINDS, Selection

FINDINGS_LISTED = 3


class IdentifierFindingsError(ServiceError):
    """The document would include text that looks like a patient identifier and nobody has confirmed it."""

    def __init__(self, label: str, findings: list):
        self.findings = findings
        shown = "; ".join(f"{f.kind.upper()} in {f.entity.replace('_', ' ')} {f.entity_id} {f.field.replace('_', ' ')}"
                          for f in findings[:FINDINGS_LISTED])
        more = f" and {len(findings) - FINDINGS_LISTED} more" if len(findings) > FINDINGS_LISTED else ""
        super().__init__(f"the {label.lower()} would include {len(findings)} possible patient identifier(s) "
                         f"({shown}{more}); remove them or mark them as kept, or confirm the export "
                         f"(--allow-identifiers)")


@dataclass(frozen=True)
class ExportRequest:
    what: str
    target: Path
    subject_id: int | None = None  # meeting, issue, or group (None or 0 = all groups)
    template: Path | None = None  # the board's Word template for .docx output
    statuses: tuple[str, ...] | None = None  # action log filter
    date_from: date | None = None  # report period
    date_to: date | None = None

    @property
    def selection(self) -> Selection:
        return Selection(self.subject_id, self.statuses, self.date_from, self.date_to)


def load(runner: ServiceRunner, request: ExportRequest) -> Any:
    """The document's record, read in one unit of work."""
    return runner.call(sources.load, what=request.what, selection=request.selection)


def write(request: ExportRequest, doc: Any) -> Path:
    return writing.write(request.what, doc, request.target, template=request.template)


def identifier_findings(runner: ServiceRunner, request: ExportRequest) -> list:
    """Unresolved patient-identifier findings in the text the document would print."""
    return runner.call(sources.identifier_findings, what=request.what, selection=request.selection)


def check_template(template: Path) -> None:
    """A template that is missing or refused stops the export before any work, with a way out in the message."""
    from interface_desktop.exports.docx_styles import TemplateError, open_template

    if not Path(template).is_file():
        raise TemplateError(f"the Word template {template} cannot be found; choose another under Export > Word "
                            f"template…, or go back to the built-in one there")
    open_template(template)


def run(runner: ServiceRunner, request: ExportRequest, *, allow_identifiers: bool = False) -> Path:
    """Checks the format, the target (a locked file fails before any work) and, unless the user has
    confirmed, the privacy guard; then loads and writes."""
    writing.check_format(request.what, request.target)
    check_target(Path(request.target).expanduser().absolute())
    if request.template is not None and Path(request.target).suffix.lower() == ".docx":
        check_template(request.template)
    if not allow_identifiers:
        findings = identifier_findings(runner, request)
        if findings:
            raise IdentifierFindingsError(KINDS[request.what].label, findings)
    return write(request, load(runner, request))


def default_name(what: str, doc_title: str, on: date) -> str:
    """A file name a secretary would choose: 'Lothian Interface Group minutes 2026-11-25.docx'."""
    safe = "".join(ch for ch in doc_title if ch.isalnum() or ch in " -_&").strip() or "Interface Group"
    return f"{safe} {KINDS[what].label.lower()} {on:%Y-%m-%d}{KINDS[what].formats[0]}"
