"""What the bundle keeps and drops, on Linux and Windows layouts (the rules behind build/installer.spec)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
import bundle_config


@pytest.mark.parametrize("windows, dest, kept", [
    (False, "PySide6/Qt/plugins/platforms/libqxcb.so", True),
    (False, "PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    (False, "PySide6/Qt/plugins/platforms/libqwayland.so", False),
    (False, "PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    (False, "PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    (False, "PySide6/Qt/plugins/imageformats/libqgif.so", False),
    (False, "PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    (False, "PySide6/Qt/translations/qtbase_de.qm", False),
    (False, "PySide6/Qt/translations/qtbase_en.qm", True),
    (False, "PySide6/Qt/lib/libQt6Network.so.6", False),
    (False, "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", False),
    (False, "PySide6/Qt/lib/libQt6Widgets.so.6", True),
    (False, "libssl.so.3", False),
    (False, "docx/templates/default.docx", True),
    (False, "interface_desktop/db/migrations/versions/0001_initial_schema.py", True),
    (True, "PySide6\\plugins\\platforms\\qwindows.dll", True),
    (True, "PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    (True, "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    (True, "PySide6\\translations\\qt_fr.qm", False),
    (True, "PySide6\\Qt6Network.dll", False),
    (True, "PySide6\\opengl32sw.dll", False),
    (True, "PySide6\\Qt6Widgets.dll", True),
    (True, "PySide6\\msvcp140.dll", True),
])
def test_keep_rules(windows: bool, dest: str, kept: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_config, "WINDOWS", windows)
    assert bundle_config.keep(dest) is kept


def test_migrations_ship_as_files_with_their_template() -> None:
    targets = {(Path(src).name, dest) for src, dest in bundle_config.app_datas()}
    assert ("script.py.mako", "interface_desktop/db/migrations") in targets
    assert ("env.py", "interface_desktop/db/migrations") in targets
    assert ("0001_initial_schema.py", "interface_desktop/db/migrations/versions") in targets


def test_version_comes_from_the_package() -> None:
    from interface_desktop import __version__

    assert bundle_config.read_version() == __version__
