"""The navigation registry: titles match the views, and pages are imported and built only when needed."""

from __future__ import annotations

import importlib
import sys

from interface_desktop.ui.page_host import available_entries
from interface_desktop.ui.registry import VIEWS


def test_registry_titles_are_the_views_own_titles():
    for module, class_name, title in VIEWS:
        cls = getattr(importlib.import_module(module), class_name)
        assert cls.title == title


def test_missing_view_modules_are_left_out():
    entries = available_entries((("interface_desktop.ui.dashboard.dashboard_view", "DashboardView", "Dashboard"),
                                 ("interface_desktop.ui.dashboard.not_written_yet_view", "LaterView", "Later"),
                                 ("interface_desktop.ui.not_a_package.later_view", "LaterView", "Later")))
    assert [e.title for e in entries] == ["Dashboard"]


def test_start_up_builds_only_the_page_it_shows(make_window, runner):
    from interface_desktop.services.people import groups

    runner.call(groups.create_group, name="Orkney Interface Group", board="OR")
    window = make_window()
    built = [e.module for e in window.pages.entries if e.page is not None]
    assert built == ["interface_desktop.ui.dashboard.dashboard_view"]
    assert window.nav.count() == len(window.pages.entries)


def test_view_modules_are_not_imported_until_shown(tmp_path):
    import subprocess

    code = ("import sys; from interface_desktop.ui.page_host import available_entries; available_entries(); "
            "print(any(m.endswith('_view') and m.startswith('interface_desktop.ui.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.stdout.strip() == "False", out.stderr
