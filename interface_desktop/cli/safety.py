"""Sub-commands that keep the data safe: backup, restore, check, scan, check-text, history, audit-log."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from interface_desktop.cli.common import UserError, cli_paths, database_runner, print_json


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser("backup", parents=[parent], help="write a verified copy of the database")
    backup.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="where to write it (default: a new file in the backup folder)")
    backup.set_defaults(handler=cmd_backup)

    restore = subparsers.add_parser("restore", parents=[parent],
                                    help="replace the database by a backup (checked first; the current one is kept)")
    restore.add_argument("path", type=Path, metavar="PATH")
    restore.set_defaults(handler=cmd_restore)

    check = subparsers.add_parser("check", parents=[parent],
                                  help="integrity check, foreign keys and schema version; "
                                       "exit 1 when anything is wrong")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=cmd_check)

    scan = subparsers.add_parser("scan", parents=[parent], help="list suspected patient identifiers in every record")
    scan.add_argument("--json", action="store_true", help="print JSON")
    scan.add_argument("--unresolved", action="store_true", help="leave out findings kept with a recorded reason")
    scan.set_defaults(handler=cmd_scan)

    text = subparsers.add_parser("check-text", parents=[parent],
                                 help="list suspected patient identifiers in a text file or standard input")
    text.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    text.add_argument("--json", action="store_true", help="print JSON (the default and only format)")
    text.set_defaults(handler=cmd_check_text)

    history = subparsers.add_parser("history", parents=[parent], help="the audit trail of one record")
    history.add_argument("--entity", required=True, help="record kind: meeting, action, issue, person, ...")
    history.add_argument("--id", type=int, required=True, metavar="N")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(handler=cmd_history)

    log = subparsers.add_parser("audit-log", parents=[parent], help="export the whole audit trail as CSV")
    log.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv")
    log.set_defaults(handler=cmd_audit_log)


def _db_file(args: argparse.Namespace) -> Path:
    from interface_desktop.paths import database_url, sqlite_file_from_url

    paths = cli_paths(args)
    db_file = sqlite_file_from_url(database_url(getattr(args, "db", None), paths))
    if db_file is None:
        raise UserError("backup and restore work on a database file; "
                        "a database server is backed up by its administrator")
    return db_file


def refuse_protected(args: argparse.Namespace, target: Path) -> None:
    """One line and exit 1 when `target` is the database the command reads, a file beside it, or a backup."""
    from interface_desktop.db.protected import protected_reason
    from interface_desktop.paths import database_url, sqlite_file_from_url

    paths = cli_paths(args)
    reason = protected_reason(target, sqlite_file_from_url(database_url(getattr(args, "db", None), paths)),
                              paths.backup_dir)
    if reason is not None:
        raise UserError(reason)


def cmd_backup(args: argparse.Namespace) -> int:
    from interface_desktop.db import backups, health

    db_file = _db_file(args)
    if args.output:
        refuse_protected(args, args.output)
    problem = health.inspect_file(db_file, for_writing=False)
    if problem is not None or not db_file.exists():
        raise UserError(f"{db_file}: {problem.message if problem else 'no such database'}; nothing was backed up")
    if args.output:
        target = _backup_to(db_file, args.output.expanduser().resolve())
    else:
        target = backups.make_backup(db_file, cli_paths(args).backup_dir, "manual").path
    print(f"Backed up {db_file} to {target} (verified)")
    return 0


def _backup_to(db_file: Path, target: Path) -> Path:
    import sqlite3

    from interface_desktop.db import backups

    if target.is_dir():
        raise UserError(f"{target} is a folder; give the backup a file name, such as {target / db_file.name}")
    try:
        return backups.backup_to(db_file, target)
    except (sqlite3.Error, OSError) as exc:
        why = f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(f"the backup cannot be written to {target} ({why}); nothing was backed up") from None


def cmd_restore(args: argparse.Namespace) -> int:
    from interface_desktop.db import maintenance

    db_file = _db_file(args)
    kept = maintenance.restore_database(db_file, args.path.expanduser().resolve(), cli_paths(args).backup_dir)
    print(f"Restored {db_file} from {args.path}")
    if kept is not None:
        print(f"The database it replaced was kept as {kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from interface_desktop.db import maintenance
    from interface_desktop.db.health import DatabaseMissing
    from interface_desktop.paths import database_url, sqlite_file_from_url

    url = database_url(getattr(args, "db", None), cli_paths(args))
    db_file = sqlite_file_from_url(url)
    if db_file is not None and not db_file.exists():
        raise DatabaseMissing(db_file)
    report = maintenance.check_database(url, db_file)
    if args.json:
        print_json({"location": report.location, "revision": report.revision, "head": report.head,
                    "ok": report.ok, "problems": report.problems})
    else:
        print("\n".join(report.lines()))
    return 0 if report.ok else 1


def cmd_scan(args: argparse.Namespace) -> int:
    from interface_desktop.services.identifiers import guard as privacy_guard

    with database_runner(args, read_only=True) as runner:
        found = runner.call(privacy_guard.scan, unresolved_only=args.unresolved)
    if args.json:
        print_json(found)
    else:
        for f in found:
            state = f"kept: {f.reason}" if f.accepted else "unresolved"
            print(f"{f.entity} {f.entity_id} {f.field} [{f.start}:{f.end}] {f.kind} {f.text!r} ({state})")
        print(f"{len(found)} finding(s)")
    return 0


def cmd_check_text(args: argparse.Namespace) -> int:
    from interface_desktop.privacy import find_identifiers

    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UserError(f"{args.file}: not UTF-8 text") from None
    print_json([{"kind": f.kind, "start": f.start, "end": f.end, "text": f.text} for f in find_identifiers(text)])
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from interface_desktop.cli.known import check_history_subject
    from interface_desktop.services.audit import trail as audit

    with database_runner(args, read_only=True) as runner:
        runner.call(check_history_subject, args.entity, args.id)
        items = runner.call(audit.history, args.entity, args.id)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print(f"No recorded changes for {args.entity} {args.id}")
    for item in items:
        print(f"{item.at:%d/%m/%Y %H:%M:%S}  {item.user:<12} {item.operation:<7} {item.summary()}")
    return 0


def cmd_audit_log(args: argparse.Namespace) -> int:
    from interface_desktop.exports.clean import neutralise
    from interface_desktop.services.audit import trail as audit

    refuse_protected(args, args.output)
    with database_runner(args, read_only=True) as runner:
        rows = audit.export_rows(runner.call(audit.entries))
    target = args.output.expanduser()
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([[neutralise(v) for v in row] for row in rows])
    partial.replace(target)
    print(f"Wrote {len(rows) - 1} audit entries to {target}")
    return 0
