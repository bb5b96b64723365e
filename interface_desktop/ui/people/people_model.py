"""People as a table of PersonDTOs."""

from __future__ import annotations

from interface_desktop.services.people.people import PersonDTO
from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel
from interface_desktop.vocab import GROUP_ROLE_LABELS, SECTOR_LABELS

COL_NAME, COL_ROLE, COL_SECTOR, COL_ORGANISATION, COL_EMAIL, COL_PHONE, COL_GROUPS = range(7)


def memberships_text(p: PersonDTO) -> str:
    return "; ".join(f"{m.group_name} ({GROUP_ROLE_LABELS.get(m.group_role, m.group_role).lower()})"
                     for m in p.memberships if m.left_on is None)


class PeopleModel(DtoTableModel):
    columns = (
        Column("Name", lambda p: p.name + ("" if p.active else " (inactive)")),
        Column("Role", lambda p: p.role_label),
        Column("Sector", lambda p: SECTOR_LABELS.get(p.sector, p.sector)),
        Column("Organisation", lambda p: ", ".join(x for x in (p.organisation, p.department) if x)),
        Column("E-mail", lambda p: p.email),
        Column("Phone", lambda p: p.phone),
        Column("Groups", memberships_text, tooltip=memberships_text),
    )
