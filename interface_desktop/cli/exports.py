"""`export <document>`: every document the app writes (services.documents.kinds), from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from interface_desktop.cli.common import database_runner, export_subparsers, parse_date
from interface_desktop.services.documents.kinds import KINDS, DocumentKind


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    documents = export_subparsers(subparsers, parent)
    for kind in KINDS.values():
        p = documents.add_parser(kind.code, parents=[parent], help=kind.command_help)
        _subject(p, kind)
        _common(p, kind)


def _subject(p: argparse.ArgumentParser, kind: DocumentKind) -> None:
    """The arguments that choose what the document is about, as its subject requires."""
    if kind.subject in ("meeting", "issue"):
        p.add_argument(f"--{kind.subject}", type=int, required=True, metavar="ID")
        return
    p.add_argument("--group", type=int, metavar="ID", help="only this group (default: all groups)")
    if kind.subject == "group":
        p.add_argument("--status", help="open, in_progress, done, dropped (comma-separated for several)")
    else:
        p.add_argument("--from", dest="date_from", type=parse_date, required=True, metavar="YYYY-MM-DD")
        p.add_argument("--to", dest="date_to", type=parse_date, required=True, metavar="YYYY-MM-DD")
        summary = p.add_mutually_exclusive_group()
        summary.add_argument("--narrative", metavar="TEXT",
                             help="the lead's summary for the period: kept with the group and period, printed first")
        summary.add_argument("--narrative-file", type=Path, metavar="FILE", help="the summary from a UTF-8 text file")


def _common(p: argparse.ArgumentParser, kind: DocumentKind) -> None:
    p.add_argument("-o", "--output", required=True, type=Path, metavar="PATH",
                   help="file to write; its extension chooses the format")
    p.add_argument("--allow-identifiers", action="store_true",
                   help="write the document even though it contains text that looks like a patient identifier")
    if kind.takes_template:
        p.add_argument("--template", type=Path, metavar="DOCX", help="the board's Word template for .docx output")
    p.set_defaults(handler=cmd_export, document=kind.code)


def _statuses(text: str | None) -> tuple[str, ...] | None:
    from interface_desktop.vocab import ACTION_STATUSES
    from interface_desktop.services.core.errors import ValidationError

    if not text:
        return None
    statuses = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in statuses if s not in ACTION_STATUSES]
    if unknown:
        raise ValidationError({"status": f"unknown status {unknown[0]!r}; use {', '.join(ACTION_STATUSES)}"})
    return statuses


def _narrative(args: argparse.Namespace) -> str | None:
    """The summary given on the command line, or None to print the one already kept for the period."""
    from interface_desktop.services.core.errors import ValidationError

    path = getattr(args, "narrative_file", None)
    if path is None:
        return getattr(args, "narrative", None)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"narrative_file": f"{path} is not UTF-8 text"}) from None
    except OSError as exc:
        raise ValidationError({"narrative_file": f"{path} cannot be read ({exc.strerror or exc})"}) from None


def cmd_export(args: argparse.Namespace) -> int:
    from interface_desktop.exports import jobs, writing

    what = args.document
    request = jobs.ExportRequest(
        what=what, target=args.output,
        subject_id=getattr(args, "meeting", None) or getattr(args, "issue", None) or getattr(args, "group", None),
        template=getattr(args, "template", None), statuses=_statuses(getattr(args, "status", None)),
        date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None),
    )
    writing.check_format(what, args.output)
    narrative = _narrative(args)
    with database_runner(args, read_only=narrative is None) as runner:
        if narrative is not None:
            from interface_desktop.services.documents.narrative import save_narrative

            runner.call(save_narrative, group_id=request.subject_id, date_from=request.date_from,
                        date_to=request.date_to, text=narrative)
        written = jobs.run(runner, request, allow_identifiers=args.allow_identifiers)
    print(written)
    return 0
