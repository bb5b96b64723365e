"""Validates a whole interchange document before anything is written; the first problem names record and field."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interface_desktop.db.models import Group, LookupValue
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.documents.files import MAX_FILE_BYTES
from interface_desktop.services.interchange.schema import FORMAT, GROUPS, SEA_FIELDS, TOP_LEVEL, VERSION, F, Kind
from interface_desktop.vocab import BOARDS

REFERENCE = re.compile(r"^([A-Z]{2,3})-(\d{4})-(\d{1,6})$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


class InterchangeError(ServiceError):
    """A data file that cannot be imported; `path` names the record and field (e.g. actions[12].due_on)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


@dataclass
class Checked:
    """The document's records with clean values, in TOP_LEVEL order, and the decoded files by hash."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


def _fail(path: str, message: str) -> NoReturn:
    raise InterchangeError(path, message)


def check_header(document: Any) -> None:
    if not isinstance(document, dict):
        _fail("", "the file does not hold an Interface Desktop data export (expected a JSON object)")
    if document.get("format") != FORMAT:
        _fail("format", f"not an Interface Desktop data file (expected \"{FORMAT}\")")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        _fail("version", "must be a whole number from 1")
    if version > VERSION:
        _fail("version", f"the file was written by a newer version of Interface Desktop (format {version}; this "
                         f"version reads up to {VERSION}); please update the app")


def check_files(entries: Any) -> dict[str, bytes]:
    if entries is None:
        return {}
    if not isinstance(entries, list):
        _fail("files", "must be a list")
    files: dict[str, bytes] = {}
    for n, entry in enumerate(entries):
        path = f"files[{n}]"
        if not isinstance(entry, dict):
            _fail(path, "must be an object")
        digest = entry.get("sha256")
        if not isinstance(digest, str) or not SHA256.match(digest):
            _fail(path + ".sha256", "must be 64 lower-case hexadecimal characters")
        try:
            content = base64.b64decode(entry.get("content_base64", ""), validate=True)
        except (binascii.Error, TypeError, ValueError):
            _fail(path + ".content_base64", "is not valid base64")
        if len(content) > MAX_FILE_BYTES:
            _fail(path + ".content_base64", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB")
        if entry.get("size") != len(content):
            _fail(path + ".size", f"says {entry.get('size')!r} bytes but the content has {len(content)}")
        if hashlib.sha256(content).hexdigest() != digest:
            _fail(path + ".content_base64", "does not match its sha256 (the file is damaged)")
        files[digest] = content
    return files


class Checker:
    def __init__(self, session: Session, document: dict[str, Any]) -> None:
        self.session = session
        self.document = document
        self.declared: dict[str, dict[str, str]] = {}
        self.used: list[tuple[str, str, str]] = []  # (path, target prefix, ref)
        self.codes: list[tuple[str, str, str, str | None]] = []  # (path, lookup kind, code, group ref)
        self.checked = Checked()

    def run(self) -> Checked:
        check_header(self.document)
        self.checked.files = check_files(self.document.get("files"))
        for kind in TOP_LEVEL:
            records = self.document.get(kind.key, [])
            self.checked.records[kind.key] = self._records(kind, records, kind.key)
        self._check_references()
        self._check_codes()
        self._check_against_database()
        return self.checked

    def _records(self, kind: Kind, records: Any, path: str) -> list[dict[str, Any]]:
        if records is None:
            return []
        if not isinstance(records, list):
            _fail(path, "must be a list")
        seen: dict[tuple, int] = {}
        clean = []
        for n, record in enumerate(records):
            here = f"{path}[{n}]"
            if not isinstance(record, dict):
                _fail(here, "must be an object")
            row = self._record(kind, record, here)
            if kind.unique:
                key = tuple(str(row[u]).casefold() for u in kind.unique)
                if key in seen:
                    _fail(f"{here}.{kind.unique[-1]}", f"repeats {path}[{seen[key]}] ({', '.join(map(str, key))})")
                seen[key] = n
            clean.append(row)
        return clean

    def _record(self, kind: Kind, record: dict[str, Any], here: str) -> dict[str, Any]:
        allowed = {f.name for f in kind.fields} | {c.key for c in kind.children} | ({"ref"} if kind.prefix else set())
        unknown = sorted(set(record) - allowed)
        if unknown:
            _fail(f"{here}.{unknown[0]}", "is not a field of this record")
        row: dict[str, Any] = {}
        if kind.prefix:
            row["ref"] = self._declare(kind.prefix, record.get("ref"), here + ".ref")
        for f in kind.fields:
            row[f.name] = self._value(f, record.get(f.name), f"{here}.{f.name}", f.name in record, row)
        for child in kind.children:
            row[child.key] = self._records(child, record.get(child.key, []), f"{here}.{child.key}")
        if kind is GROUPS:
            for n, lookup in enumerate(row["lookups"]):
                self.codes_declared_by_group(row["ref"], lookup, f"{here}.lookups[{n}]")
        return row

    def codes_declared_by_group(self, group_ref: str, lookup: dict[str, Any], path: str) -> None:
        self.declared.setdefault("code:" + lookup["kind"], {})[f"{group_ref}:{lookup['code']}"] = path

    def _declare(self, prefix: str, ref: Any, path: str) -> str:
        if not isinstance(ref, str) or not ref.strip() or len(ref) > 100:
            _fail(path, "must be a short text naming the record (e.g. \"person-3\")")
        table = self.declared.setdefault(prefix, {})
        if ref in table:
            _fail(path, f"'{ref}' is also used by {table[ref]}")
        table[ref] = path.rsplit(".", 1)[0]
        return ref

    def _value(self, f: F, value: Any, path: str, present: bool, row: dict[str, Any]) -> Any:
        if value is None or (value == "" and f.kind not in ("text", "code")):
            if f.required:
                _fail(path, "is required" if not present or value is None else "must not be empty")
            return self._empty(f)
        cleaned = self._typed(f, value, path, row)
        if f.after and row.get(f.after) is not None and cleaned < row[f.after]:
            _fail(path, f"must not be before {f.after.replace('_', ' ')}")
        return cleaned

    @staticmethod
    def _empty(f: F) -> Any:
        if f.kind in ("text", "code"):
            return ""
        if f.kind == "refs":
            return []
        return None

    def _typed(self, f: F, value: Any, path: str, row: dict[str, Any]) -> Any:
        checker = getattr(self, "_" + f.kind)
        return checker(f, value, path, row)

    def _text(self, f: F, value: Any, path: str, _row: dict) -> str:
        if not isinstance(value, str):
            _fail(path, "must be text")
        if "\x00" in value:
            _fail(path, "must not contain NUL characters")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                _fail(path, f"holds a character that is not text (U+{ord(value[exc.start]):04X}, half of a pair; "
                            f"at character {exc.start + 1})")
        if f.required and not value.strip():
            _fail(path, "must not be empty")
        if len(value) > f.limit:
            _fail(path, f"is too long ({len(value):,} characters; the limit is {f.limit:,})")
        return value

    def _code(self, f: F, value: Any, path: str, row: dict) -> str:
        value = self._text(F(f.name, limit=60, required=f.required), value, path, row)
        if value:
            self.codes.append((path, f.target, value, row.get("group")))
        return value

    @staticmethod
    def _date(_f: F, value: Any, path: str, _row: dict) -> date:
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        _fail(path, f"not a valid date (expected YYYY-MM-DD, got {value!r})")

    @staticmethod
    def _datetime(_f: F, value: Any, path: str, _row: dict) -> datetime:
        if isinstance(value, str) and len(value) >= 16:
            try:
                return datetime.fromisoformat(value).replace(tzinfo=None)
            except ValueError:
                pass
        _fail(path, f"not a valid date and time (expected YYYY-MM-DDTHH:MM, got {value!r})")

    @staticmethod
    def _int(f: F, value: Any, path: str, _row: dict) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(path, "must be a whole number")
        if (f.low is not None and value < f.low) or (f.high is not None and value > f.high):
            _fail(path, f"must be between {f.low} and {f.high} (got {value})")
        return value

    @staticmethod
    def _bool(_f: F, value: Any, path: str, _row: dict) -> bool:
        if not isinstance(value, bool):
            _fail(path, "must be true or false")
        return value

    @staticmethod
    def _choice(f: F, value: Any, path: str, _row: dict) -> str:
        if value not in f.choices:
            _fail(path, f"must be one of: {', '.join(f.choices)} (got {value!r})")
        return value

    def _ref(self, f: F, value: Any, path: str, _row: dict) -> str:
        if not isinstance(value, str):
            _fail(path, "must be the ref of a record in this file")
        self.used.append((path, f.target, value))
        return value

    def _refs(self, f: F, value: Any, path: str, row: dict) -> list[str]:
        if not isinstance(value, list):
            _fail(path, "must be a list of refs")
        return list(dict.fromkeys(self._ref(f, v, f"{path}[{n}]", row) for n, v in enumerate(value)))

    def _file(self, _f: F, value: Any, path: str, _row: dict) -> str:
        if value not in self.checked.files:
            _fail(path, "names no entry of \"files\" (expected the sha256 of one)")
        return value

    def _sea(self, _f: F, value: Any, path: str, row: dict) -> dict[str, Any]:
        if not isinstance(value, dict):
            _fail(path, "must be an object or null")
        unknown = sorted(set(value) - {s.name for s in SEA_FIELDS})
        if unknown:
            _fail(f"{path}.{unknown[0]}", "is not a field of an SEA")
        return {s.name: self._value(s, value.get(s.name), f"{path}.{s.name}", s.name in value, row)
                for s in SEA_FIELDS}

    def _check_references(self) -> None:
        for path, prefix, ref in self.used:
            if ref not in self.declared.get(prefix, {}):
                _fail(path, f"no {prefix.replace('item', 'agenda item')} with ref '{ref}' in this file")
        for n, meeting in enumerate(self.checked.records["meetings"]):
            items = {item["ref"] for item in meeting["agenda"]}
            for k, paper in enumerate(meeting["papers"]):
                if paper["agenda_item"] and paper["agenda_item"] not in items:
                    _fail(f"meetings[{n}].papers[{k}].agenda_item", "is not an agenda item of this meeting")
        for n, issue in enumerate(self.checked.records["issues"]):
            match = REFERENCE.match(issue["reference"])
            if not match or match.group(1) not in BOARDS or int(match.group(3)) < 1:
                _fail(f"issues[{n}].reference", "expected BOARD-YEAR-NUMBER, such as LO-2026-004")

    def _check_codes(self) -> None:
        for path, kind, code, group_ref in self.codes:
            in_file = self.declared.get("code:" + kind, {})
            board_wide = any(lv["kind"] == kind and lv["code"] == code for lv in self.checked.records["lookups"])
            if board_wide or f"{group_ref}:{code}" in in_file:
                continue
            exists = self.session.scalar(select(LookupValue.id).where(
                LookupValue.kind == kind, LookupValue.code == code, LookupValue.group_id.is_(None)).limit(1))
            if exists is None:
                _fail(path, f"'{code}' is not in the {kind.replace('_', ' ')} list (add it to \"lookups\")")

    def _check_against_database(self) -> None:
        for n, group in enumerate(self.checked.records["groups"]):
            clash = self.session.scalar(select(Group.name).where(func.lower(Group.name) == group["name"].lower()))
            if clash is not None:
                _fail(f"groups[{n}].name", f"a group called '{clash}' is already in this database; import adds "
                                           "new groups only (rename or delete that group first)")


def check_document(session: Session, document: Any) -> Checked:
    """Every check, in order; raises InterchangeError naming the first problem, writes nothing."""
    return Checker(session, document).run()
