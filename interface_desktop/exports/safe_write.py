"""Writing a document safely: to a temporary file beside the target, moved into place only when complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from interface_desktop import protected_files
from interface_desktop.services.core.errors import ServiceError


class ExportError(ServiceError):
    """The document could not be written; the target, if it existed, is unchanged."""


class TargetLockedError(ExportError):
    """The target is open in another program (Word or Excel keep it locked)."""


def owner_files(target: Path) -> list[Path]:
    """Word and Excel mark an open file with '~$' plus the name, its first one or two letters dropped."""
    name = target.name
    candidates = {"~$" + name, "~$" + name[1:], "~$" + name[2:]}
    return [target.with_name(c) for c in sorted(candidates) if len(c) > 2 + len(target.suffix)]


def _locked_message(target: Path) -> str:
    return (f"{target.name} is open in another program (Word or Excel?); close it there and export again "
            f"- the file was left unchanged")


def check_target(target: Path) -> None:
    """Fails early, before any work is done, when the target cannot or must not be replaced."""
    refused = protected_files.refusal(target)
    if refused is not None:
        raise ExportError(refused)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"{target} is a folder, not a file")
    if any(owner.exists() for owner in owner_files(target)):
        raise TargetLockedError(_locked_message(target))
    if not os.access(folder, os.W_OK):
        raise ExportError(f"cannot write in {folder}: permission denied")
    if target.exists():
        try:
            # On Windows a file open in Word refuses to be opened for writing (sharing violation).
            with open(target, "r+b"):
                pass
        except PermissionError:
            raise TargetLockedError(_locked_message(target)) from None


def write_file(target: Path | str, produce: Callable[[Path], None]) -> Path:
    """Calls produce(temp_path) to build the file, then replaces the target with it in one step."""
    target = Path(target).expanduser().absolute()
    check_target(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix + ".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    temp = Path(name)
    try:
        produce(temp)
        _replace(temp, target)
    except OSError as exc:
        raise ExportError(f"could not write {target.name}: {exc.strerror or exc}") from exc
    finally:
        if temp.exists():
            temp.unlink()
    return target


def _file_mode(target: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets the usual mode (mkstemp's is owner-only)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(temp: Path, target: Path) -> None:
    try:
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except PermissionError as exc:
        raise TargetLockedError(_locked_message(target)) from exc
