"""A group's library as a table of ResourceDTOs."""

from __future__ import annotations

from interface_desktop.ui.widgets.dto_table_model import Column, DtoTableModel

COL_TITLE, COL_KIND, COL_FILE, COL_SIZE, COL_ADDED, COL_SCOPE = range(6)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class ResourcesModel(DtoTableModel):
    columns = (
        Column("Title", lambda r: r.title, tooltip=lambda r: r.description or r.title),
        Column("Kind", lambda r: r.kind_label),
        Column("File", lambda r: r.filename),
        Column("Size", lambda r: size_text(r.size), sort_key=lambda r: r.size, align_right=True),
        Column("Added", lambda r: r.added_at.strftime("%d/%m/%Y"), sort_key=lambda r: r.added_at),
        Column("Shared with", lambda r: "Every group" if r.group_id is None else "This group"),
    )
