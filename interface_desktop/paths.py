"""Where data, settings and backups live: per-user folders, portable mode, bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "InterfaceDesktop"
PORTABLE_MARKER = "interface-desktop.portable"
PORTABLE_DATA_DIR = "InterfaceDesktopData"
DB_FILENAME = "interface-desktop.sqlite3"
# UI preferences live in this INI file in settings_dir: never the Windows registry (QSettings' native store).
SETTINGS_FILENAME = "interface-desktop-ui.ini"
ENV_DB = "INTERFACE_DESKTOP_DB"
ENV_DATA_DIR = "INTERFACE_DESKTOP_DATA_DIR"


def program_dir() -> Path:
    """The folder holding the executable (bundle) or the package's parent (source checkout)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Bundled resources: inside the PyInstaller bundle or beside the package."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle_root:
        candidates.append(Path(bundle_root) / "resources")
    candidates.append(Path(__file__).resolve().parent / "resources")
    candidates.append(program_dir() / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    settings_dir: Path
    backup_dir: Path
    portable: bool

    @property
    def default_db_file(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def settings_file(self) -> Path:
        return self.settings_dir / SETTINGS_FILENAME

    def ensure(self) -> None:
        for folder in (self.data_dir, self.settings_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)


def app_paths() -> AppPaths:
    """Resolve folders: env override, then portable marker, then the per-user platform dirs."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        root = Path(override).expanduser()
        return AppPaths(root, root / "settings", root / "backups", portable=False)
    if is_portable():
        root = program_dir() / PORTABLE_DATA_DIR
        return AppPaths(root, root / "settings", root / "backups", portable=True)
    data = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))
    settings = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True))
    return AppPaths(data, settings, data / "backups", portable=False)


def database_url(explicit: str | None, paths: AppPaths) -> str:
    """`--db` wins, then INTERFACE_DESKTOP_DB, then the embedded default file."""
    chosen = explicit or os.environ.get(ENV_DB)
    if not chosen:
        return "sqlite:///" + str(paths.default_db_file)
    if "://" in chosen:
        return chosen
    return "sqlite:///" + str(Path(chosen).expanduser().resolve())


def sqlite_file_from_url(url: str) -> Path | None:
    """The database file behind a SQLite URL, or None for other databases and memory."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix):].split("?", 1)[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)
