"""Running probes in fresh processes, caching generated databases, and describing the machine."""

from __future__ import annotations

import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generate import GENERATOR_VERSION, Showcase, Size, generate, load_showcase

ROOT = Path(__file__).resolve().parent.parent


class ProbeFailed(Exception):
    """A probe could not run (a missing module, a crash); the message is the reason shown in the table."""


@dataclass
class Environment:
    """Where probes run: the same interpreter, offscreen Qt, and a throwaway data folder for app settings."""

    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls) -> Environment:
        data_dir = Path(tempfile.mkdtemp(prefix="bench-data-"))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERFACE_DESKTOP_DATA_DIR=str(data_dir),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        env.pop("INTERFACE_DESKTOP_DB", None)
        # Measured as installed: pip and the bundle ship compiled bytecode, so neither side compiles source
        # at each start (a shell with PYTHONDONTWRITEBYTECODE would make the app, not the bare script, pay).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for package in ("interface_desktop", "benchmarks"):
            compileall.compile_dir(ROOT / package, quiet=1)
        return cls(data_dir, env)

    def fresh_data_dir(self) -> None:
        """Every start-up is a first start on that machine: no saved window layout or last page."""
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir.mkdir(parents=True)

    def close(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _reason(stderr: str) -> str:
    """The last line of the error, with this checkout's location left out (results are shared)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1].replace(str(ROOT) + os.sep, "")[:200] if lines else "no output"


@dataclass
class Run:
    """One program run: spawn to exit, its own peak resident memory, and the moments it noted (after spawn)."""

    seconds: float
    peak_kib: int
    marks: dict[str, float]


def timed_process(module: list[str], env: Environment) -> Run:
    """Runs `python -m MODULE ARGS`; the moments it notes in INTERFACE_DESKTOP_TIMINGS (ui.application.note_time)."""
    with tempfile.TemporaryDirectory(prefix="bench-peak-") as tmp:
        report, timings = Path(tmp) / "peak", Path(tmp) / "timings"
        command = [sys.executable, "-m", "benchmarks.peak", str(report), *module]
        spawned = time.time()
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env=dict(env.env, INTERFACE_DESKTOP_TIMINGS=str(timings)),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pid, status, _usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
        child.stderr and child.stderr.close()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise ProbeFailed(f"{module[0]} exited {child.returncode}: {_reason(stderr)}")
        noted = [json.loads(line) for line in (timings.read_text(encoding="utf-8").splitlines()
                                               if timings.exists() else [])]
        return Run(seconds, int(report.read_text(encoding="ascii")),
                   {n["event"]: n["time"] - spawned for n in noted})


def probe(name: str, env: Environment, **options: Any) -> dict[str, Any]:
    """Runs `benchmarks.probes NAME` in a fresh interpreter and returns its JSON figures."""
    command = [sys.executable, "-m", "benchmarks.probes", name, *(f"{k}={v}" for k, v in options.items())]
    done = subprocess.run(command, cwd=ROOT, env=env.env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise ProbeFailed(f"{name}: {_reason(done.stderr)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def schema_revision() -> str:
    from interface_desktop.db.migrate import head_revision

    return head_revision()


def cached_database(cache: Path, size: Size) -> tuple[Path, Showcase]:
    """The generated database of this size at this schema revision, built once and kept under `cache`."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"board-{size.label}-{schema_revision()}-g{GENERATOR_VERSION}.sqlite3"
    if not target.exists() or not target.with_suffix(".json").exists():
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            partial = Path(tmp) / target.name
            generate(partial, size, quiet=True)
            for suffix in (".json", ".sqlite3"):
                os.replace(partial.with_suffix(suffix), target.with_suffix(suffix))
    return target, load_showcase(target)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import sqlite3

    import PySide6
    from PySide6.QtCore import qVersion

    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal:")), 0)
    release = dict(line.split("=", 1) for line in _read("/etc/os-release").splitlines() if "=" in line)
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": release.get("PRETTY_NAME", platform.platform()).strip('"'), "kernel": platform.release(),
        "python": platform.python_version(), "pyside6": PySide6.__version__, "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version, "load_average": [round(x, 2) for x in os.getloadavg()],
    }
