"""`make bench`: every figure and its bare baseline measured in one run, with ratios, targets and growth.

    python -m benchmarks.run [--reps 5] [--output benchmarks/results.json] [--smoke]

Absolute times on a shared machine are noise; ratios against a bare baseline measured in the same run, on the
same machine, in alternating fresh processes, are not. Medians of `--reps` repetitions.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generate import Size
from benchmarks.harness import Environment, ProbeFailed, Run, cached_database, machine, median, probe, timed_process

HERE = Path(__file__).resolve().parent
GROWTH_TARGET = round(math.sqrt(10), 2)  # ten times the data may cost at most √10 times the time


@dataclass
class Figure:
    name: str
    target: float | None  # None: shown for information, with no target of its own
    unit: str = "s"
    app: float | None = None
    bare: float | None = None
    reason: str = ""

    @property
    def ratio(self) -> float | None:
        return self.app / self.bare if self.app is not None and self.bare else None

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "NOT MEASURED"
        if self.target is None:
            return "INFO"
        return "PASS" if self.ratio <= self.target else "MISS"


@dataclass
class Growth:
    name: str
    seconds: dict[int, float] = field(default_factory=dict)
    reason: str = ""

    @property
    def ratio(self) -> float | None:
        first, last = min(self.seconds, default=None), max(self.seconds, default=None)
        return self.seconds[last] / self.seconds[first] if first is not None and first != last else None

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "NOT MEASURED"
        return "PASS" if self.ratio <= GROWTH_TARGET else "MISS"


@dataclass
class Plan:
    reps: int
    sizes: dict[int, Size]  # years -> size
    stress: Size
    env: Environment
    cache: Path


def _alternate(plan: Plan, app: Callable[[], Any], bare: Callable[[], Any]) -> tuple[list, list]:
    apps, bares = [], []
    for _ in range(plan.reps):
        apps.append(app())
        bares.append(bare())
    return apps, bares


def _startup(plan: Plan, db: Path) -> Run:
    plan.env.fresh_data_dir()
    run = timed_process(["interface_desktop", "--db", str(db), "--exit-after-start"], plan.env)
    if "first_paint" not in run.marks or "ready" not in run.marks:
        raise ProbeFailed("the app did not note its first paint and readiness")
    return run


def _bare_window(plan: Plan) -> Run:
    run = timed_process(["benchmarks.probes", "bare_window"], plan.env)
    if "first_paint" not in run.marks:
        raise ProbeFailed("the bare window did not note its first paint")
    return run


def startup_and_memory(plan: Plan) -> list[Figure]:
    """Spawn to first paint on both sides; the app's window is then showing the filled dashboard. The app then
    loads its data layer (every command ready) and exits: its peak memory includes all of that."""
    start = Figure("Start-up to main window with dashboard (10 years)", 2.5)
    ready = Figure("Start-up until every command is ready (10 years)", None)
    memory = Figure("Peak memory, 10-year database open in the GUI", 2.0, unit="MiB")
    db, _ = cached_database(plan.cache, plan.sizes[10])
    try:
        apps, bares = _alternate(plan, lambda: _startup(plan, db), lambda: _bare_window(plan))
    except ProbeFailed as exc:
        start.reason = ready.reason = memory.reason = str(exc)
        return [start, ready, memory]
    start.app, start.bare = median([r.marks["first_paint"] for r in apps]), median([r.marks["first_paint"]
                                                                                      for r in bares])
    ready.app, ready.bare = median([r.marks["ready"] for r in apps]), start.bare
    memory.app, memory.bare = median([r.peak_kib / 1024 for r in apps]), median([r.peak_kib / 1024 for r in bares])
    return [start, ready, memory]


def actions_view(plan: Plan, size: Size, label: str) -> list[Figure]:
    opened = Figure(f"Actions view, {label}: open and first paint", 2.0)
    filtered = Figure(f"Actions view, {label}: apply a filter", 2.0)
    db, _ = cached_database(plan.cache, size)
    try:
        apps = [probe("actions_app", plan.env, db=db) for _ in range(plan.reps)]
        shown = apps[0]
        bares = [probe("actions_bare", plan.env, db=db, rows=shown["rows"], status=shown["status"],
                       filtered_rows=shown["filtered_rows"]) for _ in range(plan.reps)]
    except ProbeFailed as exc:
        opened.reason = filtered.reason = str(exc)
        return [opened, filtered]
    for figure, key in ((opened, "open_paint"), (filtered, "filter")):
        figure.app, figure.bare = median([a[key] for a in apps]), median([b[key] for b in bares])
    return [opened, filtered]


def in_process(plan: Plan, name: str, probe_name: str, key: str, target: float, rounds: int,
               **options: Any) -> Figure:
    """Probes that repeat their own work `rounds` times after a warm-up and report the median."""
    figure = Figure(name, target)
    try:
        figure.app = probe(f"{probe_name}_app", plan.env, rounds=rounds, **options)[key]
        figure.bare = probe(f"{probe_name}_bare", plan.env, rounds=rounds, **options)[key]
    except ProbeFailed as exc:
        figure.app = figure.bare = None
        figure.reason = str(exc)
    return figure


def documents(plan: Plan) -> list[Figure]:
    db, showcase = cached_database(plan.cache, plan.sizes[10])
    meeting, rounds = showcase.minutes_meeting_id, min(plan.reps, 3)  # seconds each: three rounds are plenty
    return [
        in_process(plan, "Word minutes, 40 items and 200 actions", "minutes", "seconds", 1.5, rounds, db=db,
                   meeting=meeting),
        in_process(plan, "Meeting pack, 10 PDF papers (150 pages)", "pack", "seconds", 1.5, rounds, db=db,
                   meeting=meeting),
    ]


def growth(plan: Plan) -> list[Growth]:
    """Each repetition visits every size in turn, so a busy spell on the machine falls on all sizes alike."""
    rows = [Growth("Start-up"), Growth("Actions view: open and first paint"), Growth("Global search: ten queries")]
    dbs = {years: cached_database(plan.cache, size)[0] for years, size in sorted(plan.sizes.items())}
    steps = (lambda db: _startup(plan, db).marks["first_paint"],
             lambda db: probe("actions_app", plan.env, db=db)["open_paint"],
             lambda db: probe("search_app", plan.env, db=db, rounds=3)["ten_queries"])
    samples: dict[tuple[int, int], list[float]] = {}
    for _ in range(plan.reps):
        for years, db in dbs.items():
            for n, (row, step) in enumerate(zip(rows, steps)):
                if row.reason:
                    continue
                try:
                    samples.setdefault((n, years), []).append(step(db))
                except ProbeFailed as exc:
                    row.reason = str(exc)
    for (n, years), values in samples.items():
        if not rows[n].reason:
            rows[n].seconds[years] = median(values)
    return rows


def search_figure(plan: Plan) -> list[Figure]:
    db, _ = cached_database(plan.cache, plan.sizes[10])
    return [in_process(plan, "Global search, ten typical queries", "search", "ten_queries", 2.0, plan.reps, db=db)]


def both_action_sizes(plan: Plan) -> list[Figure]:
    return (actions_view(plan, plan.sizes[10], f"{plan.sizes[10].action_count:,} actions")
            + actions_view(plan, plan.stress, f"{plan.stress.action_count:,} actions"))


PARTS: dict[str, Callable[[Plan], list[Figure]]] = {
    "startup": startup_and_memory, "actions": both_action_sizes, "search": search_figure, "documents": documents,
}


def measure(plan: Plan, parts: list[str]) -> tuple[list[Figure], list[Growth]]:
    figures = [figure for part in PARTS if part in parts for figure in PARTS[part](plan)]
    return figures, growth(plan) if "growth" in parts else []


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} MiB" if unit == "MiB" else f"{value * 1000:.0f} ms"


def table(figures: list[Figure], growths: list[Growth]) -> str:
    lines = [f"| {'Figure':58} | {'App':>9} | {'Baseline':>9} | {'Ratio':>6} | {'Target':>6} | Result |",
             f"|{'-' * 60}|{'-' * 11}|{'-' * 11}|{'-' * 8}|{'-' * 8}|--------|"]
    for f in figures:
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        lines.append(f"| {f.name:58} | {_number(f.app, f.unit):>9} | {_number(f.bare, f.unit):>9} | {ratio:>6} "
                     f"| {(f'{f.target}x' if f.target else '-'):>6} "
                     f"| {f.verdict}{' (' + f.reason + ')' if f.reason else ''} |")
    if not growths:
        return "\n".join(lines)
    years = sorted({y for g in growths for y in g.seconds})
    lines += ["", "| Growth with years of records | " + " | ".join(f"{y} y" for y in years)
              + f" | {years[-1] if years else ''}y/{years[0] if years else ''}y | Target | Result |",
              "|---|" + "---|" * (len(years) + 3)]
    for g in growths:
        cells = " | ".join(_number(g.seconds.get(y), "s") for y in years)
        ratio = f"{g.ratio:.2f}x" if g.ratio is not None else "-"
        lines.append(f"| {g.name} | {cells} | {ratio} | ≤{GROWTH_TARGET}x | {g.verdict}"
                     f"{' (' + g.reason + ')' if g.reason else ''} |")
    return "\n".join(lines)


def results(figures: list[Figure], growths: list[Growth], plan: Plan) -> dict[str, Any]:
    return {
        "machine": machine(), "repetitions": plan.reps, "shared_machine": True,
        "figures": [dict(asdict(f), ratio=f.ratio, result=f.verdict) for f in figures],
        "growth": [dict(name=g.name, seconds={str(y): s for y, s in g.seconds.items()}, ratio=g.ratio,
                        target=GROWTH_TARGET, result=g.verdict, reason=g.reason) for g in growths],
        "sizes": {str(y): s.label for y, s in plan.sizes.items()} | {"stress": plan.stress.label},
    }


def make_plan(args: argparse.Namespace, env: Environment) -> Plan:
    scale = 0.03 if args.smoke else 1.0
    sizes = {years: Size(years, scale=scale) for years in (1, 3, 10)}
    stress = Size(10, actions=300 if args.smoke else 100_000, scale=scale)
    return Plan(reps=1 if args.smoke else args.reps, sizes=sizes, stress=stress, env=env, cache=args.cache)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions per figure (medians are reported)")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache", help="generated databases are kept here")
    parser.add_argument("--smoke", action="store_true", help="tiny databases, one repetition: checks it all runs")
    parser.add_argument("--only", nargs="+", choices=[*PARTS, "growth"], default=[*PARTS, "growth"],
                        metavar="PART", help=f"measure only these: {', '.join([*PARTS, 'growth'])}")
    args = parser.parse_args(argv)
    if args.reps < 1:
        parser.error("--reps must be at least 1")
    env = Environment.create()
    try:
        plan = make_plan(args, env)
        figures, growths = measure(plan, args.only)
    finally:
        env.close()
    print(table(figures, growths))
    data = results(figures, growths, plan)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=args.output.parent, delete=False, suffix=".partial") as out:
        json.dump(data, out, indent=1)
    Path(out.name).replace(args.output)
    print(f"\nResults written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
