"""The self-test's steps: each does one real thing with the app's own code and checks what came out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from interface_desktop.selftest.context import Context, Step, expect

EXPORTS_MODULE = "interface_desktop.exports.jobs"


def create_database(ctx: Context) -> str:
    from interface_desktop.app import open_app_database
    from interface_desktop.db.migrate import head_revision
    from interface_desktop.paths import AppPaths
    from interface_desktop.services.core.runner import ServiceRunner

    root = ctx.folder / "data"
    paths = AppPaths(root, root / "settings", root / "backups", portable=False)
    paths.ensure()
    ctx.found["paths"] = paths
    ctx.db = open_app_database(str(paths.default_db_file), paths=paths)
    ctx.runner = ServiceRunner(ctx.db.session_scope, location=str(paths.default_db_file))
    with ctx.db.engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    expect(revision == head_revision(), f"schema is at {revision}, expected {head_revision()}")
    expect(paths.default_db_file.stat().st_size > 0, "the database file is empty")
    return f"schema {revision}"


def load_demo_data(ctx: Context) -> str:
    from interface_desktop.services.people import groups
    from interface_desktop.services.meetings import meetings
    from interface_desktop.demo.example import load_demo

    summary = ctx.runner.call(load_demo)
    expect(summary.meetings > 0 and summary.actions > 0, f"the example data is empty ({summary.message})")
    group = ctx.runner.call(groups.list_groups)[0]
    held = [m for m in ctx.runner.call(meetings.list_meetings, group_id=group.id, when="past")
            if m.status == "held" and m.agenda_count]
    upcoming = ctx.runner.call(meetings.list_meetings, group_id=group.id, when="upcoming")
    expect(bool(held), f"{group.name} has no held meeting with an agenda")
    ctx.found.update(group=group, held=held[0], upcoming=upcoming[0] if upcoming else held[0])
    return f"{summary.groups} groups, {summary.meetings} meetings, {summary.actions} actions, {summary.issues} issues"


def open_main_window(ctx: Context) -> str:
    from PySide6.QtWidgets import QApplication, QComboBox

    from interface_desktop.ui import settings as prefs
    from interface_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    prefs.use_file(ctx.found["paths"].settings_file)
    window = MainWindow(ctx.runner)
    ctx.found["window"] = window
    window.show()
    app.processEvents()
    expect(window.isVisible(), "the main window did not show")
    shot = window.grab()
    expect(not shot.isNull() and shot.width() > 200, "the main window could not be drawn")
    group_name = ctx.found["group"].name
    choices = [combo.itemText(i) for combo in window.findChildren(QComboBox) for i in range(combo.count())]
    expect(any(group_name in text for text in choices), f"the group selector does not offer {group_name}")
    return f"{shot.width()}x{shot.height()}, {QApplication.platformName()}"


def export_document(ctx: Context, what: str, subject_id: int, name: str) -> Path:
    from interface_desktop.exports import jobs

    target = ctx.folder / "documents" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    written = jobs.run(ctx.runner, jobs.ExportRequest(what=what, target=target, subject_id=subject_id))
    expect(Path(written).is_file() and Path(written).stat().st_size > 0, f"{name} was not written")
    return Path(written)


def export_minutes(ctx: Context) -> str:
    from docx import Document

    from interface_desktop.services.documents import documents

    meeting = ctx.found["held"]
    doc = ctx.runner.call(documents.minutes_doc, meeting.id)
    path = export_document(ctx, "minutes", meeting.id, "minutes.docx")
    word = Document(str(path))
    text = "\n".join(p.text for p in word.paragraphs)
    text += "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    expect(doc.head.group_name in text, "the minutes do not name the group")
    missing = [item.title for item in doc.items if item.title not in text]
    expect(not missing, f"the minutes lack agenda items: {', '.join(missing[:3])}")
    missing_actions = [a.description for a in doc.actions if a.description[:40] not in text]
    expect(not missing_actions, f"the minutes lack actions: {', '.join(missing_actions[:2])}")
    return f"docx, {len(doc.items)} items, {len(doc.actions)} actions"


def export_pack(ctx: Context) -> str:
    from pypdf import PdfReader

    from interface_desktop.services.documents import documents

    meeting = ctx.found["upcoming"]
    doc = ctx.runner.call(documents.pack_doc, meeting.id)
    path = export_document(ctx, "pack", meeting.id, "pack.pdf")
    reader = PdfReader(str(path))
    pages = len(reader.pages)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    flat = " ".join(text.split())
    expect(pages >= 2, f"the pack has {pages} page(s)")
    expect(doc.agenda.head.group_name in flat, "the pack does not name the group")
    missing = [item.title for item in doc.agenda.items if " ".join(item.title.split()) not in flat]
    expect(not missing, f"the pack lacks agenda items: {', '.join(missing[:3])}")
    expect(f"of {pages}" in flat, f"the pack's pages are not numbered 'Page X of {pages}'")
    expect(len(reader.outline) > 0, "the pack has no bookmarks")
    return f"pdf, {pages} pages, {len(reader.outline)} bookmarks"


def export_action_log(ctx: Context) -> str:
    from openpyxl import load_workbook

    from interface_desktop.services.documents import documents

    group = ctx.found["group"]
    doc = ctx.runner.call(documents.action_log_doc, group_id=group.id)
    path = export_document(ctx, "actions", group.id, "action-log.xlsx")
    sheet = load_workbook(str(path), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    expect(bool(rows) and "Action" in rows[0], "the action log has no header row")
    ids = {row[0] for row in rows[1:]}
    expect(ids == {r.reference for r in doc.rows}, f"the action log has {len(ids)} actions, expected {len(doc.rows)}")
    column = rows[0].index("Action")
    texts = {row[column] for row in rows[1:]}
    expect(all(r.description in texts or "'" + r.description in texts for r in doc.rows),
           "the action log's descriptions differ from the database")
    return f"xlsx, {len(ids)} actions"


BASE_STEPS: list[Step] = [
    ("database", create_database),
    ("demo data", load_demo_data),
    ("main window", open_main_window),
]
DOCUMENT_STEPS: list[Step] = [
    ("minutes", export_minutes),
    ("meeting pack", export_pack),
    ("action log", export_action_log),
]


def steps() -> tuple[list[Step], str | None]:
    """Every step, and a note when this version has no document exports to check."""
    if importlib.util.find_spec(EXPORTS_MODULE) is None:
        return BASE_STEPS, f"documents not checked: {EXPORTS_MODULE} is not in this version"
    return BASE_STEPS + DOCUMENT_STEPS, None


def close(ctx: Context) -> None:
    """Release the window, settings file and database so the temporary folder can be deleted (Windows)."""
    window = ctx.found.pop("window", None)
    if window is not None:
        from PySide6.QtWidgets import QApplication

        from interface_desktop.ui import settings as prefs

        window.close()
        window.deleteLater()
        QApplication.processEvents()
        prefs.store().sync()
    if ctx.db is not None:
        ctx.db.dispose()
