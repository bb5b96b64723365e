"""Loads the fictional example data (two groups and a year of their work) through the service functions."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.people import lookups
from interface_desktop.services.people import people
from interface_desktop.services.dashboard import stats
from interface_desktop.services.core.clock import today
from interface_desktop.demo.content import activities as activity_content
from interface_desktop.demo.content import highland, lothian, papers
from interface_desktop.demo.content.issues import ISSUE_ACTIONS, ISSUES
from interface_desktop.demo.content.notes import UPDATE_NOTES
from interface_desktop.demo.content.people import GROUPS, PEOPLE
from interface_desktop.demo.meetings import GroupYear

SEED = 20_261_123
CONTENT = {"lothian": lothian, "highland": highland}
ISSUE_STEPS = ("new", "under_review", "action_agreed", "resolved", "closed")
STEP_NOTES = {"under_review": "Discussed by the interface group; information requested from the service.",
              "action_agreed": "Actions agreed with the service.", "resolved": "Change in place.",
              "closed": "Closed after review: no recurrence reported."}


@dataclass(frozen=True)
class DemoSummary:
    """What `load_demo` created; all zero with already_present=True when the example was loaded before."""

    already_present: bool
    group_names: tuple[str, ...]
    groups: int = 0
    people: int = 0
    meetings: int = 0
    agenda_items: int = 0
    actions: int = 0
    issues: int = 0
    seas: int = 0
    activities: int = 0
    papers: int = 0

    @property
    def message(self) -> str:
        if self.already_present:
            return ("The example data is already there (" + ", ".join(self.group_names) + "); nothing was added.")
        return (f"Example data loaded: {self.groups} groups, {self.people} people, {self.meetings} meetings "
                f"({self.agenda_items} agenda items, {self.papers} papers), {self.actions} actions, "
                f"{self.issues} interface issues ({self.seas} with an SEA), {self.activities} activities.")


def demo_group_names() -> tuple[str, ...]:
    return tuple(spec["name"] for spec in GROUPS.values())


def present_demo_groups(session: Session) -> tuple[str, ...]:
    return tuple(name for name in demo_group_names() if groups.find_group_by_name(session, name) is not None)


def load_demo(session: Session) -> DemoSummary:
    """Fills the database with the example; a second call finds the example groups and adds nothing."""
    present = present_demo_groups(session)
    if present:
        return DemoSummary(already_present=True, group_names=present)
    before = stats.counts(session)
    loader = DemoLoader(session, today())
    loader.run()
    after = stats.counts(session)
    created = {key: after[key] - before[key] for key in after}
    return DemoSummary(already_present=False, group_names=demo_group_names(), papers=loader.papers, **created)


class DemoLoader:
    """One pass over the example content; seeded, so the same day always gives the same data."""

    def __init__(self, session: Session, on: date) -> None:
        self.session = session
        self.today = on
        self.rng = random.Random(SEED)
        self.person_ids: dict[str, int] = {}
        self.people_names = {key: spec[0] for key, spec in PEOPLE.items()}
        self.group_ids: dict[str, int] = {}
        self.issue_ids: dict[str, int] = {}
        self.papers = 0
        self.years = {key: GroupYear(self, key, GROUPS[key], CONTENT[key]) for key in GROUPS}

    def run(self) -> None:
        self._people()
        for key in GROUPS:
            self._group(key)
        self._issues()
        for key, year in self.years.items():
            year.run(before_upcoming=lambda key=key: self._issue_actions(key))
        self._activities()
        self._resources()

    def _people(self) -> None:
        for key, (name, role, sector, organisation, department, email) in PEOPLE.items():
            person = people.create_person(self.session, name=name, role=role, sector=sector,
                                          organisation=organisation, department=department, email=email)
            self.person_ids[key] = person.id

    def _group(self, key: str) -> None:
        spec = GROUPS[key]
        fields = {k: spec[k] for k in ("name", "board", "hscp", "terms_of_reference", "quorum_gp",
                                       "quorum_secondary", "quorum_total", "default_location", "default_duration")}
        group = groups.create_group(self.session, **fields)
        self.group_ids[key] = group.id
        for person_key, role in spec["members"]:
            joined = self.today - timedelta(days=self.rng.randint(400, 1500))
            people.set_membership(self.session, group_id=group.id, person_id=self.person_ids[person_key],
                                  group_role=role, joined_on=joined)
        for kind, label in spec.get("lookups", ()):
            lookups.add_lookup(self.session, kind=kind, label=label, group_id=group.id)

    def _raised_on(self, key: str, spec: dict) -> date:
        first_use = self.years[spec["group"]].first_meeting_for_issue(key)
        if first_use is not None and not spec["weeks_ago"]:
            return first_use - timedelta(days=self.rng.randint(10, 25))
        return self.today - timedelta(weeks=spec["weeks_ago"], days=self.rng.randint(0, 4))

    def _issues(self) -> None:
        raised = {key: self._raised_on(key, spec) for key, spec in ISSUES.items()}
        # References are numbered in order of raising, as they would have been at the time.
        for key in sorted(ISSUES, key=lambda k: (raised[k], k)):
            self._issue(key, ISSUES[key], raised[key])

    def _issue(self, key: str, spec: dict, raised: date) -> None:
        created = issues.create_issue(
            self.session, group_id=self.group_ids[spec["group"]], title=spec["title"], raised_on=raised,
            raised_by_role=spec["raised_by_role"], raised_by_sector=spec["raised_by_sector"],
            raised_by_organisation=spec["raised_by_organisation"], direction=spec["direction"],
            category=spec["category"], specialty=spec["specialty"], description=spec["description"],
            impact=spec["impact"], severity=spec["severity"])
        self.issue_ids[key] = created.id
        extra = {k: spec[k] for k in ("resolution", "learning", "shared") if spec[k]}
        if extra:
            issues.update_issue(self.session, created.id, **extra)
        if spec["sea"]:
            event_on = raised - timedelta(days=self.rng.randint(5, 20))
            # The SEA meeting three weeks after the report (or yesterday, for one raised since).
            meeting_on = min(raised + timedelta(weeks=3), self.today - timedelta(days=1))
            issues.save_sea(self.session, created.id, event_on=event_on, meeting_on=meeting_on, **spec["sea"])
        self._issue_history(created.id, raised, ISSUE_STEPS.index(spec["status"]))

    def _issue_history(self, issue_id: int, raised: date, final_step: int) -> None:
        span = max((self.today - raised).days - 3, final_step)
        for step in range(1, final_step + 1):
            on = raised + timedelta(days=span * step // (final_step + 1))
            status = ISSUE_STEPS[step]
            issues.set_status(self.session, issue_id, status, on=on, note=STEP_NOTES[status])

    def _issue_actions(self, group_key: str) -> None:
        """Actions agreed between meetings against an issue; they join the next meeting's action log."""
        for issue_key, text, owner, weeks, status in ISSUE_ACTIONS:
            if ISSUES[issue_key]["group"] != group_key:
                continue
            action = actions.add_action(self.session, issue_id=self.issue_ids[issue_key], description=text,
                                        owner_id=self.person_ids[owner],
                                        due_on=self.today + timedelta(weeks=weeks, days=self.rng.randint(0, 3)))
            if status != "open":
                on = self.today - timedelta(days=self.rng.randint(1, 10))
                actions.add_update(self.session, action_id=action.id, text=self.rng.choice(UPDATE_NOTES), on_date=on)
                actions.set_status(self.session, action.id, status, on=on)

    def action_fate(self, created: date, due: date) -> tuple[str, date | None, list[date]]:
        """(final status, date it was reached, progress update dates) for an action raised at a meeting."""
        roll = self.rng.random()
        if due < self.today - timedelta(days=14):
            status = "done" if roll < 0.7 else "dropped" if roll < 0.78 else "in_progress" if roll < 0.9 else "open"
        elif due <= self.today + timedelta(days=7):
            status = "done" if roll < 0.3 else "in_progress" if roll < 0.65 else "open"
        else:
            status = "open" if roll < 0.5 else "in_progress" if roll < 0.9 else "done"
        latest = self.today - timedelta(days=1)
        if status in ("done", "dropped"):
            closed = min(max(due + timedelta(days=self.rng.randint(-21, 7)), created + timedelta(days=7)), latest)
            notes = [created + (closed - created) / 2] if status == "done" and self.rng.random() < 0.6 else []
            return status, closed, notes + [closed]
        if status == "in_progress":
            first = min(created + timedelta(days=self.rng.randint(7, 21)), latest)
            notes = [first] + ([min(first + timedelta(days=21), latest)] if self.rng.random() < 0.5 else [])
            return status, first, notes
        return status, None, []

    def update_text(self, status: str, last: bool) -> str:
        if status == "dropped" and last:
            return "No longer needed: superseded by a wider piece of work agreed by the group."
        if status == "done" and last:
            return "Completed and reported to the group."
        return self.rng.choice(UPDATE_NOTES)

    def _activities(self) -> None:
        for spec in activity_content.ACTIVITIES:
            starts = self.today - timedelta(weeks=spec["weeks_ago"])
            starts -= timedelta(days=(starts.weekday() - 1) % 7)  # most visits happen on a Tuesday
            activity = activities.create_activity(
                self.session, group_id=self.group_ids[spec["group"]], kind=spec["kind"], title=spec["title"],
                starts_on=starts, ends_on=starts + timedelta(days=spec["days"]) if spec["days"] else None,
                host_department=spec["host_department"], location=spec["location"],
                description=spec["description"], outcomes=spec["outcomes"], follow_ups=spec["follow_ups"])
            for person, role, reflection in spec["participants"]:
                activities.set_participant(self.session, activity_id=activity.id, person_id=self.person_ids[person],
                                           role=role, reflection=reflection)
            for score, sector, comment in spec["feedback"]:
                activities.add_feedback(self.session, activity_id=activity.id, score=score, sector=sector,
                                        comment=comment)

    def _resources(self) -> None:
        title, filename, data = papers.render("tor")
        files.add_resource(self.session, kind="terms_of_reference", filename=filename, data=data, title=title,
                           description="Approved by the group this year.", group_id=self.group_ids["lothian"])

    def add_paper(self, meeting_id: int, agenda_item_id: int, key: str) -> None:
        title, filename, data = papers.render(key)
        files.add_paper(self.session, meeting_id=meeting_id, agenda_item_id=agenda_item_id, filename=filename,
                        data=data, title=title)
        self.papers += 1

