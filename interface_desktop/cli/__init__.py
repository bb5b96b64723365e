"""Command line: the GUI by default, sub-commands for scripted work. Exit 1 = user error, 2 = usage."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from interface_desktop import APP_NAME, __version__
from interface_desktop.cli.common import EXIT_USER_ERROR, UserError, common_parent, report_error

# Each module defines `register(subparsers, parent)`; order here is the order in --help.
COMMAND_MODULES = (
    "interface_desktop.cli.data",
    "interface_desktop.cli.exports",
    "interface_desktop.cli.safety",
    "interface_desktop.cli.interchange",
    "interface_desktop.cli.action_import",
    "interface_desktop.cli.network",
)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """Without `commands`, only the options of the desktop app (its start does not build every sub-command)."""
    parent = common_parent()
    parser = argparse.ArgumentParser(
        prog="interface-desktop", parents=[parent],
        description=f"{APP_NAME} {__version__}: the offline secretariat for NHS Scotland Interface Groups. "
                    "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--exit-after-start", action="store_true",
                        help="start the app, show the main window with the dashboard loaded, then exit 0")
    parser.add_argument("--self-test", nargs="?", const="", default=None, metavar="REPORT_FILE",
                        help="check this copy works end to end in a temporary folder and print one line starting "
                             "PASS or FAIL (exit 0 or 1); also write that line to REPORT_FILE if given")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, parent)
    return parser


def _app_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The app's own parser when `argv` holds only its options and their values; else the full one."""
    light = build_parser(commands=False)
    takes_value = {flag for action in light._actions if action.nargs != 0 for flag in action.option_strings}
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg.startswith("-") and arg not in ("-h", "--help"):
            expect_value = arg in takes_value
        else:
            return build_parser()
    return light


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _app_parser(argv)
    try:
        # Inside the try: a bad value such as an impossible date is a user error (exit 1), not a usage error.
        args = parser.parse_args(argv)
        if args.self_test is not None:
            from interface_desktop.selftest.run import run as run_self_test

            return run_self_test(args.self_test or None)
        if args.command is None:
            from interface_desktop.app import run_gui

            return run_gui(args)
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # user errors get one line; bugs still get a traceback
        if not report_error(exc):
            raise
        return EXIT_USER_ERROR


__all__ = ["main", "build_parser", "UserError"]
