"""A year of one example group's meetings: agendas, attendance, minutes, actions and their progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import ModuleType
from typing import Any

from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.meetings import attendance
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.meetings import planning
from interface_desktop.services.actions.actions import ActionFilter
from interface_desktop.demo.content.notes import ANY_OTHER_BUSINESS, DECLARATIONS
from interface_desktop.services.meetings.meetings import MeetingDTO


def meeting_dates(spec: dict, on: date) -> list[datetime]:
    """Past meetings at the group's interval, then the upcoming ones; the next is one to three weeks away."""
    first_upcoming = on + timedelta(days=8)
    first_upcoming += timedelta(days=(spec["weekday"] - first_upcoming.weekday()) % 7)
    step = timedelta(weeks=spec["interval_weeks"])
    days = [_clear_of_holidays(first_upcoming + step * n, later=n >= 0) for n in range(-spec["past"], spec["upcoming"])]
    return [datetime.combine(d, time(spec["hour"], spec["minute"])) for d in days]


def _clear_of_holidays(day: date, *, later: bool) -> date:
    """Nobody meets over Christmas and New Year: such a meeting moves a week at a time (past ones earlier)."""
    while (day.month, day.day) >= (12, 22) or (day.month, day.day) <= (1, 4):
        day += timedelta(weeks=1 if later else -1)
    return day


def long_date(day: date | datetime) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass
class PendingChange:
    """An action's later history, applied once the story reaches its date."""

    action_id: int
    status: str
    on: date
    notes: list[date] = field(default_factory=list)


