"""The action log as a spreadsheet (.xlsx) or .csv, safe to open in Excel.

Formula injection: a text cell that Excel could run as a formula (=, +, -, @ after any blanks, their
full-width forms, a leading tab or carriage return) is written with a leading apostrophe (') - Excel's own
marker for "this is text" - in both formats. Dates are real date cells in the workbook and dd/mm/yyyy in the csv.

The importer removes that apostrophe again. So that it never removes one the user typed, text that already
begins with apostrophes before such a character ("'+ve results'") gets one more: the marker is added exactly
when the text, without its leading apostrophes, looks like a formula, and removed exactly then, so every text
survives a round trip through the app's own files (services/core/formulas.py).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from interface_desktop.exports.clean import neutralise
from interface_desktop.exports.text import short_date
from interface_desktop.exports.writing import write
from interface_desktop.services.documents.documents import ActionLogDoc, ActionRow

COLUMNS = (  # header, width (characters)
    ("No.", 12), ("Group", 24), ("Raised", 11), ("Action", 60), ("Lead", 22), ("Due", 11), ("Status", 12),
    ("RAG", 11), ("Completed", 11), ("Issue", 14), ("Carried forward", 9), ("Latest update", 45),
)
RAG_FILLS = {"red": "F4C7C3", "amber": "FCE8B2", "green": "C6E7C9", "grey": "E8EDEE"}
RAG_COLUMN = 8


def values(row: ActionRow) -> list[object]:
    return [row.reference, row.group, row.raised_on, row.description, row.owner, row.due_on, row.status,
            row.rag_label, row.completed_on, row.issue_reference, row.carried_forward, row.last_update]


def build_xlsx(doc: ActionLogDoc, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Action log"
    ws.append([header for header, _ in COLUMNS])
    fills = {rag: PatternFill("solid", fgColor=colour) for rag, colour in RAG_FILLS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in doc.rows:
        ws.append([neutralise(v) for v in values(row)])
        r = ws.max_row
        ws.cell(r, RAG_COLUMN).fill = fills.get(row.rag, fills["grey"])
        for col in (4, 12):
            ws.cell(r, col).alignment = wrap
        for col in (3, 6, 9):
            ws.cell(r, col).number_format = "dd/mm/yyyy"
    bold = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="005EB8")
    for n, (_, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(1, n)
        cell.font, cell.fill = bold, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 2)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddHeader.left.text = f"Action log: {doc.scope}"
    ws.oddHeader.right.text = f"Printed {short_date(doc.prepared_on)}"
    wb.properties.title = f"Action log: {doc.scope}"
    wb.save(path)


def _csv_value(value: object) -> object:
    if isinstance(value, date):
        return short_date(value)
    return neutralise(value)


def build_csv(doc: ActionLogDoc, path: Path) -> None:
    # utf-8-sig writes the byte-order mark Excel needs to read the file as UTF-8.
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([header for header, _ in COLUMNS])
        for row in doc.rows:
            writer.writerow([_csv_value(v) for v in values(row)])


def export(doc: ActionLogDoc, target: Path | str) -> Path:
    return write("actions", doc, target)
