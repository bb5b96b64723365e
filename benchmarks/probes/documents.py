"""Word minutes and the meeting pack: the app's services and exports against python-docx, reportlab and pypdf
used directly on raw sqlite3 rows. Reading the data counts on both sides, as does writing the file."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _median_of_rounds(produce: Callable[[Path], None], rounds: str, suffix: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        produce(Path(tmp) / f"warm-up{suffix}")  # imports and first-use caches, alike on both sides
        times = []
        for n in range(int(rounds)):
            target = Path(tmp) / f"out-{n}{suffix}"
            started = time.perf_counter()
            produce(target)
            times.append(time.perf_counter() - started)
        size = target.stat().st_size
    return {"seconds": statistics.median(times), "bytes": size}


def _runner(db: str):  # a ServiceRunner
    from interface_desktop.db.engine import open_database
    from interface_desktop.services.core.runner import ServiceRunner

    database = open_database("sqlite:///" + db)
    return ServiceRunner(database.session_scope, location=db)


def minutes_app(db: str, meeting: str, rounds: str = "5") -> dict[str, Any]:
    from interface_desktop.exports import minutes_docx
    from interface_desktop.services.documents import documents

    runner = _runner(db)
    return _median_of_rounds(
        lambda path: minutes_docx.export(runner.call(documents.minutes_doc, int(meeting)), path), rounds, ".docx")


def pack_app(db: str, meeting: str, rounds: str = "3") -> dict[str, Any]:
    from interface_desktop.exports import pack_pdf
    from interface_desktop.services.documents import documents

    runner = _runner(db)
    return _median_of_rounds(
        lambda path: pack_pdf.export(runner.call(documents.pack_doc, int(meeting)), path), rounds, ".pdf")


def minutes_bare(db: str, meeting: str, rounds: str = "5") -> dict[str, Any]:
    from benchmarks.probes import bare_documents

    conn = sqlite3.connect(db)
    return _median_of_rounds(lambda path: bare_documents.minutes(conn, int(meeting), path), rounds, ".docx")


def pack_bare(db: str, meeting: str, rounds: str = "3") -> dict[str, Any]:
    from benchmarks.probes import bare_documents

    conn = sqlite3.connect(db)
    return _median_of_rounds(lambda path: bare_documents.pack(conn, int(meeting), path), rounds, ".pdf")
