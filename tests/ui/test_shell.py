"""The application shell: first run, navigation, current group, search, about, start-up flag."""

from __future__ import annotations

import subprocess
import sys

from interface_desktop.services import groups, people


def test_first_run_sets_up_group_with_members_and_shows_dashboard(make_window, runner):
    window = make_window()
    page = window.root.currentWidget()
    assert page is window._first_run
    page.name.setText("Lothian Interface Group")
    page.board.setCurrentIndex(page.board.findData("LO"))
    page.hscp.setText("Edinburgh HSCP")
    name, role, _sector, organisation, _group_role = page.member_rows[0]
    name.setText("Dr Ann Smith")
    role.setCurrentIndex(role.findData("gp"))
    organisation.setText("Leith Practice")
    page.member_rows[1][0].setText("Dr Bob Jones")
    page.member_rows[1][1].setCurrentIndex(page.member_rows[1][1].findData("consultant"))
    page.create.click()
    [group] = runner.call(groups.list_groups)
    assert group.board == "LO" and group.member_count == 2
    members = {m.person.name: m for m in runner.call(people.list_members, group_id=group.id)}
    assert members["Dr Ann Smith"].group_role == "lead" and members["Dr Bob Jones"].person.sector == "secondary"
    assert window.root.currentWidget() is window.splitter
    assert window.current_group_id() == group.id
    assert window.pages.current_page().title == "Dashboard"


def test_first_run_shows_a_missing_name_beside_the_field_and_keeps_the_members(make_window, runner):
    window = make_window()
    page = window._first_run
    page.member_rows[0][0].setText("Dr Ann Smith")
    page.create.click()
    assert page.errors.labels["name"].isVisibleTo(page) and "required" in page.errors.labels["name"].text()
    assert page.member_rows[0][0].text() == "Dr Ann Smith"
    assert runner.call(groups.list_groups) == []


def test_exit_after_start_shows_the_window_and_exits_zero(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "INTERFACE_DESKTOP_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "interface_desktop", "--db", str(tmp_path / "x.sqlite3"),
                             "--exit-after-start"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.sqlite3").exists()
    assert (tmp_path / "data" / "settings" / "interface-desktop-ui.ini").exists()
