"""The benchmark generator and harness keep working, and the fast query paths they drove stay correct."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.generate import Size, generate
from interface_desktop.db.engine import Database, open_database
from interface_desktop.services.actions import actions
from interface_desktop.services.search import search
from interface_desktop.services.actions.actions import SORT_COLUMNS, ActionFilter

ON = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory):  # an open generated Database
    target = tmp_path_factory.mktemp("board") / "board.sqlite3"
    showcase = generate(target, Size(1, scale=0.05), on=ON, quiet=True)
    assert showcase.counts["action"] == 150 and showcase.counts["file_blob"] == 10
    database = open_database("sqlite:///" + str(target))
    yield database
    database.dispose()


def _documents(db: Database) -> set[tuple]:
    with db.engine.connect() as conn:
        return set(conn.execute(text("SELECT kind, ref_id, group_id, title, body FROM search_document")))


def test_bulk_search_documents_are_what_the_app_would_index(board: Database):
    bulk = _documents(board)
    with board.session_scope() as session:
        session.info["tracking_disabled"] = True
        search.rebuild_index(session)
    assert _documents(board) == bulk
    with board.session_scope() as session:
        hits = search.search(session, "discharge letters")
    assert hits and all("discharge" in (h.title + h.snippet).lower() for h in hits)


@pytest.mark.parametrize("rags", [("red",), ("amber",), ("green",), ("grey",), ("red", "amber"), ("green", "grey")])
def test_rag_filters_pick_exactly_the_actions_of_those_colours(board: Database, rags: tuple[str, ...]):
    with board.session_scope() as session:
        everything = actions.list_actions(session, on=ON)
        picked = actions.list_actions(session, ActionFilter(rag=rags), on=ON)
        counted = actions.count_actions(session, ActionFilter(rag=rags), on=ON)
    expected = {a.id for a in everything if a.rag in rags}
    assert {a.id for a in picked} == expected and counted == len(expected)
    assert len({a.rag for a in everything}) >= 2


@pytest.mark.parametrize("order_by", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_is_the_same_slice_of_the_full_ordered_list(board: Database, order_by: str, descending: bool):
    flt = ActionFilter(status=("open", "in_progress", "done"))
    with board.session_scope() as session:
        full = actions.list_actions(session, flt, on=ON, order_by=order_by, descending=descending)
        pages = [actions.list_actions(session, flt, on=ON, order_by=order_by, descending=descending, limit=40,
                                      offset=offset) for offset in range(0, len(full), 40)]
    assert [a for page in pages for a in page] == full
    assert any(a.last_update for a in full)


@pytest.mark.parametrize("status", [("open", "in_progress"), ("done",), ("done", "dropped"), ("dropped",)])
def test_a_status_and_word_filter_picks_exactly_the_matching_actions(board: Database, status: tuple[str, ...]):
    """Whether the status index is used or the table scanned (with done actions), the rows are the same."""
    with board.session_scope() as session:
        everything = actions.list_actions(session, on=ON)
        flt = ActionFilter(status=status, text="Discharge")
        picked = actions.list_actions(session, flt, on=ON)
        counted = actions.count_actions(session, flt, on=ON)
    expected = [a.id for a in everything if a.status in status
                and ("discharge" in a.description.lower() or "discharge" in a.owner_name.lower())]
    assert expected and [a.id for a in picked] == expected and counted == len(expected)


def _exports_exist() -> bool:
    return all(importlib.util.find_spec(m) is not None
               for m in ("interface_desktop.exports.minutes_docx", "interface_desktop.exports.pack_pdf"))


@pytest.mark.slow
def test_benchmark_smoke_run_measures_every_figure(tmp_path: Path):
    """Tiny databases and one repetition: no timing is asserted, only that every figure gets measured."""
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--smoke", "--output", str(out), "--cache",
                           str(tmp_path / "cache")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["machine"]["cores"] >= 1 and results["machine"]["python"]
    names = [f["name"] for f in results["figures"]]
    assert len(names) == 10 and any(n.startswith("Word minutes") for n in names)
    for figure in results["figures"]:
        if figure["name"].startswith(("Word", "Meeting pack")) and not _exports_exist():
            assert "import" in figure["reason"]
            continue
        assert figure["result"] in (("INFO",) if figure["target"] is None else ("PASS", "MISS")), (
            figure["name"], figure["reason"])
        assert figure["app"] > 0 and figure["bare"] > 0
    for row in results["growth"]:
        assert set(row["seconds"]) == {"1", "3", "10"} and row["result"] in ("PASS", "MISS"), row
    assert "| Start-up to main window" in done.stdout



def test_peak_memory_is_the_programs_own_not_its_parents():
    """The kernel's figure for a spawned child starts from its parent's size: the harness must not use it."""
    from benchmarks.harness import Environment, timed_process

    ballast = bytearray(300 * 1024 * 1024)
    ballast[:: 4096] = b"\x01" * len(ballast[:: 4096])  # touch every page, so it is resident
    env = Environment.create()
    try:
        run = timed_process(["this"], env)
    finally:
        env.close()
    assert 0 < run.peak_kib < 100 * 1024 < len(ballast) // 1024
