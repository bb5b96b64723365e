"""`export data` and `import data`: the whole database, or one group, as a versioned JSON file."""

from __future__ import annotations

import argparse
from pathlib import Path

from interface_desktop.cli.common import UserError, database_runner, export_subparsers, import_subparsers
from interface_desktop.cli.safety import refuse_protected


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    exporter = export_subparsers(subparsers, parent).add_parser(
        "data", parents=[parent], help="every record as a JSON data file (see README: JSON data format)")
    exporter.add_argument("-o", "--output", required=True, metavar="FILE.json", help="file to write")
    exporter.add_argument("--group", type=int, metavar="ID", help="only this group (and the people it mentions)")
    exporter.set_defaults(handler=cmd_export_data)

    importer = import_subparsers(subparsers, parent).add_parser(
        "data", parents=[parent], help="add the records of a JSON data file; a bad file changes nothing")
    importer.add_argument("file", metavar="FILE.json")
    importer.set_defaults(handler=cmd_import_data)


def cmd_export_data(args: argparse.Namespace) -> int:
    from interface_desktop.services.interchange import interchange

    target = Path(args.output).expanduser()
    refuse_protected(args, target)
    with database_runner(args, read_only=True) as runner:
        document = runner.call(interchange.export_data, group_id=args.group)
    size = interchange.write_document(document, target)
    counts = ", ".join(f"{len(document[k])} {k}" for k in ("groups", "people", "meetings", "actions", "issues",
                                                            "activities"))
    print(f"Exported {counts} to {target} ({size / 1024:,.0f} KB).")
    return 0


def cmd_import_data(args: argparse.Namespace) -> int:
    from interface_desktop.services.interchange import interchange

    document = interchange.read_document(args.file)
    name = Path(args.file).name
    try:
        with database_runner(args) as runner:
            summary = runner.call(interchange.import_data, document, source=name)
    except interchange.InterchangeError as exc:
        raise UserError(f"{name}: {exc}; nothing was imported") from None
    print(summary.message)
    return 0
