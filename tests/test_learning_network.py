"""The learning network: themes, the digest a group shares (guard, flags, stages) and the library that imports it."""

from __future__ import annotations

import io
import json
import random
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from interface_desktop.db.models import InterfaceIssue, NetworkDigest, NetworkItem
from interface_desktop.exports.digest_pdf import summary_pdf
from interface_desktop.services.core.errors import ServiceError, ValidationError
from interface_desktop.services.identifiers.guard import accept_finding
from interface_desktop.services.issues.issues import set_status
from interface_desktop.services.people.groups import create_group
from interface_desktop.services.network import digest, library, package, themes
from interface_desktop.services.network.quality import quality_flags
from interface_desktop.vocab import DEFAULT_CATEGORY_THEMES, DEFAULT_LOOKUPS, THEMES
from tests.support.privacy_corpus import valid_chi

# The example's issues change status between August and November 2026.
EARLY = (date(2026, 1, 1), date(2026, 9, 10))
LATER = (date(2026, 9, 11), date(2026, 12, 31))
WHOLE = (date(2025, 1, 1), date(2026, 12, 31))


def write(db, path: Path, *, group_id: int = 1, period=WHOLE, created_at: datetime | None = None,
          **options) -> dict:
    with db.session_scope() as s:
        plan = digest.build_digest(s, group_id=group_id, period_from=period[0], period_to=period[1], **options)
    assert not plan.blockers
    return package.write_package(path, plan, summary_pdf(plan), created_at=created_at or datetime(2026, 11, 1))


def library_items(db) -> list[tuple[str, str, str]]:
    with db.session_scope() as s:
        return sorted((d.board, i.item_key, i.stage) for i, d in s.execute(
            select(NetworkItem, NetworkDigest).join(NetworkDigest)))


def test_every_default_category_has_a_national_theme_and_a_group_may_map_its_own(session):
    assert {code for code, _ in DEFAULT_LOOKUPS["issue_category"]} == set(DEFAULT_CATEGORY_THEMES)
    assert set(DEFAULT_CATEGORY_THEMES.values()) <= set(THEMES)
    themes.set_category_theme(session, category="communication", theme="patient_communication")
    assert themes.category_themes(session)["communication"] == "patient_communication"
    group_id = create_group(session, name="Fife Interface Group", board="FF").id
    themes.set_category_theme(session, category="communication", theme="relationships", group_id=group_id)
    assert themes.category_themes(session, group_id=group_id)["communication"] == "relationships"
    assert themes.category_themes(session)["communication"] == "patient_communication"
    with pytest.raises(ValidationError, match="theme"):
        themes.set_category_theme(session, category="referrals", theme="nonsense")
    with pytest.raises(ValidationError, match="category"):
        themes.set_category_theme(session, category="no_such", theme="referral")


def test_review_returns_every_text_that_leaves_and_never_owners_attendance_or_feedback_comments(demo_db):
    with demo_db.session_scope() as s:
        plan = digest.build_digest(s, group_id=1, period_from=WHOLE[0], period_to=WHOLE[1])
        themes.confirm_theme(s, kind="issue", record_id=1, theme="prescribing")
        confirmed = digest.build_digest(s, group_id=1, period_from=WHOLE[0], period_to=WHOLE[1])
    kinds = {item.kind for item in plan.items}
    assert kinds == {"issue", "sea", "activity"} and plan.board == "LO" and plan.lead is None
    shared_text = "\n".join(t.text for t in plan.texts)
    for item in plan.items:
        for name in ("title", "problem", "what_was_done", "outcome", "learned", "changed"):
            if getattr(item, name).strip():
                assert getattr(item, name) in shared_text
    first = next(i for i in confirmed.items if i.key == "issue:1")
    assert (first.theme, first.theme_confirmed) == ("prescribing", True)
    assert not any(i.theme_confirmed for i in plan.items)
    fields = set(package.records_document(plan)["items"][0])
    assert not fields & {"owner", "owners", "attendance", "participants", "comments", "description"}


def test_quality_flags_missing_why_missing_change_and_vague_change():
    assert quality_flags(why="", change="Staff were reminded to check the list.") == ["no_why", "vague_change"]
    assert quality_flags(why="Rota gap.", change="Retrain.") == ["no_change"]
    assert quality_flags(why="Rota gap.", change="We will raise awareness at induction.") == ["vague_change"]
    assert quality_flags(why="Template upgrade.", change="Referral template pulls allergies automatically.") == []


