"""The quarterly report as at the period's end: a quarter's figures, then changes made after it, then the same
figures again; attendance by sector, SEAs, actions closed on time and the lead's narrative."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, time

import docx
import pytest

from interface_desktop.exports import report
from interface_desktop.services.actions import actions
from interface_desktop.services.audit import tracking
from interface_desktop.services.documents import narrative, report_data
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import attendance, meetings
from interface_desktop.services.people import groups, people

Q4 = (date(2026, 10, 1), date(2026, 12, 31))


class Clock:
    """The app's 'today' and the audit trail's time, moved together as days pass."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.monkeypatch = monkeypatch
        self.now = datetime(2026, 9, 1, 12, 0)
        monkeypatch.setattr(tracking, "utcnow", lambda: self.now)

    def set(self, day: date) -> None:
        self.now = datetime.combine(day, time(12, 0))
        self.monkeypatch.setenv("INTERFACE_DESKTOP_TODAY", day.isoformat())


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@dataclass
class Quarter:
    group_id: int
    who: dict[str, int]
    issues: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)


def _meeting(session, q: Quarter, day: date, present: list[str], others: dict[str, str]) -> int:
    m = meetings.create_meeting(session, group_id=q.group_id, starts_at=datetime.combine(day, time(14, 0)))
    for name in present:
        attendance.set_attendance(session, meeting_id=m.id, person_id=q.who[name], status="present")
    for name, status in others.items():
        attendance.set_attendance(session, meeting_id=m.id, person_id=q.who[name], status=status)
    meetings.mark_held(session, m.id)
    return m.id


def _issue(session, q: Quarter, key: str, raised_on: date, category: str) -> None:
    q.issues[key] = issues.create_issue(
        session, group_id=q.group_id, title=f"Issue {key}", raised_by_role="GP", raised_by_sector="primary",
        direction="secondary_to_primary", category=category, raised_on=raised_on).id


def _action(session, q: Quarter, key: str, due: str, **origin: int) -> None:
    q.actions[key] = actions.add_action(session, description=f"Action {key}", due_on=due, **origin).id


def _build_quarter(session, clock: Clock) -> Quarter:
    clock.set(date(2026, 9, 1))
    g = groups.create_group(session, name="Fife Interface Group", board="FF")
    staff = [("Dr A", "gp", "primary"), ("Dr C", "gp", "primary"), ("Dr B", "consultant", "secondary"),
             ("Mr D", "consultant", "secondary"), ("Ms E", "manager", "other")]
    who = {name: people.create_person(session, name=name, role=role, sector=sector).id for name, role, sector in staff}
    for person_id in who.values():
        people.set_membership(session, group_id=g.id, person_id=person_id)
    q = Quarter(g.id, who)
    clock.set(date(2026, 9, 20))
    _issue(session, q, "I0", date(2026, 9, 5), "results")
    issues.set_status(session, q.issues["I0"], "resolved")
    clock.set(date(2026, 10, 14))
    m1 = _meeting(session, q, date(2026, 10, 14), ["Dr A", "Dr C", "Dr B", "Ms E"], {"Mr D": "apologies"})
    for key, due in (("a1", "2026-11-01"), ("a2", "2026-11-15"), ("a3", "2026-12-01"), ("a4", "2027-01-31"),
                     ("a5", "2026-10-30")):
        _action(session, q, key, due, meeting_id=m1)
    _issue(session, q, "I1", date(2026, 10, 3), "results")
    clock.set(date(2026, 10, 28))
    _issue(session, q, "I2", date(2026, 10, 20), "letters")
    actions.set_status(session, q.actions["a5"], "done")
    clock.set(date(2026, 11, 10))
    _issue(session, q, "I3", date(2026, 11, 2), "prescribing")
    issues.update_issue(session, q.issues["I1"], learning="Check codes at source.", resolution="Nightly check.")
    issues.set_status(session, q.issues["I1"], "resolved")
    issues.save_sea(session, q.issues["I2"], what_happened="A letter was lost.")
    actions.set_status(session, q.actions["a1"], "dropped")
    clock.set(date(2026, 11, 20))
    actions.set_status(session, q.actions["a2"], "done")
    clock.set(date(2026, 12, 9))
    m2 = _meeting(session, q, date(2026, 12, 9), ["Dr A", "Mr D"],
                  {"Dr B": "apologies", "Dr C": "apologies", "Ms E": "absent"})
    _action(session, q, "a6", "2026-12-20", meeting_id=m2)
    _action(session, q, "a7", "2027-01-15", issue_id=q.issues["I3"])
    clock.set(date(2026, 12, 15))
    issues.set_status(session, q.issues["I2"], "under_review")
    narrative.save_narrative(session, group_id=g.id, date_from=Q4[0], date_to=Q4[1],
                             text="A good quarter.\nDischarge letters improved.")
    return q


def _later(session, clock: Clock, q: Quarter) -> None:
    """What a group does after the quarter: closes, drops and reopens, resolves, raises and meets again."""
    clock.set(date(2027, 1, 10))
    actions.set_status(session, q.actions["a3"], "done")
    actions.set_status(session, q.actions["a4"], "dropped")
    actions.set_status(session, q.actions["a1"], "open")
    actions.update_action(session, q.actions["a6"], due_on="2027-02-28")
    actions.set_status(session, q.actions["a7"], "done")
    issues.set_status(session, q.issues["I2"], "resolved")
    issues.set_status(session, q.issues["I1"], "under_review")
    issues.set_status(session, q.issues["I3"], "closed")
    issues.save_sea(session, q.issues["I3"], what_happened="A prescription was duplicated.")
    _issue(session, q, "I4", date(2027, 1, 5), "results")
    issues.save_sea(session, q.issues["I4"], what_happened="A result was missed.")
    clock.set(date(2027, 1, 20))
    m3 = _meeting(session, q, date(2027, 1, 20), ["Dr A", "Dr B", "Dr C", "Mr D"], {})
    _action(session, q, "a8", "2027-01-25", meeting_id=m3)
    people.remove_membership(session, group_id=q.group_id, person_id=q.who["Ms E"])
    narrative.save_narrative(session, group_id=q.group_id, date_from=date(2027, 1, 1), date_to=date(2027, 3, 31),
                             text="Next quarter.")
    clock.set(date(2027, 2, 15))