class GroupYear:
    def __init__(self, loader: Any, key: str, spec: dict, content: ModuleType) -> None:
        self.loader = loader
        self.key = key
        self.spec = spec
        self.content = content
        self.dates = meeting_dates(spec["meeting"], loader.today)
        self.pending: list[PendingChange] = []

    @property
    def session(self):  # noqa: ANN201 - the loader's Session
        return self.loader.session

    def person(self, key: str) -> int:
        return self.loader.person_ids[key]

    def first_meeting_for_issue(self, issue_key: str) -> date | None:
        for when, refs in zip(self.dates, self.content.SCHEDULE):
            if any(self.content.TOPICS[ref.rstrip("+")]["issue"] == issue_key for ref in refs):
                return when.date()
        return None

    def run(self, *, before_upcoming: Callable[[], None]) -> None:
        past = len(self.content.SCHEDULE)
        previous: MeetingDTO | None = None
        for index, when in enumerate(self.dates):
            if index == past:
                before_upcoming()
            self._settle(before=when.date())
            meeting = self._create(previous, when)
            if index < past:
                self._hold(meeting, index, previous)
            else:
                self._plan(meeting, self.content.UPCOMING[index - past], first=index == past)
            previous = meeting
        self._settle(before=date.max)

    def _create(self, previous: MeetingDTO | None, when: datetime) -> MeetingDTO:
        if previous is None:
            lead = next(p for p, role in self.spec["members"] if role == "lead")
            secretary = next(p for p, role in self.spec["members"] if role == "secretary")
            return meetings.create_meeting(self.session, group_id=self.loader.group_ids[self.key], starts_at=when,
                                           chair_id=self.person(lead), minute_taker_id=self.person(secretary))
        meeting, _carried = planning.create_next_meeting(self.session, after_meeting_id=previous.id, starts_at=when)
        return meeting

    def _settle(self, *, before: date) -> None:
        """Progress notes and status changes dated before `before`, so carry-forward sees the right state."""
        waiting = []
        for change in self.pending:
            if change.on >= before:
                waiting.append(change)
                continue
            for n, on in enumerate(change.notes):
                text = self.loader.update_text(change.status, last=n == len(change.notes) - 1)
                actions.add_update(self.session, action_id=change.action_id, text=text, on_date=on)
            actions.set_status(self.session, change.action_id, change.status, on=change.on)
        self.pending = waiting

    def _hold(self, meeting: MeetingDTO, index: int, previous: MeetingDTO | None) -> None:
        carried = actions.count_actions(self.session, ActionFilter(meeting_id=meeting.id))
        for ref in self.content.SCHEDULE[index]:
            self._business_item(meeting, ref)
        apologies, guests = self._attendance(meeting, index)
        self._standing_minutes(meeting, index, previous, apologies, guests, carried)
        # The chair closes the meeting a little before its planned end, a different few minutes each time.
        early = 4 + (index * 7) % 19
        meetings.update_meeting(self.session, meeting.id,
                                closed_at=meeting.ends_at - timedelta(minutes=early))
        if previous is not None:
            approval.approve_minutes(self.session, previous.id, approved_on=meeting.starts_at.date(),
                                     at_meeting_id=meeting.id)
        if index == len(self.content.SCHEDULE) - 1 and self.key == "lothian":
            meetings.circulate_minutes(self.session, meeting.id)
        else:
            meetings.mark_held(self.session, meeting.id)

    def _business_item(self, meeting: MeetingDTO, ref: str) -> None:
        topic = self.content.TOPICS[ref.rstrip("+")]
        follow_up = ref.endswith("+")
        discussion, decisions, raised = topic["update" if follow_up else "first"]
        issue_id = self.loader.issue_ids.get(topic["issue"]) if topic["issue"] else None
        item = agenda.add_agenda_item(
            self.session, meeting_id=meeting.id, title=topic["title"] + (" (update)" if follow_up else ""),
            kind="discussion" if follow_up else topic["kind"], minutes_allotted=topic["minutes"],
            presenter_id=self.person(topic["presenter"]), issue_id=issue_id, discussion=discussion,
            decisions=decisions)
        if issue_id is not None:
            issues.link_meeting(self.session, issue_id=issue_id, meeting_id=meeting.id)
        held = meeting.starts_at.date()
        for text, owner, weeks in raised:
            due = held + timedelta(weeks=weeks)
            action = actions.add_action(self.session, agenda_item_id=item.id, description=text,
                                        owner_id=self.person(owner), due_on=due, issue_id=issue_id)
            status, on, notes = self.loader.action_fate(held, due)
            if on is not None:
                self.pending.append(PendingChange(action.id, status, on, notes))

    def _attendance(self, meeting: MeetingDTO, index: int) -> tuple[list[str], list[str]]:
        """Everyone present but a few apologies; guests presenting an item are in attendance."""
        attendance.add_members(self.session, meeting_id=meeting.id, status="present")
        officers = {p for p, role in self.spec["members"] if role in ("lead", "secretary")}
        others = [p for p, _ in self.spec["members"] if p not in officers]
        rng = self.loader.rng
        apologies = rng.sample(others, rng.randint(1, 3))
        for person in apologies:
            attendance.set_attendance(self.session, meeting_id=meeting.id, person_id=self.person(person),
                                      status="apologies")
        presenters = {self.content.TOPICS[ref.rstrip("+")]["presenter"] for ref in self.content.SCHEDULE[index]}
        guests = [p for p in self.spec["guests"] if p in presenters or rng.random() < 0.2]
        for person in guests:
            attendance.set_attendance(self.session, meeting_id=meeting.id, person_id=self.person(person),
                                      status="in_attendance")
        declared = DECLARATIONS.get((self.key, index))
        if declared and declared[0] not in apologies:
            attendance.set_attendance(self.session, meeting_id=meeting.id, person_id=self.person(declared[0]),
                                      status="present", declaration=declared[1])
        return [self._name(p) for p in apologies], [self._name(p) for p in guests]

    def _name(self, key: str) -> str:
        return self.loader.people_names[key]

    def _standing_minutes(self, meeting: MeetingDTO, index: int, previous: MeetingDTO | None, apologies: list[str],
                          guests: list[str], carried: int) -> None:
        declared = DECLARATIONS.get((self.key, index))
        welcome = "The chair welcomed members" + (f" and {', '.join(guests)}, in attendance" if guests else "")
        texts = {
            "Welcome and apologies": f"{welcome}. Apologies were received from {', '.join(apologies)}.",
            "Declarations of interest": (f"{self._name(declared[0])}: {declared[1]}" if declared
                                         else "No declarations of interest were made."),
            # The approval itself is printed from the record the approval keeps, after this text.
            "Minutes of the previous meeting": (
                "Members raised no corrections." if previous
                else "The minutes of the previous meeting were approved as an accurate record."),
            "Matters arising and action log": (
                f"The group reviewed the action log: {carried} open actions were brought forward from earlier "
                "meetings. Leads gave updates, and overdue actions were discussed with new dates agreed where "
                "needed." if carried else "There were no open actions from previous meetings."),
            "Any other business": ANY_OTHER_BUSINESS[index % len(ANY_OTHER_BUSINESS)],
            "Date of next meeting": self._next_meeting_text(index),
        }
        for item in agenda.list_agenda(self.session, meeting.id):
            if item.kind == "standing" and item.title in texts:
                agenda.save_minutes(self.session, item_id=item.id, discussion=texts[item.title], decisions="")

    def _next_meeting_text(self, index: int) -> str:
        nxt = self.dates[index + 1]
        return (f"The next meeting will be held on {long_date(nxt)} at {nxt:%H:%M}, "
                f"{self.spec['default_location']}.")

    def _plan(self, meeting: MeetingDTO, items: list[tuple], *, first: bool) -> None:
        """An upcoming meeting: agenda with presenters ready, papers on the next one, early apologies."""
        for title, kind, presenter, minutes, issue_key, paper in items:
            issue_id = self.loader.issue_ids[issue_key] if issue_key else None
            item = agenda.add_agenda_item(self.session, meeting_id=meeting.id, title=title, kind=kind,
                                          minutes_allotted=minutes, presenter_id=self.person(presenter),
                                          issue_id=issue_id)
            if issue_id is not None:
                issues.link_meeting(self.session, issue_id=issue_id, meeting_id=meeting.id)
            if paper and first:
                self.loader.add_paper(meeting.id, item.id, paper)
        if first:
            others = [p for p, role in self.spec["members"] if role == "member"]
            attendance.set_attendance(self.session, meeting_id=meeting.id, person_id=self.person(others[-1]),
                                      status="apologies")

