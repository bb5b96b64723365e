"""The quorum counts secondary-care clinicians by the group's rule (every clinical role unless the group names its
own), leaves the minute-taker out, and reads the same in the minutes as in the attendance tab."""

from __future__ import annotations

from datetime import datetime

import docx
import pytest

from interface_desktop.exports import minutes_docx
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.documents import documents
from interface_desktop.services.meetings import attendance, meetings
from interface_desktop.services.people import groups, lookups, people

REGISTER = [  # name, role, sector
    ("Dr Ann Smith", "gp", "primary"),
    ("Sister Jo Reid", "nurse", "secondary"),
    ("Mr Ravi Shah", "pharmacist", "secondary"),
    ("Ms Kate Lowe", "physiotherapist", "secondary"),
    ("Mr Tam Bell", "manager", "secondary"),
    ("Mrs Ann Duff", "practice_manager", "primary"),
]


@pytest.fixture
def meeting(session):
    group = groups.create_group(session, name="Fife Interface Group", board="FF", quorum_total=2, quorum_gp=1,
                                quorum_secondary=1)
    lookups.add_lookup(session, kind="person_role", label="Physiotherapist", group_id=group.id)
    taker = people.create_person(session, name="Ms Eilidh Baxter", role="manager", sector="other")
    ids = {"Ms Eilidh Baxter": taker.id}
    for name, role, sector in REGISTER:
        ids[name] = people.create_person(session, name=name, role=role, sector=sector).id
    for person_id in ids.values():
        people.set_membership(session, group_id=group.id, person_id=person_id)
    m = meetings.create_meeting(session, group_id=group.id, starts_at=datetime(2026, 11, 4, 14, 0),
                                chair_id=ids["Dr Ann Smith"], minute_taker_id=taker.id)
    attendance.add_members(session, meeting_id=m.id, status="present")
    return group, m, ids


def test_nurses_pharmacists_and_ahps_count_as_secondary_care_clinicians_and_the_minute_taker_does_not(session,
                                                                                                     meeting):
    _, m, _ = meeting
    q = attendance.quorum(session, m.id)
    assert (q.present, q.gps, q.secondary) == (6, 1, 3)
    assert q.summary == "Quorate: 6 present (quorum 2), 1 GP (min 1), 3 secondary care (min 1)"
    assert {"Nurse", "Pharmacist", "Physiotherapist", "Consultant", "GP"} <= set(q.secondary_roles)
    assert not {"Manager", "Practice manager", "Other"} & set(q.secondary_roles)


def test_a_group_that_names_its_roles_counts_only_those(session, meeting):
    group, m, ids = meeting
    groups.update_group(session, group.id, quorum_secondary_roles=("consultant", "nurse"))
    assert groups.get_group(session, group.id).quorum_secondary_roles == ("consultant", "nurse")
    assert attendance.quorum(session, m.id).secondary == 1
    attendance.set_attendance(session, meeting_id=m.id, person_id=ids["Sister Jo Reid"], status="apologies")
    q = attendance.quorum(session, m.id)
    assert q.summary == "Not quorate: 5 present (quorum 2), 1 GP (min 1), 0 secondary care (min 1)"
    groups.update_group(session, group.id, quorum_secondary_roles=())
    assert attendance.quorum(session, m.id).secondary == 2


def test_a_role_not_on_the_groups_list_is_refused(session, meeting):
    group, _, _ = meeting
    with pytest.raises(ValidationError, match="quorum_secondary_roles: unknown person role 'surgeon'"):
        groups.update_group(session, group.id, quorum_secondary_roles=("consultant", "surgeon"))


def test_the_minutes_print_the_same_quorum_line(session, meeting, tmp_path):
    _, m, _ = meeting
    meetings.mark_held(session, m.id)  # minutes are written for a meeting that took place
    d = docx.Document(minutes_docx.export(documents.minutes_doc(session, m.id), tmp_path / "m.docx"))
    texts = [p.text for p in d.paragraphs]
    assert texts[texts.index("Quorum") + 1] == "Quorate: 6 present (quorum 2), 1 GP (min 1), 3 secondary care (min 1)"
    assert "Ms Eilidh Baxter (minutes), Manager" in texts
