"""`import actions`: a group's action log from an Excel tracker (.xlsx) or .csv, all rows or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from interface_desktop.cli.common import UserError, database_runner, import_subparsers

WIDTH = 48


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    importer = import_subparsers(subparsers, parent).add_parser(
        "actions", parents=[parent], help="add the actions of an Excel tracker or .csv to a group; a file with a "
                                          "bad row changes nothing (see README: Importing actions)")
    importer.add_argument("file", metavar="FILE.xlsx|FILE.csv")
    importer.add_argument("--group", type=int, required=True, metavar="ID", help="the group the actions belong to")
    importer.add_argument("--dry-run", action="store_true",
                          help="show what each row would become, and any problems, without writing anything")
    importer.set_defaults(handler=cmd_import_actions)


def _row_line(row) -> str:  # noqa: ANN001 - an action_import.RowPlan
    if row.problems:
        return "\n".join(f"  problem  {problem}" for problem in row.problems)
    if row.skipped:
        return f"  Row {row.row:<4} skip   {row.skipped}"
    description = row.description if len(row.description) <= WIDTH else row.description[:WIDTH - 1] + "…"
    owner = f"{row.owner} ({'new person' if row.owner_id is None else 'matched'})" if row.owner else "no owner"
    due = f"due {row.due_on:%d/%m/%Y}" if row.due_on else "no due date"
    lines = [f"  Row {row.row:<4} add    {description:<{WIDTH}}  {owner}; {due}; {row.status_label}"]
    return "\n".join(lines + [f"               note: {note}" for note in row.notes])


def print_preview(preview) -> None:  # noqa: ANN001 - an action_import.ActionImportPreview
    where = f", sheet '{preview.sheet}'" if preview.sheet else ""
    print(f"{preview.file_name}{where}: header on row {preview.header_row}; columns read: "
          + ", ".join(preview.columns.values())
          + (f"; not read: {', '.join(preview.ignored_columns)}" if preview.ignored_columns else ""))
    for row in preview.rows:
        print(_row_line(row))
    if preview.new_people:
        print("New people: " + ", ".join(preview.new_people))
    print(preview.summary[0].upper() + preview.summary[1:] + ".")


def cmd_import_actions(args: argparse.Namespace) -> int:
    from interface_desktop.services.imports import action_import

    name = Path(args.file).name
    if args.dry_run:
        with database_runner(args, read_only=True) as runner:
            preview = runner.call(action_import.preview_actions, group_id=args.group, path=args.file)
        print_preview(preview)
        if preview.problems:
            raise UserError(f"{name}: {len(preview.problems)} row problem(s) to fix; nothing was imported")
        return 0
    with database_runner(args) as runner:
        result = runner.call(action_import.import_actions, group_id=args.group, path=args.file)
    print(result.message)
    return 0