def test_a_chi_number_in_an_sea_learning_field_stops_the_digest_naming_record_and_field(demo_db):
    with demo_db.session_scope() as s:
        sea = s.scalars(select(InterfaceIssue).where(InterfaceIssue.group_id == 1, InterfaceIssue.has_sea,
                                                      InterfaceIssue.shared)).first()
        sea.sea_learned += f" Seen for CHI {valid_chi(random.Random(15), 'mod11')}."
        reference = sea.reference
    with demo_db.session_scope() as s:
        plan = digest.build_digest(s, group_id=1, period_from=WHOLE[0], period_to=WHOLE[1])
    assert [(b.label, b.field, b.kind) for b in plan.blockers] == [(f"interface issue {reference}", "sea_learned",
                                                                    "chi")]
    assert "CHI number" in plan.blockers[0].message()


def test_titled_staff_names_are_flagged_for_review(demo_db):
    with demo_db.session_scope() as s:
        s.get(InterfaceIssue, 1).resolution = "Dr Smith agreed the template with Mrs Anne Lee."
    with demo_db.session_scope() as s:
        plan = digest.build_digest(s, group_id=1, period_from=WHOLE[0], period_to=WHOLE[1])
    assert ("issue:1", "what_was_done") in {(t.item_key, t.field) for t in plan.name_flags}
    # In an issue's narrative a titled name may be a patient's: it stops the digest until a person keeps it.
    assert {(b.field, b.kind) for b in plan.blockers} == {("resolution", "name")}
    with demo_db.session_scope() as s:
        for text in ("Dr Smith", "Mrs Anne Lee"):
            accept_finding(s, entity="interface_issue", entity_id=1, field="resolution", text=text, kind="name",
                           reason="staff who agreed the template")
        kept = digest.build_digest(s, group_id=1, period_from=WHOLE[0], period_to=WHOLE[1])
    assert not kept.blockers and kept.name_flags == plan.name_flags


def test_digest_file_is_sealed_and_read_back_with_its_origin_and_a_readable_summary(demo_db, tmp_path):
    target = tmp_path / "lothian.idlearn"
    manifest = write(demo_db, target, lead_contact=True)
    read = package.read_package(target)
    assert read.manifest["source"]["board"] == "LO" and read.manifest["period"] == {"from": "2025-01-01",
                                                                                    "to": "2026-12-31"}
    assert read.manifest["lead"]["name"] and manifest["parts"]["records.json"]["sha256"]
    pdf = PdfReader(io.BytesIO(read.summary_pdf))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Learning digest" in text and "Lothian" in text and read.items[0]["title"][:20] in text


def _rewrite(source: Path, target: Path, change) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info)))


def test_tampered_newer_and_malformed_digests_are_refused_with_one_line(demo_db, tmp_path):
    good = tmp_path / "good.idlearn"
    write(demo_db, good)
    tampered = tmp_path / "tampered.idlearn"
    _rewrite(good, tampered, lambda n, d: d.replace(b"Referrals", b"Referral!") if n == "records.json" else d)
    with pytest.raises(ServiceError, match="does not match its checksum"):
        package.read_package(tampered)
    newer = tmp_path / "newer.idlearn"
    _rewrite(good, newer, lambda n, d: d.replace(b'"version": 1', b'"version": 2') if n == "manifest.json" else d)
    with pytest.raises(ServiceError, match="newer version"):
        package.read_package(newer)
    sealed_wrongly = tmp_path / "board.idlearn"
    _rewrite(good, sealed_wrongly, lambda n, d: d.replace(b'"LO"', b'"FF"') if n == "manifest.json" else d)
    with pytest.raises(ServiceError, match="seal"):
        package.read_package(sealed_wrongly)
    broken = tmp_path / "broken.idlearn"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(ServiceError) as caught:
        package.read_package(broken)
    assert "\n" not in str(caught.value) and "broken.idlearn" in str(caught.value)


