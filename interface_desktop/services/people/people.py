"""People (members and guests) and their memberships of groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from interface_desktop.db.models import Group, Membership, Person
from interface_desktop.services.people import lookups
from interface_desktop.services.core.common import get_or_raise, id_by_name
from interface_desktop.services.core.validation import NAME_MAX, SHORT_MAX, Check
from interface_desktop.vocab import GROUP_ROLES, SECTORS


@dataclass(frozen=True)
class MembershipDTO:
    group_id: int
    group_name: str
    group_role: str
    joined_on: date | None
    left_on: date | None


@dataclass(frozen=True)
class PersonDTO:
    id: int
    name: str
    role: str
    role_label: str
    sector: str
    organisation: str
    department: str
    email: str
    phone: str
    notes: str
    active: bool
    memberships: tuple[MembershipDTO, ...] = ()

    @property
    def description(self) -> str:
        """"Dr A Person, GP, Riverside Medical Practice" style, for minutes and lists."""
        return describe(self.role_label, self.organisation, self.department)


def describe(role_label: str, organisation: str, department: str) -> str:
    where = organisation or department
    return f"{role_label}, {where}" if where else role_label


@dataclass(frozen=True)
class PersonChoice:
    """What a list of owners or presenters needs: the id and the name (and, where asked for, the description)."""

    id: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class MemberDTO:
    person: PersonDTO
    group_role: str


PERSON_FIELDS = ("name", "role", "sector", "organisation", "department", "email", "phone", "notes", "active")


def _dto(person: Person, role_labels: dict[str, str], with_memberships: bool = True) -> PersonDTO:
    memberships = ()
    if with_memberships:
        memberships = tuple(
            MembershipDTO(m.group_id, m.group.name, m.group_role, m.joined_on, m.left_on)
            for m in sorted(person.memberships, key=lambda m: m.group.name)
        )
    return PersonDTO(
        id=person.id, name=person.name, role=person.role, role_label=role_labels.get(person.role, person.role),
        sector=person.sector, organisation=person.organisation, department=person.department,
        email=person.email, phone=person.phone, notes=person.notes, active=person.active, memberships=memberships,
    )


def _validate(session: Session, fields: dict) -> dict:
    check = Check()
    clean = dict(fields)
    if "name" in fields:
        clean["name"] = check.text("name", fields["name"], required=True, max_len=NAME_MAX)
    if "role" in fields:
        clean["role"] = check.choice("role", fields["role"], sorted(lookups.codes(session, "person_role")))
    if "sector" in fields:
        clean["sector"] = check.choice("sector", fields["sector"], SECTORS)
    for key in ("organisation", "department", "email", "phone"):
        if key in fields:
            clean[key] = check.text(key, fields[key], max_len=SHORT_MAX)
    if clean.get("email") and "@" not in clean["email"]:
        check.fail("email", "is not an e-mail address")
    if "notes" in fields:
        clean["notes"] = check.text("notes", fields["notes"])
    if "active" in fields and not isinstance(fields["active"], bool):
        check.fail("active", "must be true or false")
    check.done()
    return clean


def create_person(
    session: Session, *, name: str, role: str, sector: str, organisation: str = "", department: str = "",
    email: str = "", phone: str = "", notes: str = "", active: bool = True,
) -> PersonDTO:
    clean = _validate(session, dict(name=name, role=role, sector=sector, organisation=organisation,
                                    department=department, email=email, phone=phone, notes=notes, active=active))
    person = Person(**clean)
    session.add(person)
    session.flush()
    return get_person(session, person.id)


def update_person(session: Session, person_id: int, **fields: object) -> PersonDTO:
    person = get_or_raise(session, Person, person_id, "person")
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    for key, value in _validate(session, fields).items():
        setattr(person, key, value)
    session.flush()
    return get_person(session, person_id)


def delete_person(session: Session, person_id: int) -> None:
    """Removes the person; actions they owned and meetings they chaired keep their record, unowned."""
    session.delete(get_or_raise(session, Person, person_id, "person"))
    session.flush()


def get_person(session: Session, person_id: int) -> PersonDTO:
    person = get_or_raise(session, Person, person_id, "person")
    return _dto(person, lookups.labels(session, "person_role"))


def list_people(
    session: Session, *, group_id: int | None = None, text: str | None = None, sector: str | None = None,
    active_only: bool = False,
) -> list[PersonDTO]:
    query = select(Person).options(selectinload(Person.memberships).selectinload(Membership.group))
    if group_id is not None:
        query = query.join(Membership, Membership.person_id == Person.id).where(Membership.group_id == group_id)
    if text:
        like = f"%{text.strip().lower()}%"
        query = query.where(or_(func.lower(Person.name).like(like), func.lower(Person.organisation).like(like),
                                func.lower(Person.department).like(like)))
    if sector:
        query = query.where(Person.sector == sector)
    if active_only:
        query = query.where(Person.active.is_(True))
    labels = lookups.labels(session, "person_role")
    return [_dto(p, labels) for p in session.scalars(query.order_by(Person.name, Person.id))]


def person_choices(session: Session, *, active_only: bool = False) -> list[PersonChoice]:
    """Everyone by name, without the memberships and labels list_people builds (fast for combo boxes)."""
    query = select(Person.id, Person.name).order_by(Person.name, Person.id)
    if active_only:
        query = query.where(Person.active.is_(True))
    return [PersonChoice(person_id, name) for person_id, name in session.execute(query)]


def choices_for_group(session: Session, *, group_id: int) -> list[PersonChoice]:
    """The group's current members by name, then everyone else who is active: for chair, presenter and owner."""
    get_or_raise(session, Group, group_id, "group")
    members = (select(Membership.person_id).where(Membership.group_id == group_id, Membership.left_on.is_(None))
               .scalar_subquery())
    labels = lookups.labels(session, "person_role")
    columns = (Person.id, Person.name, Person.role, Person.organisation, Person.department)

    def choices(query) -> list[PersonChoice]:  # noqa: ANN001 - a Select of `columns`
        return [PersonChoice(i, name, describe(labels.get(role, role), organisation, department))
                for i, name, role, organisation, department in session.execute(query.order_by(Person.name, Person.id))]

    return (choices(select(*columns).where(Person.id.in_(members)))
            + choices(select(*columns).where(Person.active.is_(True), Person.id.not_in(members))))


