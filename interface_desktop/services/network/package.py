"""The .idlearn file: a zip of a versioned JSON manifest, the records and a PDF summary, each part sealed with
SHA-256; written from a digest plan and read back only after every check has passed (see docs/learning-digest.md).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from interface_desktop import __version__
from interface_desktop.services.core.safe_files import MB, ZipLimits, parse_json, read_zip_parts
from interface_desktop.services.network.checks import DigestError, check_items, check_manifest_fields
from interface_desktop.services.network.digest import DigestPlan

FORMAT = "interface-desktop-learning-digest"
VERSION = 1
MANIFEST = "manifest.json"
RECORDS = "records.json"
SUMMARY = "summary.pdf"
PARTS = (MANIFEST, RECORDS, SUMMARY)
SUFFIX = ".idlearn"
LIMITS = ZipLimits("a learning digest", 20 * MB, len(PARTS), 30 * MB, 60 * MB, 100, office=False)


def canonical(value: Any) -> bytes:
    """The JSON form the manifest's seal is taken over: keys sorted, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def records_document(plan: DigestPlan) -> dict[str, Any]:
    return {"items": [{f.name: _jsonable(getattr(item, f.name)) for f in dataclasses.fields(item)}
                      for item in plan.items]}


def manifest_document(plan: DigestPlan, parts: dict[str, bytes], *, created_at: datetime) -> dict[str, Any]:
    """The manifest of a digest whose other parts are `parts`; "seal" is the SHA-256 of the rest of it."""
    counts = {kind: sum(1 for item in plan.items if item.kind == kind) for kind in ("issue", "sea", "activity")}
    manifest = {
        "format": FORMAT, "version": VERSION, "digest_id": str(uuid.uuid4()),
        "created_at": created_at.isoformat(), "written_by": f"Interface Desktop {__version__}",
        "source": {"key": plan.source_key, "database_identity": plan.database_identity, "group_id": plan.group_id,
                   "group": plan.group_name, "board": plan.board, "board_name": plan.board_name, "hscp": plan.hscp},
        "period": {"from": plan.period_from.isoformat(), "to": plan.period_to.isoformat()},
        "lead": dataclasses.asdict(plan.lead) if plan.lead else None,
        "counts": counts,
        "parts": {name: {"sha256": sha256(data), "bytes": len(data)} for name, data in parts.items()},
    }
    manifest["seal"] = sha256(canonical(manifest))
    return manifest


def write_package(path: Path, plan: DigestPlan, summary_pdf: bytes, *, created_at: datetime) -> dict[str, Any]:
    """Writes the digest to `path` (a temporary file the caller then moves into place); returns its manifest."""
    records = json.dumps(records_document(plan), ensure_ascii=False, indent=1).encode("utf-8")
    parts = {RECORDS: records, SUMMARY: summary_pdf}
    manifest = manifest_document(plan, parts, created_at=created_at)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        for name, data in parts.items():
            archive.writestr(name, data)
    return manifest


@dataclass(frozen=True)
class ReadDigest:
    """A digest that passed every check: its manifest, records, summary and the SHA-256 of the whole file."""

    name: str
    manifest: dict[str, Any]
    items: list[dict[str, Any]]
    summary_pdf: bytes
    file_sha256: str


def read_package(path: Path | str) -> ReadDigest:
    """Reads and checks a digest file completely; DigestError (one line, naming the file) at the first problem."""
    path = Path(path)
    parts = read_zip_parts(path, LIMITS)
    if set(parts) != set(PARTS):
        raise DigestError(f"{path.name} is not a learning digest (it holds {', '.join(sorted(parts)) or 'nothing'})")
    manifest = parse_json(path.name + ": " + MANIFEST, parts[MANIFEST])
    _check_manifest(path.name, manifest)
    for name in (RECORDS, SUMMARY):
        if sha256(parts[name]) != manifest["parts"][name]["sha256"]:
            raise DigestError(f"{path.name}: {name} does not match its checksum; the file was changed after it was "
                              f"written and is refused")
    records = parse_json(path.name + ": " + RECORDS, parts[RECORDS])
    items = check_items(path.name, records)
    return ReadDigest(path.name, manifest, items, parts[SUMMARY], sha256(path.read_bytes()))


def _check_manifest(name: str, manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DigestError(f"{name} is not a learning digest (its manifest does not say so)")
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise DigestError(f"{name}: the manifest has no valid format version")
    if version > VERSION:
        raise DigestError(f"{name} was written in digest format {version} by a newer version of Interface Desktop; "
                          f"this version reads format {VERSION} and older")
    rest = {k: v for k, v in manifest.items() if k != "seal"}
    if manifest.get("seal") != sha256(canonical(rest)):
        raise DigestError(f"{name}: the manifest does not match its seal; the file was changed after it was written "
                          f"and is refused")
    check_manifest_fields(name, manifest)
