"""Installs the read-only guard (ui.read_only) when the database is open read-only; loads nothing otherwise."""

from __future__ import annotations


def install(window) -> None:  # noqa: ANN001 - the main window (see ui/extensions.py)
    if window.runner.read_only:
        from interface_desktop.ui.safety import read_only

        read_only.install(window)
