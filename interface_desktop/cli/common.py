"""What every sub-command shares: --db, opening (and migrating) the database, one-line errors, JSON output."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interface_desktop.services.core.runner import ServiceRunner

EXIT_USER_ERROR = 1
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit 1."""


def common_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="database file or SQLAlchemy URL (default: INTERFACE_DESKTOP_DB, "
                             "then the file in the per-user data folder)")
    parent.add_argument("--backup-dir", metavar="FOLDER", default=argparse.SUPPRESS,
                        help="backup folder (default: INTERFACE_DESKTOP_BACKUP_DIR, then the folder chosen in "
                             "Preferences, then 'backups' in the data folder)")
    return parent


def report_error(exc: BaseException) -> bool:
    """Print a user-facing error as one line; False when the exception is a bug to re-raise."""
    from sqlalchemy.exc import OperationalError

    from interface_desktop.db.health import DatabaseMissing, StartupProblem
    from interface_desktop.db.lock import DatabaseInUse
    from interface_desktop.db.maintenance import RestoreRefused
    from interface_desktop.db.migrate import SchemaError
    from interface_desktop.services.core.errors import ServiceError

    if isinstance(exc, (UserError, ServiceError, SchemaError, StartupProblem, DatabaseInUse, RestoreRefused,
                        DatabaseMissing)):
        message = str(exc)
        if isinstance(exc, StartupProblem) and exc.kind == "damaged":
            message += "; `interface-desktop check --json` lists every problem found"
    elif isinstance(exc, OperationalError):
        message = f"the database could not be used: {exc.orig}"
    elif isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        message = f"{exc.strerror or exc}{where}"
    else:
        return False
    print(f"interface-desktop: error: {one_line(message)}", file=sys.stderr)
    return True


def one_line(text: str) -> str:
    """Control characters (new lines among them) from a file or an argument shown as escapes, not obeyed."""
    return CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


@contextmanager
def database_runner(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[ServiceRunner]:
    """The command's database, for `runner.call(service, ...)`: closed (and unlocked) when the block ends.

    A writer's database is locked, backed up once a day, brought to the current schema (backed up before) and
    created when missing. A reader's (`read_only`) is opened by SQLite read-only and left as it is: no lock, no
    backup, no new folder or file, so it works while the desktop app holds the database and in a read-only
    folder; a missing one is an error (health.DatabaseMissing). Errors go up to `main`, which prints the user's
    ones as one line (exit 1).
    """
    from interface_desktop.app import open_app_database
    from interface_desktop.services.core.runner import ServiceRunner

    db = open_app_database(getattr(args, "db", None), read_only=read_only, paths=cli_paths(args))
    try:
        yield ServiceRunner(db.session_scope, location=str(db.file or db.url), read_only=read_only)
    finally:
        db.dispose()


def cli_paths(args: argparse.Namespace):  # noqa: ANN201 - returns paths.AppPaths
    """The app's folders, with the backup folder from --backup-dir when given."""
    from interface_desktop.paths import app_paths, with_backup_dir

    return with_backup_dir(app_paths(), getattr(args, "backup_dir", None))


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return data
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD; an impossible date is a user error (exit 1), not a usage error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"not a valid date (expected YYYY-MM-DD): {text!r}") from None


# The sub-command sets of shared commands (`export`, `import`), so several modules can add to one command.
_SHARED: weakref.WeakKeyDictionary[argparse.ArgumentParser, argparse._SubParsersAction] = weakref.WeakKeyDictionary()


def shared_command(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser, name: str,
                   help_text: str) -> argparse._SubParsersAction:
    """The sub-commands of `name` (created by whichever module asks first), for adding more to."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, parents=[parent], help=help_text)
        _SHARED[parser] = parser.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=True)
    return _SHARED[parser]


def export_subparsers(subparsers: argparse._SubParsersAction,
                      parent: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return shared_command(subparsers, parent, "export", "write data or documents to files")


def import_subparsers(subparsers: argparse._SubParsersAction,
                      parent: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return shared_command(subparsers, parent, "import", "read data from files")
