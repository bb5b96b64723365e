"""The baselines for the documents: the same content read with raw SQL and written with python-docx, reportlab
and pypdf directly, the way a short script would do it (no templates, styles or safety nets)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

OPEN = ("open", "in_progress")


def _meeting(conn: sqlite3.Connection, meeting_id: int) -> tuple:
    return conn.execute("SELECT g.name, m.starts_at, m.location, m.minutes_status, m.group_id FROM meeting m "
                        "JOIN interface_group g ON g.id = m.group_id WHERE m.id = ?", (meeting_id,)).fetchone()


def _minutes_rows(conn: sqlite3.Connection, meeting_id: int) -> tuple[list, list, list]:
    people = conn.execute("SELECT p.name, p.role, p.organisation, a.status FROM attendance a JOIN person p "
                          "ON p.id = a.person_id WHERE a.meeting_id = ? ORDER BY p.name", (meeting_id,)).fetchall()
    items = conn.execute("SELECT a.id, a.position, a.title, a.discussion, a.decisions, p.name FROM agenda_item a "
                         "LEFT JOIN person p ON p.id = a.presenter_id WHERE a.meeting_id = ? ORDER BY a.position",
                         (meeting_id,)).fetchall()
    actions = conn.execute("SELECT a.agenda_item_id, a.description, p.name, a.due_on, a.status FROM action a "
                           "LEFT JOIN person p ON p.id = a.owner_id WHERE a.meeting_id = ? ORDER BY a.id",
                           (meeting_id,)).fetchall()
    return people, items, actions


def minutes(conn: sqlite3.Connection, meeting_id: int, path: Path) -> None:
    """Heading, attendance, numbered items with decisions and actions, and the action table, in Word."""
    import docx

    group, starts, location, status, _ = _meeting(conn, meeting_id)
    people, items, actions = _minutes_rows(conn, meeting_id)
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "DRAFT" if status != "approved" else group
    document.add_heading(group, 0)
    document.add_paragraph(f"Minutes of the meeting held on {starts[:10]} at {starts[11:16]}, {location}")
    for heading, wanted in (("Present", "present"), ("Apologies", "apologies")):
        document.add_heading(heading, 2)
        for name, role, organisation, state in people:
            if state == wanted:
                document.add_paragraph(f"{name}, {role}, {organisation}")
    numbered = []
    for number, (item_id, _pos, title, discussion, decisions, _presenter) in enumerate(items, 1):
        document.add_heading(f"{number}\t{title}", 1)
        for paragraph in filter(None, discussion.split("\n\n")):
            document.add_paragraph(paragraph)
        if decisions:
            line = document.add_paragraph()
            line.add_run("Decision: ").bold = True
            line.add_run(decisions)
        for k, action in enumerate((a for a in actions if a[0] == item_id), 1):
            line = document.add_paragraph()
            line.add_run(f"Action {number}.{k}: ").bold = True
            line.add_run(f"{action[1]} ({action[2] or 'lead to be confirmed'} by {action[3]})")
            numbered.append((f"{number}.{k}", *action[1:]))
    document.add_heading("Actions agreed at this meeting", 1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("No.", "Action", "Lead", "Due", "Status")):
        cell.text = text
    for row in numbered:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value or "")
    document.save(str(path))


def _pack_rows(conn: sqlite3.Connection, meeting_id: int, group_id: int) -> dict[str, list]:
    previous = conn.execute("SELECT id FROM meeting WHERE group_id = ? AND starts_at < (SELECT starts_at FROM meeting "
                            "WHERE id = ?) ORDER BY starts_at DESC LIMIT 1", (group_id, meeting_id)).fetchone()
    return {
        "items": _minutes_rows(conn, meeting_id)[1],
        "previous": _minutes_rows(conn, previous[0])[1] if previous else [],
        "actions": conn.execute(
            "SELECT a.id, a.description, p.name, a.due_on, a.status, (SELECT u.text FROM action_update u WHERE "
            "u.action_id = a.id ORDER BY u.on_date DESC, u.id DESC LIMIT 1) FROM action a LEFT JOIN person p "
            "ON p.id = a.owner_id WHERE a.group_id = ? AND a.status IN (?, ?) ORDER BY a.due_on, a.id",
            (group_id, *OPEN)).fetchall(),
        "issues": conn.execute(
            "SELECT reference, title, category, direction, severity, status, raised_on FROM interface_issue "
            "WHERE group_id = ? AND status IN ('new', 'under_review', 'action_agreed') ORDER BY raised_on",
            (group_id,)).fetchall(),
        "papers": conn.execute("SELECT p.title, b.content FROM paper p JOIN file_blob b ON b.id = p.blob_id "
                               "WHERE p.meeting_id = ? ORDER BY p.position", (meeting_id,)).fetchall(),
    }


def _pdf(story: list, starts: dict[str, int] | None = None) -> bytes:
    """Builds the story; `starts` receives the page of each Heading1 (reportlab's afterFlowable hook)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    class Template(SimpleDocTemplate):
        def afterFlowable(self, flowable: object) -> None:  # noqa: N802 - reportlab API
            style = getattr(flowable, "style", None)
            if starts is not None and getattr(style, "name", "") == "Heading1":
                starts.setdefault(flowable.getPlainText(), self.page)

    out = io.BytesIO()
    Template(out, pagesize=A4).build(story)
    return out.getvalue()


def _table(header: tuple[str, ...], rows: list) -> object:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Table

    style = getSampleStyleSheet()["BodyText"]
    return Table([header] + [[Paragraph(str(v or ""), style) for v in row] for row in rows], repeatRows=1)


def _body(data: dict[str, list]) -> tuple[bytes, list[tuple[str, int]]]:
    """Agenda, previous minutes, action log and open issues, each from a new page; where each section starts."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph

    styles, story = getSampleStyleSheet(), []
    parts = [("Agenda", [_table(("No.", "Item", "Lead"), [(n, i[2], i[5]) for n, i in enumerate(data["items"], 1)])]),
             ("Minutes of the previous meeting", [Paragraph(f"{n} {i[2]}<br/>{i[3]}<br/>{i[4]}", styles["BodyText"])
                                                  for n, i in enumerate(data["previous"], 1)]),
             ("Action log", [_table(("No.", "Action", "Lead", "Due", "Status", "Latest"), data["actions"])]),
             ("Open interface issues", [_table(("Ref.", "Issue", "Category", "Direction", "Severity", "Status",
                                                "Raised"), data["issues"])])]
    for heading, flowables in parts:
        story += [Paragraph(heading, styles["Heading1"]), *flowables, PageBreak()]
    starts: dict[str, int] = {}
    pdf = _pdf(story, starts)
    return pdf, [(heading, starts.get(heading, 1)) for heading, _ in parts]


def pack(conn: sqlite3.Connection, meeting_id: int, path: Path) -> None:
    """Cover with contents, the pack's own pages, the papers; page numbers, item stamps and bookmarks."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    group, starts, location, _status, group_id = _meeting(conn, meeting_id)
    data = _pack_rows(conn, meeting_id, group_id)
    body, sections = _body(data)
    body_pages = PdfReader(io.BytesIO(body)).pages
    papers = [(title, PdfReader(io.BytesIO(content))) for title, content in data["papers"]]
    first = len(body_pages) + 2
    contents = [(title, start + 1) for title, start in sections]
    for title, reader in papers:
        contents.append((title, first))
        first += len(reader.pages)
    style = getSampleStyleSheet()
    cover = _pdf([Paragraph(group, style["Title"]), Paragraph(f"Meeting pack, {starts[:10]}, {location}",
                                                              style["Heading2"]),
                                                    _table(("Section", "Page"), contents)])
    writer = PdfWriter()
    for page in [*PdfReader(io.BytesIO(cover)).pages, *body_pages, *(p for _, r in papers for p in r.pages)]:
        writer.add_page(page)
    total, out = len(writer.pages), io.BytesIO()
    labels = {page - 1 + n: f"Item {k}" for k, ((_, page), (_, reader)) in
              enumerate(zip(contents[len(sections):], papers), 1) for n in range(len(reader.pages))}
    stamps = canvas.Canvas(out)
    for index in range(total):
        stamps.drawCentredString(300, 18, f"Page {index + 1} of {total}")
        if index in labels:
            stamps.drawString(480, 810, labels[index])
        stamps.showPage()
    stamps.save()
    for page, stamp in zip(writer.pages, PdfReader(io.BytesIO(out.getvalue())).pages):
        page.merge_page(stamp)
    for title, page in contents:
        writer.add_outline_item(title, page - 1)
    with open(path, "wb") as handle:
        writer.write(handle)
