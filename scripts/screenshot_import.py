"""Takes the README screenshot of the action import preview, with a tracker as a secretary keeps one.

    interface-desktop demo
    xvfb-run -a python scripts/screenshot_import.py --out docs/screenshots

The tracker (written to a temporary folder) has a merged title, blank rows, odd headers, owners who are
and are not in the database, and three rows with problems, so the preview shows each kind of result.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import open_window, settle

from interface_desktop.services.people import groups

HEADERS = ["No.", "Date raised", "Action point", "Lead", "Due date", "Status", "Progress update"]
ROWS = [
    [1, datetime(2026, 9, 16), "Circulate the revised discharge letter template to all medical wards",
     "Dr Marek Nowak", "30/11/2026", "In progress", "Template agreed; wards 101-108 done"],
    [2, datetime(2026, 9, 16), "Agree who tells the patient about incidental radiology findings",
     "Dr Priya Sandhu", datetime(2026, 12, 14), "Open", ""],
    [3, "16/09/2026", "Draft a one-page guide to requesting fit notes on discharge", "Sandra Whyte",
     "31/09/2026", "Not started", ""],
    [None, None, None, None, None, None, None],
    [4, "March meeting", "Audit results routed to the wrong practice after the lab system change",
     "Dr Euan Baird / Dr Catriona Henderson", "TBC", "Ongoing", "Sample of 50 results pulled"],
    [5, datetime(2026, 10, 21), "Write to practices about the new outpatient referral form", "Karen Doig",
     datetime(2026, 11, 6), "Complete", "Sent 04/11/2026"],
    [6, datetime(2026, 10, 21), "Invite pharmacy to present on shared-care prescribing", "Dr Priya Sandhu",
     datetime(2027, 1, 20), "Amber", ""],
    [None, "Closed actions", None, None, None, None, None],
    [7, datetime(2026, 6, 10), "Retire the paper referral form for urology", None, None, "No longer required",
     "Superseded by SCI Gateway"],
    [8, datetime(2026, 10, 21), None, "Karen Doig", datetime(2026, 12, 1), "Open", ""],
]


def tracker(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Action tracker"
    sheet["A1"] = "Edinburgh Primary and Secondary Care Interface Group - action tracker"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "Updated after the October meeting"
    sheet.append([])
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="database with the example data (default: the usual one)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp())
    window = open_window(args.db, scratch / "ui.ini")
    group = next(g for g in window.runner.call(groups.list_groups) if g.name.startswith("Edinburgh"))
    dialog = window.action_import.start(tracker(scratch / "Action tracker November 2026.xlsx"))
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData(group.id))
    while dialog.preview is None or window.tasks.busy:
        settle(app, 100)
    settle(app, 300)
    path = args.out / "import-actions.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
