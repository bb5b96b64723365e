"""Who was present, sent apologies, was absent or in attendance; declarations of interest; quorum."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Attendance, Group, Meeting, Membership, Person
from interface_desktop.services.people import lookups
from interface_desktop.services.core.common import get_or_raise
from interface_desktop.services.meetings.meetings import ensure_editable
from interface_desktop.services.core.validation import Check
from interface_desktop.vocab import ATTENDANCE_STATUSES

# Person roles that are not clinical; every other role (GP, consultant, nurse, pharmacist, an AHP or any role a
# board adds) is. A group's quorum counts the clinical roles of the secondary sector unless it names its own.
NON_CLINICAL_ROLES = frozenset({"practice_manager", "manager", "other"})


@dataclass(frozen=True)
class AttendanceDTO:
    id: int
    meeting_id: int
    person_id: int
    person_name: str
    role: str
    role_label: str
    sector: str
    organisation: str
    status: str
    is_guest: bool
    is_chair: bool
    declaration: str


@dataclass(frozen=True)
class QuorumDTO:
    met: bool
    present: int
    gps: int
    secondary: int
    required_total: int
    required_gp: int
    required_secondary: int
    secondary_roles: tuple[str, ...] = ()  # the labels of the roles counted as secondary-care clinicians

    @property
    def summary(self) -> str:
        """'Quorate: 6 present (quorum 2), 1 GP (min 1), 3 secondary care (min 1)'."""
        state = "Quorate" if self.met else "Not quorate"
        gps = f"{self.gps} GP" + ("" if self.gps == 1 else "s")
        return (f"{state}: {self.present} present (quorum {self.required_total}), {gps} (min {self.required_gp}), "
                f"{self.secondary} secondary care (min {self.required_secondary})")


def list_attendance(session: Session, meeting_id: int) -> list[AttendanceDTO]:
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    labels = lookups.labels(session, "person_role")
    query = (select(Attendance, Person).join(Person, Person.id == Attendance.person_id)
             .where(Attendance.meeting_id == meeting_id).order_by(Person.name))
    return [
        AttendanceDTO(a.id, a.meeting_id, p.id, p.name, p.role, labels.get(p.role, p.role), p.sector,
                      p.organisation or p.department, a.status, a.is_guest, p.id == meeting.chair_id, a.declaration)
        for a, p in session.execute(query)
    ]


def register(session: Session, meeting_id: int) -> list[AttendanceDTO]:
    """Everyone recorded plus every current member not recorded yet (id 0, status ""), by name."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    recorded = list_attendance(session, meeting_id)
    listed = {a.person_id for a in recorded}
    labels = lookups.labels(session, "person_role")
    query = (select(Person).join(Membership, Membership.person_id == Person.id)
             .where(Membership.group_id == meeting.group_id, Membership.left_on.is_(None)))
    missing = [
        AttendanceDTO(0, meeting_id, p.id, p.name, p.role, labels.get(p.role, p.role), p.sector,
                      p.organisation or p.department, "", False, p.id == meeting.chair_id, "")
        for p in session.scalars(query) if p.id not in listed
    ]
    return sorted(recorded + missing, key=lambda a: (a.is_guest, a.person_name.lower()))


def set_attendance(
    session: Session, *, meeting_id: int, person_id: int, status: str, declaration: str | None = None,
    is_guest: bool | None = None,
) -> AttendanceDTO:
    """Records or changes one person's attendance; non-members are marked as guests by default."""
    meeting = ensure_editable(session, meeting_id)
    get_or_raise(session, Person, person_id, "person")
    check = Check()
    check.choice("status", status, ATTENDANCE_STATUSES)
    if declaration is not None:
        declaration = check.text("declaration", declaration, max_len=5000)
    check.done()
    row = session.scalar(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                  Attendance.person_id == person_id))
    if row is None:
        member = session.scalar(select(Membership.id).where(Membership.group_id == meeting.group_id,
                                                            Membership.person_id == person_id))
        row = Attendance(meeting_id=meeting_id, person_id=person_id, is_guest=member is None)
        session.add(row)
    row.status = status
    if declaration is not None:
        row.declaration = declaration
    if is_guest is not None:
        row.is_guest = is_guest
    session.flush()
    return next(a for a in list_attendance(session, meeting_id) if a.person_id == person_id)


def remove_attendance(session: Session, *, meeting_id: int, person_id: int) -> None:
    ensure_editable(session, meeting_id)
    row = session.scalar(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                  Attendance.person_id == person_id))
    if row is not None:
        session.delete(row)
        session.flush()


def add_members(session: Session, *, meeting_id: int, status: str = "present") -> list[AttendanceDTO]:
    """Lists every current member who is not on the register yet, with the given status."""
    meeting = ensure_editable(session, meeting_id)
    listed = set(session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)))
    members = session.scalars(select(Membership.person_id).where(Membership.group_id == meeting.group_id,
                                                                 Membership.left_on.is_(None)))
    for person_id in members:
        if person_id not in listed:
            session.add(Attendance(meeting_id=meeting_id, person_id=person_id, status=status, is_guest=False))
    session.flush()
    return list_attendance(session, meeting_id)


def clinical_roles(session: Session, group_id: int | None) -> list[str]:
    """Every clinical role on the group's list of person roles: whom a group's quorum counts as secondary-care
    clinicians (in the secondary sector) unless the group names its own roles."""
    return [item.code for item in lookups.list_lookups(session, kind="person_role", group_id=group_id,
                                                       include_inactive=True) if item.code not in NON_CLINICAL_ROLES]


def secondary_clinical_roles(session: Session, group: Group) -> list[str]:
    """The role codes the group counts as secondary-care clinicians: its own list, or every clinical role."""
    named = [code.strip() for code in group.quorum_secondary_roles.split(",") if code.strip()]
    return named or clinical_roles(session, group.id)


def quorum(session: Session, meeting_id: int) -> QuorumDTO:
    """Members present, by the group's rule. The minute-taker is in attendance to take the minutes (the minutes
    list them there), so they are not counted."""
    meeting = get_or_raise(session, Meeting, meeting_id, "meeting")
    group = session.get(Group, meeting.group_id)
    assert group is not None
    present = [a for a in list_attendance(session, meeting_id)
               if a.status == "present" and not a.is_guest and a.person_id != meeting.minute_taker_id]
    roles = secondary_clinical_roles(session, group)
    gps = sum(1 for a in present if a.role == "gp")
    secondary = sum(1 for a in present if a.sector == "secondary" and a.role in roles)
    met = len(present) >= group.quorum_total and gps >= group.quorum_gp and secondary >= group.quorum_secondary
    labels = lookups.labels(session, "person_role")
    return QuorumDTO(met, len(present), gps, secondary, group.quorum_total, group.quorum_gp, group.quorum_secondary,
                     tuple(labels.get(code, code) for code in roles))
