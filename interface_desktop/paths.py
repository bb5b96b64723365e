"""Where data, settings and backups live: per-user folders, portable mode, bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
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
ENV_BACKUP_DIR = "INTERFACE_DESKTOP_BACKUP_DIR"
BACKUP_PREFERENCE_FILE = "backup-folder.txt"


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
    """Resolve folders; the backup folder may be moved (see `with_backup_dir`)."""
    return with_backup_dir(_base_paths(), None)


def with_backup_dir(paths: AppPaths, explicit: str | Path | None) -> AppPaths:
    """Backup folder: `--backup-dir`, then INTERFACE_DESKTOP_BACKUP_DIR, then the saved preference."""
    chosen = explicit or os.environ.get(ENV_BACKUP_DIR) or preferred_backup_dir(paths.settings_dir)
    if not chosen:
        return paths
    return replace(paths, backup_dir=Path(chosen).expanduser())


def preferred_backup_dir(settings_dir: Path) -> Path | None:
    """The backup folder chosen in Preferences (for example a network home drive), if any."""
    try:
        text = (settings_dir / BACKUP_PREFERENCE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


def set_preferred_backup_dir(settings_dir: Path, folder: Path | None) -> None:
    settings_dir.mkdir(parents=True, exist_ok=True)
    target = settings_dir / BACKUP_PREFERENCE_FILE
    if folder is None:
        target.unlink(missing_ok=True)
        return
    partial = target.with_suffix(".partial")
    partial.write_text(str(folder), encoding="utf-8")
    os.replace(partial, target)


def _base_paths() -> AppPaths:
    """Env override, then portable marker, then the per-user platform dirs."""
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
