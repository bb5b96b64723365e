"""The one-folder bundle: builds, fits its size budget, tests itself headless, runs portable, ships its IT note."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from interface_desktop import __version__, paths
from tests.test_selftest import expected_steps

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
BUNDLE = DIST / "InterfaceDesktop"
EXE = BUNDLE / ("InterfaceDesktop.exe" if sys.platform == "win32" else "InterfaceDesktop")
BUDGET = 140 * 1024 * 1024

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built() -> Path:
    """Build once for the module, exactly as `make bundle` does (without the baseline bundle)."""
    done = subprocess.run([sys.executable, str(ROOT / "build" / "make_bundle.py"), "--no-baseline", "--runs", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return BUNDLE


def bare_env(home: Path) -> dict[str, str]:
    """No display, no Qt platform chosen, an empty home folder: a fresh locked-down desktop."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM") and not k.startswith("INTERFACE_DESKTOP_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), TMPDIR=str(home / "tmp"))
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return env


def test_bundle_fits_the_size_budget(built: Path) -> None:
    size = sum(p.lstat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= BUDGET, f"{size / 2**20:.1f} MB"


def test_bundle_self_test_passes_headless(built: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path / "home")
    done = subprocess.run([str(EXE), "--self-test"], env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("PASS "), done.stdout + done.stderr
    for step in expected_steps():
        assert f"{step} " in done.stdout, step
    assert not list((tmp_path / "home").rglob("*InterfaceDesktop*"))


@pytest.fixture
def portable(built: Path) -> Iterator[Path]:
    marker = built / paths.PORTABLE_MARKER
    data = built / paths.PORTABLE_DATA_DIR
    marker.write_text("", encoding="utf-8")
    try:
        yield data
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def test_portable_mode_keeps_data_and_settings_beside_the_executable(portable: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(bare_env(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(EXE), "--exit-after-start"], env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (portable / paths.DB_FILENAME).is_file()
    assert (portable / "settings" / paths.SETTINGS_FILENAME).is_file()
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == [], f"portable mode wrote into the home folder: {written}"


def test_bundle_has_no_network_or_unused_qt_modules(built: Path) -> None:
    names = [p.name for p in built.rglob("*")]
    for unwanted in ("Qt6Network", "QtNetwork", "Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Pdf", "libssl", "_ssl."):
        assert not [n for n in names if unwanted in n], unwanted
    plugins = sorted(p.relative_to(built).as_posix() for p in built.rglob("plugins/*/*"))
    assert any("platforms/" in p and "offscreen" in p for p in plugins)
    assert not [p for p in plugins if "wayland" in p or "networkinformation" in p or "tls/" in p]


def test_zip_carries_the_it_note_licences_and_checksums(built: Path) -> None:
    archives = list(DIST.glob(f"InterfaceDesktop-{__version__}-*.zip"))
    assert len(archives) == 1
    with zipfile.ZipFile(archives[0]) as archive:
        names = set(archive.namelist())
        note = archive.read("InterfaceDesktop/IT-NOTE.txt").decode("utf-8")
        sums = archive.read("InterfaceDesktop/SHA256SUMS.txt").decode("utf-8")
    exe_hash = hashlib.sha256(EXE.read_bytes()).hexdigest()
    assert exe_hash in note and f"{exe_hash}  {EXE.name}" in sums
    assert __version__ in note
    for promise in ("no network connections", "no administrator rights", "interface-desktop.portable",
                    "HOW TO REMOVE IT", "registry"):
        assert promise in note
    assert any(n.endswith("/LGPL-3.0.txt") and "pyside6-essentials" in n for n in names)
    assert "InterfaceDesktop/licenses/python/LICENSE.txt" in names
    assert f"InterfaceDesktop/{EXE.name}" in names
