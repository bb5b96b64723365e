"""The calendar invitation read back with icalendar: one entry per meeting that moves, updates and cancels."""

from __future__ import annotations

from datetime import datetime

import pytest
from icalendar import Calendar

from interface_desktop.exports import ics
from interface_desktop.services.documents import invitation
from interface_desktop.services.meetings import agenda, meetings
from interface_desktop.services.people import people
from tests.support import document_data

EMAILS = {"Dr Ann Smith": "ann.smith@nhs.scot", "Dr Bob Jones": "bob.jones@nhs.scot",
          "Ms Erin Black": "erin.black@nhs.scot", "Dr Gus Grey": "gus.grey@nhs.scot"}


@pytest.fixture
def fx(session):
    fixture = document_data.build(session)
    for person in people.list_people(session):
        if person.name in EMAILS:
            people.update_person(session, person.id, email=EMAILS[person.name])
    return fixture


def _event(session, meeting_id: int, tmp_path):
    path = ics.export(invitation.invitation_doc(session, meeting_id), tmp_path / "meeting.ics")
    calendar = Calendar.from_ical(path.read_bytes())
    [event] = calendar.walk("VEVENT")
    return calendar, event


def _attendees(event) -> dict[str, dict[str, str]]:
    found = event.get("ATTENDEE", [])
    return {str(a): dict(a.params) for a in (found if isinstance(found, list) else [found])}


def _secretary(session, fx) -> None:
    erin = people.find_person_by_name(session, "Ms Erin Black")
    people.set_membership(session, group_id=fx.group_id, person_id=erin.id, group_role="secretary")


def test_the_secretary_invites_the_members_who_have_an_address(session, fx, tmp_path):
    _secretary(session, fx)
    calendar, event = _event(session, fx.meeting_id, tmp_path)
    assert str(calendar["METHOD"]) == "REQUEST" and str(event["STATUS"]) == "CONFIRMED"
    organiser = event["ORGANIZER"]
    assert str(organiser) == "mailto:erin.black@nhs.scot" and organiser.params["CN"] == "Ms Erin Black"
    attendees = _attendees(event)
    assert set(attendees) == {"mailto:ann.smith@nhs.scot", "mailto:bob.jones@nhs.scot", "mailto:gus.grey@nhs.scot"}
    ann, bob, gus = (attendees[f"mailto:{EMAILS[n]}"] for n in ("Dr Ann Smith", "Dr Bob Jones", "Dr Gus Grey"))
    assert (ann["CN"], ann["ROLE"], ann["PARTSTAT"]) == ("Dr Ann Smith", "CHAIR", "ACCEPTED")  # chair, present
    assert (bob["ROLE"], bob["PARTSTAT"]) == ("REQ-PARTICIPANT", "ACCEPTED")
    assert (gus["ROLE"], gus["PARTSTAT"]) == ("OPT-PARTICIPANT", "ACCEPTED")  # a guest, in attendance
    assert isinstance(event.decoded("DTSTAMP"), datetime)


def test_the_entry_keeps_its_uid_and_counts_its_changes(session, fx, tmp_path):
    _secretary(session, fx)
    _, first = _event(session, fx.meeting_id, tmp_path)
    assert str(first["UID"]).startswith(f"meeting-{fx.meeting_id}-") and first["SEQUENCE"] == 0
    meetings.update_meeting(session, fx.meeting_id, starts_at=datetime(2026, 12, 2, 10, 0))
    _, moved = _event(session, fx.meeting_id, tmp_path)
    assert str(moved["UID"]) == str(first["UID"]) and moved["SEQUENCE"] == 1
    assert moved.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 12, 2, 10, 0)
    item = agenda.list_agenda(session, fx.meeting_id)[0]
    agenda.save_minutes(session, item_id=item.id, discussion="Minutes typed after the move.", decisions="")
    meetings.update_meeting(session, fx.meeting_id, notes="A note is not a new version.")
    assert _event(session, fx.meeting_id, tmp_path)[1]["SEQUENCE"] == 1
    meetings.update_meeting(session, fx.meeting_id, location="Waverley Gate, Room 3.1", duration_minutes=90)
    _, relocated = _event(session, fx.meeting_id, tmp_path)
    assert str(relocated["UID"]) == str(first["UID"]) and relocated["SEQUENCE"] == 2

    meetings.set_status(session, fx.meeting_id, "cancelled")
    calendar, cancelled = _event(session, fx.meeting_id, tmp_path)
    assert str(calendar["METHOD"]) == "CANCEL" and str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["UID"]) == str(first["UID"]) and cancelled["SEQUENCE"] == 3
    assert str(cancelled["ORGANIZER"]) == "mailto:erin.black@nhs.scot" and len(_attendees(cancelled)) == 3


def test_two_meetings_never_share_a_uid(session, fx, tmp_path):
    _, one = _event(session, fx.meeting_id, tmp_path)
    _, other = _event(session, fx.previous_id, tmp_path)
    assert str(one["UID"]) != str(other["UID"])


def test_without_the_secretarys_address_the_entry_is_published(session, fx, tmp_path):
    calendar, event = _event(session, fx.meeting_id, tmp_path)
    assert str(calendar["METHOD"]) == "PUBLISH" and "ORGANIZER" not in event
    assert all("RSVP" not in params for params in _attendees(event).values())
    erin = people.find_person_by_name(session, "Ms Erin Black")
    people.update_person(session, erin.id, email="")
    _secretary(session, fx)
    calendar, event = _event(session, fx.meeting_id, tmp_path)
    assert str(calendar["METHOD"]) == "PUBLISH" and "ORGANIZER" not in event


def test_a_member_still_to_answer_is_asked_to_reply(session, fx, tmp_path):
    _secretary(session, fx)
    carol = people.find_person_by_name(session, "Dr Carol White")
    people.update_person(session, carol.id, email="carol.white@nhs.scot")
    meeting = meetings.create_meeting(session, group_id=fx.group_id, starts_at=datetime(2027, 1, 27, 14, 0))
    attendees = _attendees(_event(session, meeting.id, tmp_path)[1])
    assert attendees["mailto:carol.white@nhs.scot"] == {"CN": "Dr Carol White", "CUTYPE": "INDIVIDUAL",
                                                         "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION",
                                                         "RSVP": "TRUE"}
    assert "mailto:gus.grey@nhs.scot" not in attendees  # not a member, not on this meeting's register


@pytest.mark.parametrize("name", ['Ms Erin "Ruth" Black; Nic a\' Phearsain', "Zoë Ó Dónaill, MBE: lead",
                                  "Dr Łucja Wróbel\nand Siân Llŵyd", "Žydrūnė ^Kazlauskienė\\"])
def test_names_come_back_exactly(session, fx, tmp_path, name):
    _secretary(session, fx)
    for who in ("Ms Erin Black", "Dr Bob Jones"):
        people.update_person(session, people.find_person_by_name(session, who).id, name=f"{name} {who[-5:]}")
    _, event = _event(session, fx.meeting_id, tmp_path)
    assert event["ORGANIZER"].params["CN"] == f"{name} Black"
    assert _attendees(event)["mailto:bob.jones@nhs.scot"]["CN"] == f"{name} Jones"
