"""`export digest`, `import digest` and `list learning`: the learning network from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interface_desktop.cli.common import (
    UserError,
    database_runner,
    export_subparsers,
    import_subparsers,
    parse_date,
    print_json,
)

DIGEST_SUFFIX = ".idlearn"


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    exporter = export_subparsers(subparsers, parent).add_parser(
        "digest", parents=[parent], help="a group's learning digest for a period, to share with other groups "
                                         "(see docs/learning-digest.md)")
    exporter.add_argument("--group", type=int, required=True, metavar="ID")
    exporter.add_argument("--from", dest="date_from", type=parse_date, required=True, metavar="YYYY-MM-DD")
    exporter.add_argument("--to", dest="date_to", type=parse_date, required=True, metavar="YYYY-MM-DD")
    exporter.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.idlearn")
    exporter.add_argument("--dry-run", action="store_true",
                          help="print every text that would leave, with its flags, and write nothing")
    exporter.add_argument("--lead-contact", action="store_true",
                          help="the lead agreed to be named as the contact: include their name, role and e-mail")
    exporter.add_argument("--exclude", action="append", default=[], metavar="KEY",
                          help="leave out one record, e.g. issue:12 or activity:4 (repeat for several)")
    exporter.set_defaults(handler=cmd_export_digest)

    importer = import_subparsers(subparsers, parent).add_parser(
        "digest", parents=[parent], help="add other groups' learning digests to the network library; every file "
                                         "is checked first and a bad one changes nothing")
    importer.add_argument("files", nargs="+", metavar="FILE.idlearn")
    importer.set_defaults(handler=cmd_import_digest)


def _review_lines(plan) -> list[str]:  # noqa: ANN001 - a DigestPlan
    from interface_desktop.services.network.quality import QUALITY_FLAG_LABELS

    lines = [f"{plan.group_name} ({plan.board_name}), {plan.period_from} to {plan.period_to}: "
             f"{len(plan.items)} records"]
    for item in plan.items:
        theme = item.theme + ("" if item.theme_confirmed else " (suggested)")
        lines.append(f"[{item.key}] {item.kind} {item.reference} {item.title} - theme {theme}, stage {item.stage}")
        lines += [f"    flag: {QUALITY_FLAG_LABELS[flag]}" for flag in item.quality_flags]
        lines += [f"    {text.field_label}: {text.text}" for text in plan.texts if text.item_key == item.key]
    lines += [f"check before sharing (a name): {t.label}, {t.field_label}" for t in plan.name_flags]
    lines += [f"stops the export: {blocker.message()}" for blocker in plan.blockers]
    return lines


def cmd_export_digest(args: argparse.Namespace) -> int:
    from datetime import datetime

    from interface_desktop.exports.digest_pdf import summary_pdf
    from interface_desktop.exports.safe_write import write_file
    from interface_desktop.services.network import digest, package

    target = args.output.expanduser()
    if target.suffix.lower() != DIGEST_SUFFIX:
        raise UserError(f"a learning digest is written to a {DIGEST_SUFFIX} file, not {target.name}")
    with database_runner(args, read_only=True) as runner:
        plan = runner.call(digest.build_digest, group_id=args.group, period_from=args.date_from,
                           period_to=args.date_to, lead_contact=args.lead_contact, exclude=frozenset(args.exclude))
    if args.dry_run:
        print("\n".join(_review_lines(plan)))
    if plan.blockers:
        more = f" (and {len(plan.blockers) - 1} more)" if len(plan.blockers) > 1 else ""
        raise UserError(f"the digest was not written: {plan.blockers[0].message()}{more}; remove it, or keep it "
                        f"with a reason in the privacy check")
    if args.dry_run:
        return 0
    for text in plan.name_flags:
        print(f"check before sharing (a name): {text.label}, {text.field_label}", file=sys.stderr)
    pdf = summary_pdf(plan)
    write_file(target, lambda temp: package.write_package(temp, plan, pdf, created_at=datetime.now()))
    print(f"Wrote {len(plan.items)} shared records of {plan.group_name} to {target}.")
    return 0


def cmd_import_digest(args: argparse.Namespace) -> int:
    from interface_desktop.services.core.errors import ServiceError
    from interface_desktop.services.network import library, package

    try:
        digests = [package.read_package(Path(name).expanduser()) for name in args.files]
    except ServiceError as exc:
        raise UserError(f"{exc}; nothing was imported") from None
    with database_runner(args) as runner:
        outcomes = runner.call(library.import_digests, digests)
    for outcome in outcomes:
        print(outcome.message)
    return 0


def cmd_list_learning(args: argparse.Namespace) -> int:
    from interface_desktop.services.network import library

    with database_runner(args, read_only=True) as runner:
        rows = runner.call(library.list_learning, theme=args.theme, board=args.board)
    print_json(rows)
    return 0