def test_import_is_idempotent_and_a_newer_digest_replaces_the_older_and_moves_stages_on(demo_db, db, tmp_path):
    early, later, again = tmp_path / "early.idlearn", tmp_path / "later.idlearn", tmp_path / "again.idlearn"
    write(demo_db, early, period=EARLY, created_at=datetime(2026, 1, 5))
    issue_key = next(i["key"] for i in package.read_package(early).items if i["stage"] in ("action_agreed", "changed"))
    with demo_db.session_scope() as s:
        set_status(s, int(issue_key.split(":")[1]), "closed", on="2026-10-01")
    write(demo_db, later, period=LATER, created_at=datetime(2026, 11, 2))
    write(demo_db, again, period=EARLY, created_at=datetime(2026, 11, 3))
    digests = [package.read_package(p) for p in (early, later)]
    with db.session_scope() as s:
        outcomes = library.import_digests(s, digests)
    assert [o.status for o in outcomes] == ["added", "added"]
    stages = dict((key, stage) for _, key, stage in library_items(db))
    assert stages[issue_key] == "checked"
    assert outcomes[1].stages_moved >= 1
    before = library_items(db)
    with db.session_scope() as s:
        assert [o.status for o in library.import_digests(s, digests)] == ["unchanged", "unchanged"]
    assert library_items(db) == before
    with db.session_scope() as s:
        outcome, = library.import_digests(s, [package.read_package(again)])
        older, = library.import_digests(s, [package.read_package(early)])
        uids = set(s.scalars(select(NetworkDigest.digest_uid)))
    assert outcome.status == "replaced" and older.status == "older"
    assert json.loads(zipfile.ZipFile(early).read("manifest.json"))["digest_id"] not in uids


def test_list_learning_filters_by_theme_and_board_and_names_the_origin(demo_db, db, tmp_path):
    for group_id in (1, 2):
        write(demo_db, tmp_path / f"g{group_id}.idlearn", group_id=group_id)
    with db.session_scope() as s:
        library.import_digests(s, [package.read_package(tmp_path / f"g{g}.idlearn") for g in (1, 2)])
        rows = library.list_learning(s)
        highland = library.list_learning(s, board="HG")
        results = library.list_learning(s, theme="results")
        with pytest.raises(ValidationError, match="theme"):
            library.list_learning(s, theme="nonsense")
    assert {r.board for r in rows} == {"LO", "HG"} and {r.board for r in highland} == {"HG"}
    assert results and {r.theme for r in results} == {"results"}
    assert all(r.group and r.period_from == WHOLE[0] and r.period_to == WHOLE[1] for r in rows)


def test_every_single_byte_change_is_refused_or_leaves_the_content_as_written(demo_db, tmp_path):
    good = tmp_path / "good.idlearn"
    write(demo_db, good, group_id=2)
    original = package.read_package(good)
    data = good.read_bytes()
    changed = tmp_path / "changed.idlearn"
    # Every byte of the first part's header and of the central directory at the end, and a spread between.
    positions = {*range(120), *range(max(0, len(data) - 400), len(data)), *range(0, len(data), len(data) // 300)}
    for position in sorted(positions):
        changed.write_bytes(data[:position] + bytes([data[position] ^ 0x20]) + data[position + 1:])
        try:
            read = package.read_package(changed)
        except ServiceError as exc:
            assert "\n" not in str(exc)
            continue
        # Zip bookkeeping such as a part's timestamp carries nothing that is imported.
        assert (read.manifest, read.items, read.summary_pdf) == (original.manifest, original.items,
                                                                 original.summary_pdf), position


def _resealed(source: Path, target: Path, change_item) -> None:
    """The digest with its first record changed and every checksum recomputed, as a careless tool would write it."""
    with zipfile.ZipFile(source) as old:
        manifest, records = json.loads(old.read("manifest.json")), json.loads(old.read("records.json"))
        summary = old.read("summary.pdf")
    change_item(records["items"][0])
    raw = json.dumps(records).encode()
    manifest["parts"]["records.json"]["sha256"] = package.sha256(raw)
    manifest.pop("seal")
    manifest["seal"] = package.sha256(package.canonical(manifest))
    with zipfile.ZipFile(target, "w") as new:
        new.writestr("manifest.json", json.dumps(manifest))
        new.writestr("records.json", raw)
        new.writestr("summary.pdf", summary)


@pytest.mark.parametrize(("field", "value", "words"), [
    ("stage", "finished", "stage is not one of raised"),
    ("theme", "", "theme is not one of"),
    ("direction", "sideways", "direction is not one of"),
    ("raised_on", "31/12/2026", "raised_on is not a date"),
    ("title", None, "title must be text"),
    ("feedback_count", -1, "feedback_count is not a count"),
])
def test_a_resealed_digest_with_a_bad_record_is_refused_naming_record_and_field(demo_db, tmp_path, field, value,
                                                                                words):
    good, bad = tmp_path / "good.idlearn", tmp_path / "bad.idlearn"
    write(demo_db, good)
    _resealed(good, bad, lambda item: item.__setitem__(field, value))
    with pytest.raises(ServiceError, match=f"bad.idlearn: record 1 {words}"):
        package.read_package(bad)
