"""Every UI preference, declared once with its type and default, stored in QSettings (never business data)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from interface_desktop.paths import (  # noqa: F401 - SETTINGS_FILENAME is used via here
    SETTINGS_FILENAME, app_paths, set_preferred_backup_dir,
)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_VIEW = Setting("window/last_view", str, "")
CURRENT_GROUP = Setting("window/current_group", int, 0)
SEARCH_GEOMETRY = Setting("search/geometry", QByteArray, QByteArray())
MEETINGS_SPLITTER = Setting("meetings/splitter", QByteArray, QByteArray())
MEETINGS_COLUMNS = Setting("meetings/columns", QByteArray, QByteArray())
MEETINGS_FILTER = Setting("meetings/when", str, "upcoming")
MEETING_TAB = Setting("meetings/editor_tab", int, 0)
AGENDA_COLUMNS = Setting("meetings/agenda_columns", QByteArray, QByteArray())
ATTENDANCE_COLUMNS = Setting("meetings/attendance_columns", QByteArray, QByteArray())
MINUTES_SPLITTER = Setting("meetings/minutes_splitter", QByteArray, QByteArray())
DASHBOARD_SPLITTER = Setting("dashboard/splitter", QByteArray, QByteArray())
EXPORT_FOLDER = Setting("export/last_folder", str, "")
WORD_TEMPLATE = Setting("export/word_template", str, "")  # empty: the clean template shipped with the app

_store: QSettings | None = None


def use_file(path: Path | str) -> QSettings:
    """Keep preferences in one INI file beside the other app data (portable mode and tests rely on it)."""
    global _store
    _store = QSettings(str(path), QSettings.Format.IniFormat)
    return _store


def store() -> QSettings:
    global _store
    if _store is None:
        # Not QSettings(): its native store on Windows is the registry, which locked-down desktops must not collect.
        _store = use_file(app_paths().settings_file)
    return _store


def value(setting: Setting, settings: QSettings | None = None) -> Any:
    raw = (settings or store()).value(setting.key, setting.default)
    if raw is None:
        return setting.default
    if setting.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else setting.default
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


def set_value(setting: Setting, new: Any, settings: QSettings | None = None) -> None:
    (settings or store()).setValue(setting.key, new)


# The backup folder is read before Qt starts (by the composition root and the command line), so it is kept
# in its own small file beside this INI file rather than as a QSettings key.
def set_backup_folder(folder: Path | None) -> None:
    set_preferred_backup_dir(_settings_dir(), folder)


def _settings_dir() -> Path:
    return Path(store().fileName()).parent
