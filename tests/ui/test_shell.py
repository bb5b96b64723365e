"""The application shell: first run, navigation, current group, search, about, start-up flag."""

from __future__ import annotations

import subprocess
import sys

from interface_desktop.services.people import groups
from interface_desktop.services.people import people


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
    assert window.root.currentWidget() is window.body
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


def _two_groups(runner):
    from datetime import datetime

    from interface_desktop.services.meetings import meetings

    with runner.scope() as s:
        fife = groups.create_group(s, name="Fife Interface Group", board="FF")
        tay = groups.create_group(s, name="Tayside Interface Group", board="TY")
        m_fife = meetings.create_meeting(s, group_id=fife.id, starts_at=datetime(2026, 12, 2, 14, 0),
                                         location="Kirkcaldy")
        m_tay = meetings.create_meeting(s, group_id=tay.id, starts_at=datetime(2026, 12, 9, 14, 0))
    return fife, tay, m_fife, m_tay


def test_group_selector_narrows_pages_and_is_remembered(make_window, runner):
    fife, tay, m_fife, _ = _two_groups(runner)
    window = make_window()
    view = window.show_module("meetings_view")
    assert view.model.rowCount() == 2
    window.group_combo.setCurrentIndex(window.group_combo.findData(fife.id))
    assert window.current_group_id() == fife.id
    assert [m.id for m in view.model.rows()] == [m_fife.id]
    window.close()
    again = make_window()
    assert again.current_group_id() == fife.id
    assert again.pages.current_page().title == "Meetings"  # the last view comes back too


def test_global_search_groups_hits_and_opens_the_record(make_window, runner, qtbot):
    from PySide6.QtCore import Qt

    _, _, m_fife, _ = _two_groups(runner)
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window._search
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.query, "Kirkcaldy")
    dialog.run_search()
    top = dialog.results.topLevelItem(0)
    assert top.text(0) == "Meetings (1)"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    view = window.pages.current_page()
    assert view.title == "Meetings" and view.editor.meeting.id == m_fife.id


def test_dashboard_rows_open_their_records(make_window, runner):
    from datetime import date

    from interface_desktop.services.actions import actions

    fife, _, m_fife, _ = _two_groups(runner)
    late = runner.call(actions.add_action, meeting_id=m_fife.id, description="Chase the lab", due_on=date(2026, 11, 1))
    window = make_window()
    dash = window.pages.current_page()
    assert dash.title == "Dashboard"
    assert dash.meeting_title.text() == "Fife Interface Group meeting"
    assert dash.overdue.box.title() == "Overdue actions (1)"
    row = dash.overdue.topLevelItem(0)
    opened = []
    window.signals.open_record.disconnect()
    window.signals.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    dash.overdue.itemActivated.emit(row, 0)
    dash.open_meeting.click()
    assert opened == [("action", late.id), ("meeting", m_fife.id)]


def test_about_names_version_and_data_location(make_window, runner, monkeypatch):
    from interface_desktop import __version__

    _two_groups(runner)
    shown = []
    monkeypatch.setattr("interface_desktop.ui.main_window.QMessageBox.about", lambda *a: shown.append(a[2]))
    window = make_window()
    window.show_about()
    assert __version__ in shown[0] and runner.location in shown[0]
    assert runner.location in window.location_label.text()


def test_extension_menus_are_offered(make_window, runner):
    _two_groups(runner)
    window = make_window()
    assert set(window.menus) == {"file", "edit", "view", "meeting", "export", "tools", "help"}
    exports = []
    window.signals.export_requested.connect(lambda what, mid: exports.append((what, mid)))
    view = window.show_module("meetings_view")
    window.meeting_commands.exports["agenda"].trigger()
    assert exports == [("agenda", view.editor.meeting.id)]


def test_explore_with_example_data_loads_off_the_ui_thread(make_window, runner, qtbot):
    window = make_window()
    page = window._first_run
    page.demo.click()
    assert not page.demo.isEnabled() and window.busy_bar.isVisible()  # working, window still responsive
    qtbot.waitUntil(lambda: window.root.currentWidget() is window.body, timeout=60000)
    assert len(runner.call(groups.list_groups)) == 2
    assert window.current_group_id() is None  # "All groups": the example has two
    assert not window.busy_bar.isVisible()
    assert window.pages.current_page().meeting_title.text() != "No meeting planned"


def test_first_run_tab_order_goes_through_the_form_then_create(make_window):
    window = make_window()
    page = window._first_run
    order, widget = [page.name], page.name.nextInFocusChain()
    while widget is not page.name:
        order.append(widget)
        widget = widget.nextInFocusChain()
    name, role = page.member_rows[0][0], page.member_rows[0][1]
    assert order.index(page.board) < order.index(page.hscp) < order.index(name) < order.index(role)
    assert order.index(page.member_rows[-1][0]) < order.index(page.create)
