"""What goes into the one-folder bundle: data files, excluded modules, and the Qt/library trimming rules.

Shared by `installer.spec` and `hello.spec`, so the bare PySide6 baseline is built with the same excludes.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "interface_desktop"
EXE_NAME = "InterfaceDesktop"
APP_NAME = "Interface Desktop"
WINDOWS = sys.platform == "win32"

# Python modules the app never imports; excluding them keeps PyInstaller from following them.
EXCLUDED_MODULES = [
    # Standard library: GUI toolkits, test and developer tooling, network servers and clients.
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "unittest", "doctest", "pydoc", "pydoc_data",
    "lib2to3", "distutils", "ensurepip", "venv", "test", "xmlrpc", "curses", "_curses", "ftplib", "imaplib",
    "nntplib", "poplib", "smtplib", "telnetlib", "http.server", "socketserver", "wsgiref", "ssl", "_ssl",
    "sqlite3.test", "pdb",
    # OpenSSL's hashes: hashlib falls back to Python's built-in md5/sha1/sha2/sha3/blake2 without it.
    "_hashlib",
    # Build and test tools that live in the same environment.
    "setuptools", "pkg_resources", "pip", "PyInstaller", "pytest", "_pytest", "hypothesis", "pytestqt",
    "importlinter", "grimp", "IPython",
    # Optional backends of our dependencies that the app does not use.
    "numpy", "matplotlib", "psycopg2", "pymysql", "MySQLdb", "cx_Oracle", "oracledb", "pymssql",
    "PIL.ImageQt", "PIL.ImageTk", "PIL.ImageShow", "reportlab.graphics.testshapes", "reportlab.graphics.testdrawings",
    # Pillow codecs and engines no document uses (AVIF/WebP pictures, colour management, Pillow's own text
    # drawing): together with their libraries about 9 MB. Pillow reports them as unsupported formats.
    "PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingft", "PIL.ImageCms",
    # lxml parts python-docx and openpyxl never import (they use lxml.etree only).
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.cssselect",
    # Qt modules outside the widgets stack: web, QML/Quick, multimedia, 3D, PDF, network, SQL, designer.
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.Qt3DCore",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp",
    "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtStateMachine", "PySide6.QtSpatialAudio",
]

# Qt plugins kept, by "<plugin folder>/<file stem>" (patterns); every other plugin is dropped.
KEPT_QT_PLUGINS_LINUX = [
    "platforms/libqxcb", "platforms/libqoffscreen", "platforms/libqminimal",
    "platforminputcontexts/libcomposeplatforminputcontextplugin",
    "imageformats/libqico", "imageformats/libqjpeg", "imageformats/libqsvg", "iconengines/libqsvgicon",
]
KEPT_QT_PLUGINS_WINDOWS = [
    "platforms/qwindows", "platforms/qoffscreen", "platforms/qminimal",
    "styles/qmodernwindowsstyle", "styles/qwindowsvistastyle",
    "imageformats/qico", "imageformats/qjpeg", "imageformats/qsvg", "iconengines/qsvgicon",
]
# Qt translations kept: English only (plural rules); the app has no other language.
KEPT_QT_TRANSLATIONS = ["qtbase_en.qm", "qt_en.qm"]
# Qt libraries that only dropped plugins or unused modules need.
DROPPED_QT_LIBS = [
    "*Qt6Network*", "*Qt6Qml*", "*Qt6Quick*", "*Qt6Pdf*", "*Qt6OpenGL*", "*Qt6WaylandClient*",
    "*Qt6WlShellIntegration*", "*Qt6EglFS*", "*Qt6WebEngine*", "*Qt6Multimedia*", "*Qt6VirtualKeyboard*",
    "*opengl32sw*", "*d3dcompiler*",
]
# Libraries some kept binary links against but the app never needs: TLS (no network) and Kerberos/SSL
# pulled in by the excluded ssl module. Everything else that only dropped plugins used is pruned by
# `_without_orphan_libraries`.
DROPPED_SYSTEM_LIBS = ["libssl.so*", "libcrypto.so*", "libgssapi*", "libkrb5*", "libk5crypto*"]
# Data collected by hooks that the app never reads (sample documents, type stubs, tests).
DROPPED_DATA = ["*/tests/*", "*.pyi", "*/py.typed"]


def read_version() -> str:
    """`__version__` from the package source, without importing the app into the build process."""
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("interface_desktop/__init__.py has no __version__")
    return match.group(1)


def app_datas() -> list[tuple[str, str]]:
    """Resources and Alembic migrations (read from disk at run time, so they ship as files)."""
    from PyInstaller.utils.hooks import collect_data_files

    datas = [(str(PACKAGE / "resources"), "interface_desktop/resources")]
    # renderPM draws the report's chart pictures and needs reportlab's Type 1 fonts for their text.
    datas += collect_data_files("reportlab", subdir="fonts")
    migrations = PACKAGE / "db" / "migrations"
    for source in sorted(migrations.rglob("*")):
        if source.suffix in {".py", ".mako"} and "__pycache__" not in source.parts:
            target = PurePosixPath("interface_desktop", "db", "migrations", *source.relative_to(migrations).parts[:-1])
            datas.append((str(source), str(target)))
    return datas


def app_hiddenimports() -> list[str]:
    """Modules reached by name (CLI commands, UI extensions) or from files on disk (Alembic scripts)."""
    from PyInstaller.utils.hooks import collect_submodules

    modules = collect_submodules("interface_desktop", filter=lambda name: ".migrations" not in name)
    unused = ("alembic.testing", "alembic.templates")
    modules += collect_submodules("alembic", filter=lambda name: not name.startswith(unused))
    return modules


def _qt_rel(dest: str) -> str | None:
    """The path inside Qt's tree (plugins/..., translations/..., lib/...), or None for other files.

    PySide6 keeps Qt under PySide6/Qt/ on Linux and macOS and directly under PySide6/ on Windows.
    """
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]
    return "/".join(rest)


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name.lower(), pattern.lower()) for pattern in patterns)


def keep(dest: str) -> bool:
    """Whether a collected file (by its destination in the bundle) stays in the bundle."""
    name = PurePosixPath(dest.replace("\\", "/")).name
    qt_rel = _qt_rel(dest)
    if qt_rel is not None and qt_rel.startswith("plugins/"):
        stem = qt_rel[len("plugins/"):].rsplit(".", 1)[0]
        kept = KEPT_QT_PLUGINS_WINDOWS if WINDOWS else KEPT_QT_PLUGINS_LINUX
        return stem in kept
    if qt_rel is not None and qt_rel.startswith("translations/"):
        return name in KEPT_QT_TRANSLATIONS
    if _matches(name, DROPPED_QT_LIBS):
        return False
    if not WINDOWS and _matches(name, DROPPED_SYSTEM_LIBS):
        return False
    return not _matches(dest.replace("\\", "/"), DROPPED_DATA)


def trim(analysis) -> None:  # PyInstaller's Analysis object
    """Drop unused Qt plugins, translations and libraries, and unused data, from an Analysis in place."""
    analysis.binaries = [entry for entry in analysis.binaries if keep(entry[0])]
    analysis.datas = [entry for entry in analysis.datas if keep(entry[0])]
    if not WINDOWS:
        analysis.binaries = _without_orphan_libraries(analysis.binaries)


def _is_root(entry: tuple[str, str, str]) -> bool:
    """Binaries loaded directly (extension modules, Qt plugins, the Python library) rather than linked."""
    dest, _source, typecode = entry
    name = PurePosixPath(dest).name
    return typecode == "EXTENSION" or "/plugins/" in dest.replace("\\", "/") or name.startswith("libpython")


def _without_orphan_libraries(binaries: list) -> list:
    """Keep only libraries some kept binary links against: dropped plugins leave their dependencies behind."""
    from PyInstaller.depend import bindepend

    by_name = {PurePosixPath(entry[0]).name: entry for entry in binaries}
    reached = {entry[0] for entry in binaries if _is_root(entry)}
    pending = [entry for entry in binaries if _is_root(entry)]
    while pending:
        entry = pending.pop()
        for name, _path in bindepend.get_imports(entry[1]):
            found = by_name.get(PurePosixPath(name).name)
            if found is not None and found[0] not in reached:
                reached.add(found[0])
                pending.append(found)
    return [entry for entry in binaries if entry[0] in reached]


def windows_version_info(version: str):  # PyInstaller's VSVersionInfo (Windows builds only)
    """The Windows version resource (file properties > Details) built from the package version."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = tuple((list(int(n) for n in re.findall(r"\d+", version)) + [0, 0, 0, 0])[:4])
    strings = [
        vi.StringStruct("CompanyName", "Interface Desktop contributors"),
        vi.StringStruct("FileDescription", APP_NAME),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", EXE_NAME),
        vi.StringStruct("LegalCopyright", "MIT licence; see licenses folder for third-party components"),
        vi.StringStruct("OriginalFilename", EXE_NAME + ".exe"),
        vi.StringStruct("ProductName", APP_NAME),
        vi.StringStruct("ProductVersion", version),
    ]
    english_unicode = "080904B0"  # en-GB, Unicode code page
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable(english_unicode, strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0809, 1200])]),
        ],
    )