def _figures(doc: report_data.ReportDoc) -> report_data.ReportDoc:
    """Every figure of the report: all but the day it was prepared and what was coming up on that day."""
    return dataclasses.replace(doc, prepared_on=date.min, upcoming=())


def test_every_figure_is_as_at_the_period_end_and_stays_so(session, clock):
    q = _build_quarter(session, clock)
    clock.set(date(2027, 1, 4))
    first = report_data.report_doc(session, date_from=Q4[0], date_to=Q4[1], group_id=q.group_id)
    assert first.as_at == date(2026, 12, 31) and first.meetings_held == (date(2026, 10, 14), date(2026, 12, 9))
    assert [(a.label, a.present, a.expected, a.rate) for a in first.attendance] == [
        ("Primary care", 3, 4, 75), ("Secondary care", 2, 4, 50), ("Other", 1, 2, 50)]
    i = first.issues
    assert (i.raised, i.resolved, i.open_at_end, i.seas_recorded) == (3, 1, 2, 1)
    assert [h.title for h in i.highlights] == ["Issue I1"]
    a = first.actions
    assert (a.completed, a.open_at_end, a.overdue_at_end, a.due, a.done_on_time, a.on_time_rate) == (2, 4, 2, 4, 1, 25)
    assert first.narrative == "A good quarter.\nDischarge letters improved."
    _later(session, clock, q)
    again = report_data.report_doc(session, date_from=Q4[0], date_to=Q4[1], group_id=q.group_id)
    assert _figures(again) == _figures(first)
    assert again.prepared_on == date(2027, 2, 15)
    every_group = report_data.report_doc(session, date_from=Q4[0], date_to=Q4[1])
    assert (every_group.issues, every_group.actions) == (first.issues, first.actions)


def test_the_period_before_sees_none_of_the_quarter(session, clock):
    q = _build_quarter(session, clock)
    _later(session, clock, q)
    doc = report_data.report_doc(session, date_from=date(2026, 7, 1), date_to=date(2026, 9, 30), group_id=q.group_id)
    assert doc.meetings_held == () and doc.attendance == () and doc.narrative == ""
    assert (doc.issues.raised, doc.issues.resolved, doc.issues.open_at_end, doc.issues.seas_recorded) == (1, 1, 0, 0)
    assert (doc.actions.completed, doc.actions.open_at_end, doc.actions.due) == (0, 0, 0)


def test_the_report_states_its_date_and_prints_the_new_figures(session, clock, tmp_path):
    q = _build_quarter(session, clock)
    clock.set(date(2027, 1, 4))
    doc = report_data.report_doc(session, date_from=Q4[0], date_to=Q4[1], group_id=q.group_id)
    d = docx.Document(report.export(doc, tmp_path / "report.docx"))
    text = [p.text for p in d.paragraphs]
    assert "Figures as at 31/12/2026, from the group's records; prepared 04/01/2027." in text
    assert text.index("Summary") < text.index("A good quarter.") < text.index("Discharge letters improved.")
    glance = {r.cells[0].text: r.cells[1].text for r in d.tables[0].rows}
    assert glance["Meetings held"] == "2" and glance["Significant Event Analyses recorded"] == "1"
    assert glance["Actions due in the period done by their due date"] == "1 of 4 (25%)"
    assert glance["Actions open at 31/12/2026"] == "4" and glance["Actions overdue at 31/12/2026"] == "2"
    assert glance["Interface issues open at 31/12/2026"] == "2"
    assert "The group met twice in the period: 14/10/2026 and 09/12/2026." in text
    sectors = next(t for t in d.tables if t.rows[0].cells[0].text == "Members by sector")
    assert [[c.text for c in r.cells] for r in sectors.rows[1:]] == [
        ["Primary care", "3", "4", "75%"], ["Secondary care", "2", "4", "50%"], ["Other", "1", "2", "50%"],
        ["All members", "6", "10", "60%"]]
    assert "Of the 4 actions due in the period, 1 (25%) were done by their due date." in text


def test_chart_pictures_carry_their_figures_as_alternative_text(session, clock, tmp_path):
    q = _build_quarter(session, clock)
    doc = report_data.report_doc(session, date_from=Q4[0], date_to=Q4[1], group_id=q.group_id)
    d = docx.Document(report.export(doc, tmp_path / "report.docx"))
    described = {shape._inline.docPr.get("title"): shape._inline.docPr.get("descr") for shape in d.inline_shapes}
    assert len(described) == len(d.inline_shapes) == 3
    assert described["Issues by category"] == ("Bar chart of issues by category. Results and investigations: "
                                               "1 raised, 1 resolved. Discharge and clinic letters: 1 raised, "
                                               "0 resolved. Prescribing and medicines: 1 raised, 0 resolved.")
    assert described["Actions completed, open and overdue"] == (
        "Bar chart of actions completed, open and overdue. Completed in the period: 2. Open at 31/12/2026: 4. "
        "Overdue at 31/12/2026: 2.")
    assert described["Issues by direction"].startswith(
        "Bar chart of issues by direction. Primary to secondary: 0 raised")
