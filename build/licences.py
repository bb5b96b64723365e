"""Third-party components of the bundle: their names, versions and licences, and the licence texts to ship."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
APP_DISTRIBUTION = "interface-desktop"
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# The PySide6 wheels carry no licence text; Qt for Python is used under the LGPL v3 (which builds on the GPL v3).
QT_DISTRIBUTIONS = {"pyside6-essentials", "shiboken6"}
QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    folder: str


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions() -> list[Distribution]:
    """The app's run-time dependencies, transitively, without test/bundle extras."""
    seen: dict[str, Distribution] = {}
    pending = [APP_DISTRIBUTION]
    while pending:
        name = pending.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = _normal(requirement.name)
            if key not in seen:
                seen[key] = distribution(requirement.name)
                pending.append(requirement.name)
    return sorted(seen.values(), key=lambda d: _normal(d.metadata["Name"]))


def licence_name(dist: Distribution) -> str:
    meta = dist.metadata
    if _normal(meta["Name"]) in QT_DISTRIBUTIONS:
        return "LGPL-3.0-only (Qt for Python is offered under LGPL-3.0, GPL-2.0 or GPL-3.0; used under the LGPL)"
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) < 40 and "\n" not in text:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see licence file"


def _copy_licence_files(dist: Distribution, target: Path) -> int:
    copied = 0
    for file in dist.files or []:
        path = str(file)
        if ".dist-info/" in path and LICENCE_FILE.search(Path(path).name):
            source = Path(dist.locate_file(file))
            if source.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / source.name)
                copied += 1
    if _normal(dist.metadata["Name"]) in QT_DISTRIBUTIONS:
        target.mkdir(parents=True, exist_ok=True)
        for text in QT_TEXTS:
            shutil.copyfile(HERE / "licence-texts" / text, target / text)
            copied += 1
    return copied


def _python_licence() -> Path | None:
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def ship_licences(bundle: Path) -> list[Component]:
    """Copy every component's licence texts into `<bundle>/licenses/` and return the component list."""
    root = bundle / "licenses"
    if root.exists():
        shutil.rmtree(root)
    components = []
    python_text = _python_licence()
    if python_text is not None:
        (root / "python").mkdir(parents=True)
        shutil.copyfile(python_text, root / "python" / "LICENSE.txt")
    version = ".".join(str(n) for n in sys.version_info[:3])
    components.append(Component("Python", version, "PSF-2.0", "python"))
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        folder = f"{_normal(name)}-{dist.version}"
        if _copy_licence_files(dist, root / folder):
            components.append(Component(name, dist.version, licence_name(dist), folder))
    components.extend(_system_library_licences(bundle, root))
    return components


def _system_library_licences(bundle: Path, root: Path) -> list[Component]:
    """Linux bundles carry some distribution libraries (X11/xcb, GLib, D-Bus): ship their Debian copyright files."""
    if sys.platform == "win32" or shutil.which("dpkg-query") is None:
        return []
    packages: dict[str, list[str]] = {}
    for lib in sorted((bundle / "_internal").glob("lib*.so*")):
        # Python's own library comes from the build's Python, not from the distribution.
        owner = None if lib.name.startswith("libpython") else _debian_owner(lib.name)
        if owner:
            packages.setdefault(owner, []).append(lib.name)
    components = []
    for package, libs in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if not copyright_file.is_file():
            continue
        folder = f"system-{package}"
        (root / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copyright_file, root / folder / "copyright")
        components.append(Component(package, _debian_version(package), "as in its copyright file: " + ", ".join(libs),
                                    folder))
    return components


def _debian_owner(library: str) -> str | None:
    result = subprocess.run(["dpkg-query", "-S", "*/" + library], capture_output=True, text=True, check=False)
    if result.returncode != 0 or not result.stdout:
        return None
    return result.stdout.split(":", 1)[0].strip().split(",")[0]


def _debian_version(package: str) -> str:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "?"


def components_table(components: list[Component]) -> str:
    width = max(len(c.name) for c in components)
    version_width = max(len(c.version) for c in components)
    lines = [f"  {c.name.ljust(width)}  {c.version.ljust(version_width)}  {c.licence}" for c in components]
    return "\n".join(lines)
