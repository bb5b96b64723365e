"""Reads an action tracker (.xlsx or .csv) after the file guard: finds the header row and the columns it knows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from interface_desktop.services.core import safe_files
from interface_desktop.services.core.errors import ServiceError

MAX_ROWS = 5000  # data rows; a group's whole action log is a few hundred
MAX_COLUMNS = 60
MAX_SHEETS = 30
HEADER_SEARCH_ROWS = 30  # title rows, logos and notes above the header are skipped
BLANK_ROWS_ENDING_A_SHEET = 500  # sheets formatted down to row 1,048,576 end here, not there
CSV_MAX_BYTES = 20 * safe_files.MB
# Comma; semicolon where the decimal mark is a comma; tab from Excel's "Unicode Text".
CSV_DELIMITERS = (",", ";", "\t")

# Field -> header names a tracker might use, compared after normalise() (lower case, words only).
COLUMNS: dict[str, tuple[str, ...]] = {
    "description": ("action", "actions", "description", "action description", "action required", "action agreed",
                    "actions agreed", "action point", "action points", "task", "what", "details"),
    "owner": ("owner", "owners", "lead", "leads", "action owner", "action lead", "responsible", "responsible person",
              "who", "by whom", "assigned to", "lead person", "person responsible"),
    "due": ("due", "due date", "date due", "due by", "deadline", "target date", "by when", "timescale",
            "completion by"),
    "status": ("status", "action status", "current status", "state"),
    "update": ("update", "updates", "latest update", "progress", "progress update", "progress updates",
               "comments", "comment", "notes", "commentary", "progress notes"),
    "raised": ("meeting", "meeting date", "date raised", "raised", "raised on", "date of meeting", "date opened",
               "date added", "opened", "date agreed"),
    "completed": ("completed", "date completed", "completed on", "completion date", "date closed", "closed on"),
    "issue": ("issue", "issue reference", "issue ref", "interface issue", "issue no"),
}
HEADER_FOR = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}


class TrackerError(ServiceError):
    """The file cannot be read as an action tracker; the message says why and what was expected."""


@dataclass(frozen=True)
class Tracker:
    """The sheet's header and data rows; row numbers are as Excel shows them (or the record of a .csv)."""

    file_name: str
    sheet: str  # "" for a .csv
    header_row: int
    columns: dict[str, int]  # field -> index of its column
    headers: dict[str, str]  # field -> the header as written in the file
    ignored: tuple[str, ...]  # headers of columns that are not read
    rows: tuple[tuple[int, tuple[object, ...]], ...]


def normalise(text: object) -> str:
    """'Due date (dd/mm/yyyy)' -> 'due date': brackets dropped, punctuation to spaces, lower case."""
    words = re.sub(r"\([^)]*\)", " ", str(text or "")).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", words).split())


def _match_header(cells: tuple[object, ...]) -> tuple[dict[str, int], dict[str, str], list[str]] | None:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        written = str(cell).strip() if cell is not None else ""
        field = HEADER_FOR.get(normalise(written))
        if field and field not in columns:
            columns[field], headers[field] = index, written
        elif written:
            ignored.append(written)
    if "description" in columns and len(columns) >= 2:
        return columns, headers, ignored
    return None


def _blank(cells: Iterable[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _find_table(file_name: str, sheet: str, rows: Iterator[tuple[int, tuple[object, ...]]]) -> Tracker | None:
    """The first row (within HEADER_SEARCH_ROWS) that names an action column and one more, and the rows below."""
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            return None
        found = _match_header(cells)
        if found is not None:
            columns, headers, ignored = found
            return Tracker(file_name, sheet, number, columns, headers, tuple(ignored),
                           tuple(_data_rows(file_name, rows)))
    return None


def _data_rows(file_name: str, rows: Iterator[tuple[int, tuple[object, ...]]]) -> Iterator[tuple[int, tuple]]:
    kept, blanks = 0, 0
    for number, cells in rows:
        if _blank(cells):
            blanks += 1
            if blanks >= BLANK_ROWS_ENDING_A_SHEET:
                return
            continue
        blanks = 0
        kept += 1
        if kept > MAX_ROWS:
            raise TrackerError(f"{file_name} has more than {MAX_ROWS:,} actions below its header; split it into "
                               f"smaller files")
        yield number, cells


def _xlsx_rows(sheet) -> Iterator[tuple[int, tuple[object, ...]]]:  # noqa: ANN001 - a read-only worksheet
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        yield number, tuple(cells)


def _read_xlsx(path: Path) -> Tracker:
    from openpyxl import load_workbook

    safe_files.check_zip_file(path, safe_files.XLSX)
    try:
        # data_only: a formula's value as Excel last showed it, never the formula itself.
        book = load_workbook(path, read_only=True, data_only=True)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile) as exc:
        raise TrackerError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None
    try:
        for sheet in book.worksheets[:MAX_SHEETS]:
            if getattr(sheet, "iter_rows", None) is None:
                continue  # a chart sheet
            found = _find_table(path.name, sheet.title, _xlsx_rows(sheet))
            if found is not None:
                return found
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise TrackerError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None
    finally:
        book.close()  # read-only workbooks keep the file open (and locked on Windows) until closed
    raise _no_header(path.name)


def _csv_records(text: str, delimiter: str):  # noqa: ANN202 - (csv reader, numbered records)
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    return reader, ((number, tuple(cells[:MAX_COLUMNS])) for number, cells in enumerate(reader, start=1))


def _header_columns(text: str, delimiter: str) -> int:
    """How many known columns the header row has when the file is split on this delimiter (0: no header)."""
    _, records = _csv_records(text, delimiter)
    try:
        for number, cells in records:
            if number > HEADER_SEARCH_ROWS:
                return 0
            found = _match_header(cells)
            if found is not None:
                return len(found[0])
    except csv.Error:
        return 0
    return 0


def _delimiter(text: str) -> str:
    """The delimiter whose split finds the fullest header row, comma first on a tie.

    csv.Sniffer guesses the quote character from the data too, and an apostrophe before text that Excel
    would read as a formula led it to take the apostrophe as the quote. Excel quotes with '"' whatever
    the delimiter, so only the delimiter is chosen: from those Excel writes, by the header it finds.
    """
    return max(CSV_DELIMITERS, key=lambda delimiter: _header_columns(text, delimiter))


def _read_csv(path: Path) -> Tracker:
    text = safe_files.read_text(path, max_bytes=CSV_MAX_BYTES)
    reader, records = _csv_records(text, _delimiter(text))
    try:
        found = _find_table(path.name, "", records)
    except csv.Error as exc:
        raise TrackerError(f"{path.name}, line {reader.line_num}: {exc}") from None
    if found is None:
        raise _no_header(path.name)
    return found


def _no_header(file_name: str) -> TrackerError:
    return TrackerError(f"{file_name} has no header row in its first {HEADER_SEARCH_ROWS} rows: expected a column "
                        f"headed Action (or Description) and another such as Owner, Due, Status or Update")


def read_tracker(path: Path | str) -> Tracker:
    """The header row and data rows of a .xlsx (first sheet with a header) or .csv, blank rows left out."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xls", ".xlsm", ".ods"):
        raise TrackerError(f"{path.name}: save it from Excel as an Excel Workbook (.xlsx) or CSV, then import that")
    raise TrackerError(f"{path.name}: actions can be imported from an Excel workbook (.xlsx) or a .csv file")
