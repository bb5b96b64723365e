"""Sub-commands over the records themselves: info, list, demo."""

from __future__ import annotations

import argparse

from interface_desktop.cli.common import database_runner, parse_date, print_json

LIST_KINDS = ("meetings", "actions", "issues", "activities", "people", "groups", "learning")


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    info = subparsers.add_parser("info", parents=[parent], help="where the data lives, schema revision, counts")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)

    lister = subparsers.add_parser("list", parents=[parent], help="list records as a JSON array")
    lister.add_argument("kind", choices=LIST_KINDS)
    lister.add_argument("--json", action="store_true", help="print JSON (the default and only format)")
    lister.add_argument("--group", type=int, metavar="ID", help="only this group")
    lister.add_argument("--status", help="status filter (comma-separated for several)")
    lister.add_argument("--owner", type=int, metavar="ID", help="actions: owner's person id")
    lister.add_argument("--overdue", action="store_true", help="actions: only overdue")
    lister.add_argument("--due-from", type=parse_date, metavar="YYYY-MM-DD")
    lister.add_argument("--due-to", type=parse_date, metavar="YYYY-MM-DD")
    lister.add_argument("--category", help="issues: category code")
    lister.add_argument("--direction", help="issues: primary_to_secondary, secondary_to_primary or both")
    lister.add_argument("--when", choices=("upcoming", "past"), help="meetings: upcoming or past")
    lister.add_argument("--kind", dest="activity_kind", help="activities: shadowing, webinar, ...")
    lister.add_argument("--text", help="text contained in the record")
    lister.add_argument("--theme", help="learning: national theme code")
    lister.add_argument("--board", help="learning: Health Board code")
    lister.set_defaults(handler=cmd_list)

    demo = subparsers.add_parser("demo", parents=[parent], help="fill the database with a realistic, fictional example")
    demo.add_argument("--json", action="store_true", help="print what was created as JSON")
    demo.set_defaults(handler=cmd_demo)


def cmd_info(args: argparse.Namespace) -> int:
    from interface_desktop.services.dashboard import stats

    with database_runner(args, read_only=True) as runner:
        report = runner.call(stats.database_info, location=runner.location)
    if args.json:
        print_json(report)
    else:
        print(f"Database:  {report['location']}")
        print(f"Schema:    {report['schema_revision']}")
        for key, value in report["counts"].items():
            print(f"{key.replace('_', ' ').capitalize():<14}{value:>8,}")
    return 0


def _statuses(text: str | None) -> tuple[str, ...] | None:
    return tuple(s.strip() for s in text.split(",") if s.strip()) if text else None


def cmd_list(args: argparse.Namespace) -> int:
    from interface_desktop.cli import rows

    if args.kind == "learning":
        from interface_desktop.cli.network import cmd_list_learning

        return cmd_list_learning(args)
    with database_runner(args, read_only=True) as runner:
        result = runner.call(
            rows.list_rows, args.kind, group_id=args.group, status=_statuses(args.status), owner_id=args.owner,
            overdue=args.overdue or None, due_from=args.due_from, due_to=args.due_to, category=args.category,
            direction=args.direction, when=args.when, activity_kind=args.activity_kind, text=args.text,
        )
    print_json(result)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from interface_desktop.demo import example as demo

    with database_runner(args) as runner:
        summary = runner.call(demo.load_demo)
    if args.json:
        print_json(summary)
    else:
        print(summary.message)
    return 0
