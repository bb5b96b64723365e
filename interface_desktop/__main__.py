"""Allows `python -m interface_desktop`."""

from interface_desktop.cli import main

raise SystemExit(main())
