"""Writes every document from the example data and renders every page to PNG for docs/examples.

Run: python scripts/render_examples.py [FOLDER]   (needs LibreOffice `soffice` and poppler `pdftoppm`)
The example data is loaded into a temporary database, with 'today' pinned so the pages are reproducible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("INTERFACE_DESKTOP_TODAY", "2026-11-23")

from interface_desktop.db.engine import open_database
from interface_desktop.db.migrate import upgrade_to_head
from interface_desktop.exports import jobs
from interface_desktop.demo import example as demo
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.issues.issues import IssueFilter
from interface_desktop.services.core.runner import ServiceRunner

TARGET = Path(__file__).resolve().parent.parent / "docs" / "examples"
# The documents people read as pages (the action log, the calendar file and the data are copied as they are).
PAGED = ("minutes", "agenda", "pack", "sea", "report")


def _requests(runner: ServiceRunner, out: Path) -> list[jobs.ExportRequest]:
    rows = runner.call(meetings.list_meetings)
    upcoming = min((m for m in rows if m.paper_count), key=lambda m: m.starts_at)
    held = max((m for m in rows if m.minutes_status == "circulated"), key=lambda m: m.starts_at)
    sea = runner.call(issues.list_issues, IssueFilter(has_sea=True))[0]
    return [
        jobs.ExportRequest("minutes", out / "minutes.docx", held.id),
        jobs.ExportRequest("agenda", out / "agenda.pdf", upcoming.id),
        jobs.ExportRequest("pack", out / "meeting-pack.pdf", upcoming.id),
        jobs.ExportRequest("ics", out / "meeting.ics", upcoming.id),
        jobs.ExportRequest("sea", out / "sea.docx", sea.id),
        jobs.ExportRequest("actions", out / "action-log.xlsx", None, statuses=("open", "in_progress")),
        jobs.ExportRequest("report", out / "quarterly-report.pdf", None, date_from=date(2026, 7, 1),
                           date_to=date(2026, 9, 30)),
    ]


def _png(source: Path, what: str, work: Path, target: Path) -> list[Path]:
    pdf = source
    if source.suffix != ".pdf":
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
                       check=True, capture_output=True)
        pdf = work / (source.stem + ".pdf")
    from pypdf import PdfReader

    pictures = []
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        stem = target / f"{source.stem}-page{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                        str(stem)], check=True)
        pictures.append(stem.with_suffix(".png"))
    return pictures


def main(target: Path = TARGET) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*-page*.png"):  # a document that got shorter leaves no old pages behind
        stale.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'example.sqlite3'}"
        upgrade_to_head(url, work / "backups")
        database = open_database(url)
        runner = ServiceRunner(database.session_scope, location=url)
        runner.call(demo.load_demo)
        for request in _requests(runner, work):
            started = time.perf_counter()
            written = jobs.run(runner, request, allow_identifiers=True)
            print(f"{request.what:8} {time.perf_counter() - started:6.2f} s  {written.name}")
            if request.what in PAGED:
                print("         " + ", ".join(p.name for p in _png(written, request.what, work, target)))
            if written.suffix in (".docx", ".ics", ".xlsx"):
                shutil.copy(written, target / written.name)
        database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
