"""One entry point for every document: which formats it has, how its record is loaded, how it is written.

The command line and the GUI both call `run`, so a document behaves the same from either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from interface_desktop.exports.safe_write import ExportError, check_target
from interface_desktop.services.documents import documents
from interface_desktop.services.identifiers import scope as export_scope
from interface_desktop.services.identifiers import guard as privacy_guard
from interface_desktop.services.documents import report_data
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.core.runner import ServiceRunner

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
class DocumentKind:
    what: str
    label: str
    formats: tuple[str, ...]  # extensions, the first is the default
    subject: str  # "meeting", "issue" or "group"


KINDS = {k.what: k for k in (
    DocumentKind("minutes", "Minutes", (".docx",), "meeting"),
    DocumentKind("agenda", "Agenda", (".docx", ".pdf"), "meeting"),
    DocumentKind("pack", "Meeting pack", (".pdf",), "meeting"),
    DocumentKind("ics", "Calendar invitation", (".ics",), "meeting"),
    DocumentKind("sea", "Significant Event Analysis", (".docx", ".pdf"), "issue"),
    DocumentKind("actions", "Action log", (".xlsx", ".csv"), "group"),
    DocumentKind("report", "Quarterly report", (".pdf", ".docx"), "group"),
)}


@dataclass(frozen=True)
class ExportRequest:
    what: str
    target: Path
    subject_id: int | None = None  # meeting, issue, or group (None or 0 = all groups)
    template: Path | None = None  # the board's Word template for .docx output
    statuses: tuple[str, ...] | None = None  # action log filter
    date_from: date | None = None  # report period
    date_to: date | None = None


def check_format(what: str, target: Path | str) -> str:
    """The extension, when this document can be written in it; otherwise a message listing the formats."""
    kind = KINDS[what]
    suffix = Path(target).suffix.lower()
    if suffix not in kind.formats:
        formats = " or ".join(kind.formats)
        got = suffix or "a name without an extension"
        raise ExportError(f"{kind.label.lower()} can be saved as {formats}, not {got}")
    return suffix


def load(runner: ServiceRunner, request: ExportRequest) -> Any:
    """The document's record, read in one unit of work."""
    what, subject = request.what, request.subject_id
    if what == "minutes":
        return runner.call(documents.minutes_doc, subject)
    if what in ("agenda", "ics"):
        return runner.call(documents.agenda_doc, subject)
    if what == "pack":
        return runner.call(documents.pack_doc, subject)
    if what == "sea":
        return runner.call(documents.sea_doc, subject)
    if what == "actions":
        return runner.call(documents.action_log_doc, group_id=subject or None, status=request.statuses)
    if request.date_from is None or request.date_to is None:
        raise ExportError("a report needs the first and last day of its period")
    return runner.call(report_data.report_doc, date_from=request.date_from, date_to=request.date_to,
                       group_id=subject or None)


def write(request: ExportRequest, doc: Any) -> Path:
    from interface_desktop.exports import action_log, agenda, ics, minutes_docx, pack_pdf, report, sea

    target, template = request.target, request.template
    writers = {
        "minutes": lambda: minutes_docx.export(doc, target, template=template),
        "agenda": lambda: agenda.export(doc, target, template=template),
        "pack": lambda: pack_pdf.export(doc, target),
        "ics": lambda: ics.export(doc, target),
        "sea": lambda: sea.export(doc, target, template=template),
        "actions": lambda: action_log.export(doc, target),
        "report": lambda: report.export(doc, target, template=template),
    }
    return writers[request.what]()


def identifier_findings(runner: ServiceRunner, request: ExportRequest) -> list:
    """Unresolved patient-identifier findings in the records the document would print."""
    records = runner.call(export_scope.records_for, request.what, request.subject_id, statuses=request.statuses,
                          date_from=request.date_from, date_to=request.date_to)
    return runner.call(privacy_guard.privacy_findings_for_export, records)


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
    check_format(request.what, request.target)
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
