"""Activities driven as a user would: a shadowing pair with reflections, feedback and its average."""

from __future__ import annotations

from datetime import date

from interface_desktop.services.activities import activities
from interface_desktop.ui.activities.activity_editor import ActivityEditor
from interface_desktop.ui.activities.activities_model import COL_FEEDBACK, ActivitiesModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.activities.activities_view import ActivitiesView
from tests.support.ui_records_fixtures import make_records


def test_create_shadowing_with_participants_feedback_and_average(qtbot, db):
    rec = make_records(db)
    editor = ActivityEditor(rec.runner, group_id=rec.group_id)
    qtbot.addWidget(editor)
    assert not editor.participants.isEnabled()
    qtbot.keyClicks(editor.title, "GP shadowing in the acute medical unit")
    qtbot.keyClicks(editor.host, "Acute Medical Unit")
    editor.ends_on.setDate(editor.starts_on.date().addDays(-1))
    assert not editor.apply() and "before" in editor.form_errors("ends_on")
    editor.ends_on.setDate(editor.starts_on.date().addDays(1))
    assert editor.apply() and editor.participants.isEnabled()
    panel = editor.participants
    for person_id, role in ((rec.gp_id, "visitor"), (rec.consultant_id, "host")):
        panel.person.setCurrentIndex(panel.person.findData(person_id))
        panel.role.setCurrentIndex(panel.role.findData(role))
        panel.add.click()
    assert panel.table.rowCount() == 2
    panel.table.setCurrentCell(0, 0)
    qtbot.keyClicks(panel.reflection, "Saw how referrals are triaged on the day.")
    panel.save_reflection.click()
    fb = editor.feedback
    for score, comment in ((5, "Eye-opening"), (4, ""), (4, "More time on ward rounds")):
        fb.score.setValue(score)
        fb.comment.setText(comment)
        fb.add.click()
    assert fb.average.text() == "Average score 4.3 out of 5 from 3 response(s)"
    editor.accept()
    stored = rec.runner.call(activities.get_activity, editor.activity.id)
    assert stored.kind == "shadowing" and stored.host_department == "Acute Medical Unit"
    assert {p.role for p in stored.participants} == {"visitor", "host"}
    assert any(p.reflection.startswith("Saw how referrals") for p in stored.participants)
    assert stored.average_score == 4.33


def test_activity_log_filters_and_shows_the_average(qtbot, db):
    rec = make_records(db)
    with db.session_scope() as s:
        a = activities.create_activity(s, group_id=rec.group_id, kind="webinar", title="Webinar: new FIT pathway",
                                       starts_on=date(2026, 10, 1))
        activities.add_feedback(s, activity_id=a.id, score=3)
        activities.create_activity(s, group_id=rec.group_id, kind="shared_learning", title="Shared learning event",
                                   starts_on=date(2026, 9, 1))
    view = ActivitiesView(rec.runner, AppSignals())
    qtbot.addWidget(view)
    view.set_group(rec.group_id)
    assert view.model.rowCount() == 2 and "average feedback 3.0" in view.summary.text()
    view.kind.setCurrentIndex(view.kind.findData("webinar"))
    assert [x.title for x in view.model.rows()] == ["Webinar: new FIT pathway"]
    assert view.model.index(0, COL_FEEDBACK).data() == "3.0 / 5 from 1"
    view.filters.reset()
    qtbot.keyClicks(view.filters.text, "shared")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)


def test_model_without_widgets(db, qapp):
    rec = make_records(db)
    rec.runner.call(activities.create_activity, group_id=rec.group_id, kind="visit", title="Practice visit",
                    starts_on=date(2026, 8, 3), ends_on=date(2026, 8, 4))
    model = ActivitiesModel()
    model.set_rows(rec.runner.call(activities.list_activities))
    assert model.index(0, 0).data() == "03/08/2026 – 04/08/2026"
    assert model.index(0, COL_FEEDBACK).data() == "No feedback"
