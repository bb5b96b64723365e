"""The one way the GUI changes data (ui.operations), without widgets: what is announced, reported or held."""

from __future__ import annotations

import pytest

from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.people import groups
from interface_desktop.ui import operations
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.tasks import TaskRunner


@pytest.fixture
def signals(qapp) -> AppSignals:  # the QApplication fixture
    return AppSignals()


@pytest.fixture
def emitted(signals: AppSignals) -> list[str]:
    seen: list[str] = []
    signals.data_changed.connect(seen.append)
    return seen


def test_a_change_announces_each_kind_it_declares_and_gives_the_value(runner, signals, emitted):
    ops = Operations(runner, None, signals=signals)
    created = ops.change("New group", ("group", "person"), groups.create_group, name="Fife Interface Group",
                         board="FF")
    assert created and created.value.name == "Fife Interface Group"
    assert emitted == ["group", "person"]
    deleted = ops.change("Delete group", "group", groups.delete_group, created.value.id)
    assert deleted and deleted.value is None  # a service that returns nothing still succeeded
    assert emitted == ["group", "person", "group"] and runner.call(groups.list_groups) == []


def test_a_refused_change_is_reported_once_and_announces_nothing(runner, signals, emitted):
    reports = []
    ops = Operations(runner, None, signals=signals, report=lambda title, exc: reports.append((title, exc)))
    refused = ops.change("New group", "group", groups.create_group, name="", board="FF")
    assert not refused and refused.value is None
    [(title, exc)] = reports
    assert title == "New group" and isinstance(exc, ValidationError) and "name" in exc.errors
    assert emitted == [] and runner.call(groups.list_groups) == []


def test_without_a_report_of_its_own_the_error_is_one_message_box(runner, signals, emitted, monkeypatch):
    shown = []
    monkeypatch.setattr(operations, "show_error", lambda parent, title, exc: shown.append((parent, title, str(exc))))
    Operations(runner, None, signals=signals).change("Delete group", "group", groups.delete_group, 999)
    assert shown == [(None, "Delete group", "no group with id 999")] and emitted == []


def test_a_bug_is_not_swallowed_nor_announced(runner, signals, emitted):
    reports = []
    ops = Operations(runner, None, signals=signals, report=lambda *args: reports.append(args))

    def broken(session):
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError, match="a bug"):
        ops.change("Broken", "group", broken)
    assert reports == [] and emitted == []


def test_an_unknown_kind_is_refused_before_anything_runs(runner, signals):
    calls = []
    with pytest.raises(ValueError, match="meetings"):
        Operations(runner, None, signals=signals).change("New", "meetings", lambda session: calls.append(1))
    assert calls == []


def test_a_dialog_holds_its_changes_and_its_panels_count_as_its_own(runner, signals, emitted):
    dialog = Operations(runner, None)
    panel_reports = []
    panel = dialog.part(None, lambda title, exc: panel_reports.append(title))
    created = panel.change("New group", "group", groups.create_group, name="Fife Interface Group", board="FF")
    panel.change("Rename group", ("group", "lookup"), groups.update_group, created.value.id, name="")
    dialog.change("Rename group", ("lookup", "group"), groups.update_group, created.value.id, name="Fife IG")
    assert dialog.held == ["group", "lookup"] and panel.held == []
    assert panel_reports == ["Rename group"] and emitted == []
    page = Operations(runner, None, signals=signals)
    page.announce(*dialog.held)
    assert emitted == ["group", "lookup"]


def test_an_owner_knows_while_its_own_announcement_goes_out(runner, signals):
    page = Operations(runner, None, signals=signals)
    panel = page.part(None)
    during = []
    signals.data_changed.connect(lambda kind: during.append((kind, page.announcing)))
    page.announce("action")
    panel.change("New group", "group", groups.create_group, name="Fife Interface Group", board="FF")
    signals.data_changed.emit("person")  # announced by someone else
    assert during == [("action", True), ("group", True), ("person", False)] and not page.announcing


def test_work_on_a_worker_is_announced_before_its_result_is_used(runner, signals, qtbot):
    order = []
    signals.data_changed.connect(lambda kind: order.append(("announced", kind)))
    ops = Operations(runner, None, signals=signals, report=lambda *args: order.append(("reported", args)))
    tasks = TaskRunner()
    ops.start(lambda: 42, tasks=tasks, label="Counting…", title="Count", kinds="resource",
              done=lambda value: order.append(("done", value)))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=15000)
    assert order == [("announced", "resource"), ("done", 42)] and not tasks.busy


def test_work_that_fails_on_a_worker_puts_the_controls_back_then_is_reported_once(runner, signals, qtbot):
    order = []
    signals.data_changed.connect(lambda kind: order.append(("announced", kind)))
    ops = Operations(runner, None, signals=signals,
                     report=lambda title, exc: order.append(("reported", title, str(exc))))

    def unreadable() -> None:
        raise OSError("paper.pdf cannot be read")

    ops.start(unreadable, tasks=TaskRunner(), label="Attaching…", title="Attach papers", kinds="paper",
              done=lambda value: order.append(("done", value)), failed=lambda exc: order.append(("failed",)))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=15000)
    assert order == [("failed",), ("reported", "Attach papers", "paper.pdf cannot be read")]
