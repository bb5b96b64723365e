"""Interface Groups: details, quorum rule and standing agenda items."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from interface_desktop.db.models import Group, GroupStandingItem, Membership, SearchDocument
from interface_desktop.services.core.common import get_or_raise, id_by_name
from interface_desktop.services.people import lookups
from interface_desktop.services.dashboard.types import GroupChoice
from interface_desktop.services.core.validation import NAME_MAX, SHORT_MAX, TITLE_MAX, Check
from interface_desktop.vocab import BOARDS, STANDING_PLACEMENTS


@dataclass(frozen=True)
class StandingItemDTO:
    title: str
    minutes: int
    placement: str  # "start" (before the business) or "end"


@dataclass(frozen=True)
class GroupDTO:
    id: int
    name: str
    board: str
    board_name: str
    hscp: str
    terms_of_reference: str
    quorum_gp: int
    quorum_secondary: int
    quorum_total: int
    default_location: str
    default_duration: int
    standing_items: tuple[StandingItemDTO, ...]
    member_count: int
    # Role codes counted as secondary-care clinicians for the quorum; empty: every clinical role.
    quorum_secondary_roles: tuple[str, ...] = ()

    @property
    def quorum_text(self) -> str:
        return (f"at least {self.quorum_total} members present, including {self.quorum_gp} GP(s) "
                f"and {self.quorum_secondary} secondary-care clinician(s)")


# A new group's standing agenda items (title, minutes): the first four open the agenda, the rest close it.
STANDING_ITEMS: list[tuple[str, int]] = [
    ("Welcome and apologies", 5),
    ("Declarations of interest", 2),
    ("Minutes of the previous meeting", 5),
    ("Matters arising and action log", 15),
    ("Any other business", 5),
    ("Date of next meeting", 2),
]


def default_standing_items() -> list[StandingItemDTO]:
    head = STANDING_ITEMS[:4]
    tail = STANDING_ITEMS[4:]
    return [StandingItemDTO(t, m, "start") for t, m in head] + [StandingItemDTO(t, m, "end") for t, m in tail]


def _dto(group: Group, member_count: int) -> GroupDTO:
    return GroupDTO(
        id=group.id, name=group.name, board=group.board, board_name=BOARDS.get(group.board, group.board),
        hscp=group.hscp, terms_of_reference=group.terms_of_reference, quorum_gp=group.quorum_gp,
        quorum_secondary=group.quorum_secondary, quorum_total=group.quorum_total,
        default_location=group.default_location, default_duration=group.default_duration,
        standing_items=tuple(StandingItemDTO(s.title, s.minutes, s.placement) for s in group.standing_items),
        member_count=member_count, quorum_secondary_roles=_codes(group.quorum_secondary_roles),
    )


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in text.split(",") if code.strip())


def _member_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Membership.group_id, func.count()).where(Membership.left_on.is_(None)).group_by(Membership.group_id))
    return dict(rows.tuples().all())


def _validate(session: Session, fields: dict, group_id: int | None) -> dict:
    check = Check()
    clean = dict(fields)
    if "name" in fields:
        clean["name"] = check.text("name", fields["name"], required=True, max_len=NAME_MAX)
        clash = id_by_name(session, Group.name, clean["name"])
        if clash is not None and clash != group_id:
            check.fail("name", f"a group called '{clean['name']}' already exists")
    if "board" in fields:
        clean["board"] = check.choice("board", fields["board"], BOARDS)
    for key, limit in (("hscp", SHORT_MAX), ("default_location", TITLE_MAX), ("terms_of_reference", 100_000)):
        if key in fields:
            clean[key] = check.text(key, fields[key], max_len=limit)
    for key in ("quorum_gp", "quorum_secondary", "quorum_total"):
        if key in fields:
            clean[key] = check.integer(key, fields[key], low=0, high=100)
    if "default_duration" in fields:
        clean["default_duration"] = check.integer("default_duration", fields["default_duration"], low=5, high=24 * 60)
    if "quorum_secondary_roles" in fields:
        clean["quorum_secondary_roles"] = _check_roles(session, check, fields["quorum_secondary_roles"], group_id)
    check.done()
    return clean


def _check_roles(session: Session, check: Check, roles: object, group_id: int | None) -> str:
    """Person role codes, stored comma-separated; each must be on the group's list of roles."""
    codes = _codes(roles) if isinstance(roles, str) else tuple(roles or ())  # type: ignore[arg-type]
    known = lookups.codes(session, "person_role", group_id)
    unknown = [code for code in codes if code not in known]
    if unknown:
        check.fail("quorum_secondary_roles", f"unknown person role {unknown[0]!r}; use {', '.join(sorted(known))}")
    return ",".join(dict.fromkeys(codes))


