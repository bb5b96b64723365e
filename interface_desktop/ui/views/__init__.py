"""The main window's pages. Each is a QWidget built as View(runner, signals, parent) with:

- `title`: the navigation label;
- `set_group(group_id: int | None)`: show only this group (None = all groups);
- `refresh()`: reload from services;
- `open_record(kind: str, record_id: int) -> bool`: show that record if this view owns the kind;
- `save_state(settings) / restore_state(settings)`: column widths, splitters, filters (QSettings).
"""
