"""National themes: each category's theme (set once for the board, or by a group), and the theme a person confirms
for each record before it is shared."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Activity, Group, InterfaceIssue, ShareTheme, ThemeMapping
from interface_desktop.services.core.common import get_or_raise, os_user
from interface_desktop.services.core.validation import Check
from interface_desktop.services.people.lookups import codes
from interface_desktop.vocab import DEFAULT_CATEGORY_THEMES, THEMES

# An activity has no category; what groups share from one is, first of all, how the professions meet.
ACTIVITY_THEME = "relationships"
FALLBACK_THEME = "relationships"


def category_themes(session: Session, *, group_id: int | None = None) -> dict[str, str]:
    """Every category's theme for the group: its own mapping, else the board-wide one, else the shipped default."""
    themes = dict(DEFAULT_CATEGORY_THEMES)
    rows = session.execute(select(ThemeMapping.group_id, ThemeMapping.category, ThemeMapping.theme).where(
        (ThemeMapping.group_id.is_(None)) | (ThemeMapping.group_id == group_id)))
    # Board-wide rows first, so a group's own mapping wins.
    for _group, category, theme in sorted(rows, key=lambda row: row[0] is not None):
        themes[category] = theme
    return themes


def set_category_theme(session: Session, *, category: str, theme: str, group_id: int | None = None) -> None:
    """Map a category to a national theme, for every group (group_id None) or for one group."""
    check = Check()
    check.choice("theme", theme, THEMES)
    if group_id is not None:
        get_or_raise(session, Group, group_id, "group")
    if category not in codes(session, "issue_category", group_id):
        check.fail("category", f"no issue category {category!r}")
    check.done()
    row = session.scalar(select(ThemeMapping).where(
        ThemeMapping.category == category,
        ThemeMapping.group_id.is_(None) if group_id is None else ThemeMapping.group_id == group_id))
    if row is None:
        session.add(ThemeMapping(group_id=group_id, category=category, theme=theme))
    else:
        row.theme = theme
    session.flush()


def confirm_theme(session: Session, *, kind: str, record_id: int, theme: str) -> None:
    """A person's choice of theme for an issue (or SEA) or an activity it is shared as."""
    check = Check()
    check.choice("theme", theme, THEMES)
    check.choice("kind", kind, ("issue", "sea", "activity"))
    check.done()
    is_activity = kind == "activity"
    get_or_raise(session, Activity if is_activity else InterfaceIssue, record_id,
                 "activity" if is_activity else "interface issue")
    column = ShareTheme.activity_id if is_activity else ShareTheme.issue_id
    row = session.scalar(select(ShareTheme).where(column == record_id))
    if row is None:
        row = ShareTheme(activity_id=record_id) if is_activity else ShareTheme(issue_id=record_id)
        session.add(row)
    row.theme = theme
    row.user = session.info.get("audit_user") or os_user()
    session.flush()


def confirmed_themes(session: Session, *, issue_ids: list[int], activity_ids: list[int]) -> dict[tuple[str, int], str]:
    """("issue" | "activity", id) -> the theme a person confirmed, for the records given."""
    rows = session.execute(select(ShareTheme.issue_id, ShareTheme.activity_id, ShareTheme.theme).where(
        ShareTheme.issue_id.in_(issue_ids) | ShareTheme.activity_id.in_(activity_ids)))
    return {("issue", i) if i is not None else ("activity", a): theme for i, a, theme in rows}