def create_group(
    session: Session, *, name: str, board: str, hscp: str = "", terms_of_reference: str = "",
    quorum_gp: int = 1, quorum_secondary: int = 1, quorum_total: int = 3, default_location: str = "",
    default_duration: int = 120, standing_items: list[StandingItemDTO] | None = None,
    quorum_secondary_roles: tuple[str, ...] | str = (),
) -> GroupDTO:
    clean = _validate(session, dict(
        name=name, board=board, hscp=hscp, terms_of_reference=terms_of_reference, quorum_gp=quorum_gp,
        quorum_secondary=quorum_secondary, quorum_total=quorum_total, default_location=default_location,
        default_duration=default_duration, quorum_secondary_roles=quorum_secondary_roles), None)
    group = Group(**clean)
    session.add(group)
    session.flush()
    set_standing_items(session, group_id=group.id, items=standing_items or default_standing_items())
    return get_group(session, group.id)


def update_group(session: Session, group_id: int, **fields: object) -> GroupDTO:
    group = get_or_raise(session, Group, group_id, "group")
    allowed = {"name", "board", "hscp", "terms_of_reference", "quorum_gp", "quorum_secondary", "quorum_total",
               "default_location", "default_duration", "quorum_secondary_roles"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown group fields: {sorted(unknown)}")
    for key, value in _validate(session, fields, group_id).items():
        setattr(group, key, value)
    session.flush()
    return get_group(session, group_id)


def set_standing_items(session: Session, *, group_id: int, items: list[StandingItemDTO]) -> None:
    group = get_or_raise(session, Group, group_id, "group")
    check = Check()
    for n, item in enumerate(items, 1):
        check.text(f"standing_items[{n}].title", item.title, required=True, max_len=TITLE_MAX)
        check.integer(f"standing_items[{n}].minutes", item.minutes, low=0, high=600)
        check.choice(f"standing_items[{n}].placement", item.placement, STANDING_PLACEMENTS)
    check.done()
    group.standing_items.clear()
    session.flush()
    for n, item in enumerate(items):
        group.standing_items.append(GroupStandingItem(position=n, title=item.title.strip(), minutes=item.minutes,
                                                      placement=item.placement))
    session.flush()


def get_group(session: Session, group_id: int) -> GroupDTO:
    group = get_or_raise(session, Group, group_id, "group")
    count = session.scalar(select(func.count()).where(Membership.group_id == group_id, Membership.left_on.is_(None)))
    return _dto(group, count or 0)


def list_groups(session: Session) -> list[GroupDTO]:
    counts = _member_counts(session)
    groups = session.scalars(select(Group).options(selectinload(Group.standing_items)).order_by(Group.name))
    return [_dto(g, counts.get(g.id, 0)) for g in groups]


def group_choices(session: Session) -> list[GroupChoice]:
    """Every group by name, without member counts or standing items (the group box, filter lists)."""
    return [GroupChoice(group_id, name) for group_id, name in
            session.execute(select(Group.id, Group.name).order_by(Group.name))]


def delete_group(session: Session, group_id: int) -> None:
    """Removes the group and everything recorded under it (the UI confirms first)."""
    session.delete(get_or_raise(session, Group, group_id, "group"))
    session.flush()
    # Records removed by the database's ON DELETE CASCADE never pass through the ORM hooks.
    session.execute(delete(SearchDocument).where(SearchDocument.group_id == group_id))


def find_group_by_name(session: Session, name: str) -> GroupDTO | None:
    group_id = id_by_name(session, Group.name, name)
    return get_group(session, group_id) if group_id is not None else None
