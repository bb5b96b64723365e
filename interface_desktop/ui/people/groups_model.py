"""Interface Groups as a table of GroupDTOs."""

from __future__ import annotations

from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel

COL_NAME, COL_BOARD, COL_HSCP, COL_MEMBERS, COL_QUORUM, COL_VENUE = range(6)


class GroupsModel(DtoTableModel):
    columns = (
        Column("Name", lambda g: g.name),
        Column("Health Board", lambda g: g.board_name),
        Column("HSCP", lambda g: g.hscp),
        Column("Members", lambda g: str(g.member_count), sort_key=lambda g: g.member_count, align_right=True),
        Column("Quorum", lambda g: f"{g.quorum_total} incl. {g.quorum_gp} GP, {g.quorum_secondary} secondary",
               tooltip=lambda g: g.quorum_text),
        Column("Usual venue", lambda g: g.default_location),
    )
