"""`export data` and `import data`: the whole database, or one group, as a versioned JSON file."""

from __future__ import annotations

import argparse
from pathlib import Path

from interface_desktop.cli.common import UserError, export_subparsers, import_subparsers, open_db


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
    db = open_db(args, read_only=True)
    try:
        with db.session_scope() as session:
            document = interchange.export_data(session, group_id=args.group)
    finally:
        db.dispose()
    size = interchange.write_document(document, target)
    counts = ", ".join(f"{len(document[k])} {k}" for k in ("groups", "people", "meetings", "actions", "issues",
                                                            "activities"))
    print(f"Exported {counts} to {target} ({size / 1024:,.0f} KB).")
    return 0


def cmd_import_data(args: argparse.Namespace) -> int:
    from interface_desktop.services.interchange import interchange

    document = interchange.read_document(args.file)
    name = Path(args.file).name
    db = open_db(args)
    try:
        with db.session_scope() as session:
            summary = interchange.import_data(session, document, source=name)
    except interchange.InterchangeError as exc:
        raise UserError(f"{name}: {exc}; nothing was imported") from None
    finally:
        db.dispose()
    print(summary.message)
    return 0