def list_members(session: Session, *, group_id: int, current_only: bool = True) -> list[MemberDTO]:
    get_or_raise(session, Group, group_id, "group")
    query = (select(Membership).join(Person).where(Membership.group_id == group_id)
             .options(selectinload(Membership.person).selectinload(Person.memberships).selectinload(Membership.group))
             .order_by(Person.name))
    if current_only:
        query = query.where(Membership.left_on.is_(None))
    labels = lookups.labels(session, "person_role")
    return [MemberDTO(_dto(m.person, labels), m.group_role) for m in session.scalars(query)]


def set_membership(
    session: Session, *, group_id: int, person_id: int, group_role: str = "member", joined_on: date | None = None,
) -> MemberDTO:
    """Adds the person to the group, or changes their group role when they are already a member."""
    get_or_raise(session, Group, group_id, "group")
    get_or_raise(session, Person, person_id, "person")
    check = Check()
    check.choice("group_role", group_role, GROUP_ROLES)
    check.done()
    membership = session.scalar(select(Membership).where(Membership.group_id == group_id,
                                                         Membership.person_id == person_id))
    if membership is None:
        membership = Membership(group_id=group_id, person_id=person_id, joined_on=joined_on)
        session.add(membership)
    membership.group_role = group_role
    membership.left_on = None
    session.flush()
    return MemberDTO(get_person(session, person_id), group_role)


def remove_membership(session: Session, *, group_id: int, person_id: int) -> None:
    membership = session.scalar(select(Membership).where(Membership.group_id == group_id,
                                                         Membership.person_id == person_id))
    if membership is not None:
        session.delete(membership)
        session.flush()


def find_person_by_name(session: Session, name: str) -> PersonDTO | None:
    person_id = id_by_name(session, Person.name, name)
    return get_person(session, person_id) if person_id is not None else None
