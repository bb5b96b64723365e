"""Opening a big page costs one trip to the database per thing shown, not one per widget set-up step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from interface_desktop.services.actions import actions
from interface_desktop.services.people import people
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.actions.actions_model import COL_OWNER
from interface_desktop.ui.actions.actions_view import ActionsView
from tests.support.ui_records_fixtures import make_records


def test_the_actions_page_reads_its_first_page_once_when_opened(qtbot, db, monkeypatch):
    rec = make_records(db, n_actions=8)
    calls = []
    original = actions.list_actions

    def spy(session, flt=None, **kw):  # same signature as the service
        calls.append(kw.get("order_by"))
        return original(session, flt, **kw)

    monkeypatch.setattr(actions, "list_actions", spy)
    view = ActionsView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    assert calls == []  # building the table and its sort indicator reads nothing yet
    view.set_group(None)
    assert calls == ["due"] and view.model.rowCount() == 8
    view.table.sortByColumn(COL_OWNER, Qt.SortOrder.DescendingOrder)  # once shown, sorting reloads in that order
    assert calls == ["due", "owner"]


def test_owner_choices_are_everyone_by_name(db):
    rec = make_records(db, n_actions=2)
    choices = rec.runner.call(people.person_choices)
    everyone = rec.runner.call(people.list_people)
    assert [(c.id, c.name) for c in choices] == [(p.id, p.name) for p in everyone]
