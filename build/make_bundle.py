"""Build the one-folder bundle, add licences and the IT note, zip it, and report its size and start-up time.

Usage: python build/make_bundle.py [--no-baseline] [--runs N]
Writes build/dist/InterfaceDesktop/ and build/dist/InterfaceDesktop-<version>-<platform>.zip; with the
baseline it also builds a bare PySide6 hello-window bundle (same excludes) to compare sizes against.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bundle_config as cfg  # noqa: E402
import licences  # noqa: E402

WORK = HERE / "work"
DIST = HERE / "dist"
SIZE_BUDGET_MB = 140
NOTE_NAME = "IT-NOTE.txt"
SUMS_NAME = "SHA256SUMS.txt"


def exe_path(bundle: Path, name: str = cfg.EXE_NAME) -> Path:
    return bundle / (name + ".exe" if cfg.WINDOWS else name)


def pyinstaller(spec: Path) -> float:
    """Run PyInstaller on a spec; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm", "--log-level", "WARN",
         "--workpath", str(WORK), "--distpath", str(DIST)],
        check=True,
    )
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def write_sums(bundle: Path) -> None:
    files = sorted(p for p in bundle.rglob("*") if p.is_file() and p.name != SUMS_NAME)
    lines = [f"{sha256(p)}  {p.relative_to(bundle).as_posix()}" for p in files]
    (bundle / SUMS_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_it_note(bundle: Path, version: str, components: list[licences.Component]) -> Path:
    exe = exe_path(bundle)
    text = (HERE / "IT-NOTE.template.txt").read_text(encoding="utf-8").format(
        version=version,
        platform=platform_tag(),
        built=datetime.now(timezone.utc).strftime("%d %B %Y %H:%M UTC"),
        exe=exe.name,
        sha256=sha256(exe),
        components=licences.components_table(components),
    )
    note = bundle / NOTE_NAME
    # Windows' Notepad and every editor read CRLF; keep the note readable there.
    note.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))
    return note


def make_zip(bundle: Path, version: str) -> Path:
    """Zip the folder atomically: a half-written zip never carries the final name."""
    target = DIST / f"InterfaceDesktop-{version}-{platform_tag()}.zip"
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(bundle.rglob("*")):
            arcname = Path(bundle.name, path.relative_to(bundle)).as_posix()
            if path.is_symlink():
                # Keep links as links so the unzipped folder is the same size as the built one.
                info = zipfile.ZipInfo(arcname)
                info.create_system = 3
                info.external_attr = 0o120777 << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, arcname)
    os.replace(partial, target)
    target.with_name(target.name + ".sha256").write_text(f"{sha256(target)}  {target.name}\n", encoding="utf-8")
    return target


def startup_seconds(exe: Path, runs: int) -> list[float]:
    """Wall time to the main window with the dashboard loaded (--exit-after-start), offscreen."""
    times = []
    with tempfile.TemporaryDirectory(prefix="interface-desktop-start-") as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERFACE_DESKTOP_DATA_DIR=data)
        for index in range(runs + 1):
            started = time.perf_counter()
            subprocess.run([str(exe), "--exit-after-start"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if index:  # the first run creates and migrates the database
                times.append(time.perf_counter() - started)
    return times


def finish_bundle(bundle: Path, version: str) -> Path:
    """Licences, IT note and checksums inside the folder, then the zip beside it."""
    components = licences.ship_licences(bundle)
    write_it_note(bundle, version, components)
    write_sums(bundle)
    return make_zip(bundle, version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-baseline", action="store_true", help="skip the bare PySide6 hello-window bundle")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs to take the median of (default 5)")
    args = parser.parse_args(argv)
    version = cfg.read_version()
    build_s = pyinstaller(HERE / "installer.spec")
    bundle = DIST / cfg.EXE_NAME
    zip_path = finish_bundle(bundle, version)
    size = folder_size(bundle)
    mb = 1024 * 1024
    print(f"bundle   {bundle.relative_to(cfg.ROOT)}: {size / mb:.1f} MB unpacked (budget {SIZE_BUDGET_MB} MB), "
          f"built in {build_s:.0f} s")
    if not args.no_baseline:
        pyinstaller(HERE / "hello.spec")
        hello = folder_size(DIST / "HelloQt")
        print(f"baseline bare PySide6 hello window, same excludes: {hello / mb:.1f} MB "
              f"(the app adds {(size - hello) / mb:.1f} MB, x{size / hello:.2f})")
    print(f"zip      {zip_path.relative_to(cfg.ROOT)}: {zip_path.stat().st_size / mb:.1f} MB")
    times = startup_seconds(exe_path(bundle), args.runs)
    print(f"start-up to the main window (offscreen, median of {len(times)}): {statistics.median(times):.2f} s "
          f"(min {min(times):.2f} s, max {max(times):.2f} s)")
    if size > SIZE_BUDGET_MB * mb:
        print(f"bundle is over the {SIZE_BUDGET_MB} MB budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
