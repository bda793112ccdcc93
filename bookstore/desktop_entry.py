"""The desktop entry, AppStream metainfo and icons (``packaging/linux`` in the source,
installed as ``bookstore.resources.desktop``), and putting them in the user's menu.

A frozen or system build finds the files with :func:`desktop_folder`; ``bookstore
--install-desktop`` copies them under ``$XDG_DATA_HOME`` for a pip-installed Bookstore.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bookstore import APP_ID
from bookstore.errors import BookstoreError
from bookstore.fileio import write_bytes_atomically
from bookstore.i18n.messages import say

PACKAGE = "bookstore.resources.desktop"
DESKTOP_ENTRY = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"
COMMAND = "bookstore"


def desktop_folder() -> Path:
    """The folder holding the desktop entry, the metainfo and ``icons/hicolor/``."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build keeps data beside it
    if bundle and (Path(bundle) / PACKAGE.replace(".", "/")).is_dir():
        return Path(bundle) / PACKAGE.replace(".", "/")
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise BookstoreError(
            say("{package}: the desktop files are not installed with Bookstore", package=PACKAGE)
        )
    return Path(locations[0])


def icon_files(folder: Path | None = None) -> list[Path]:
    """The icon in every size, relative to ``icons/hicolor`` (``48x48/apps/ID.png``)."""
    hicolor = (folder or desktop_folder()) / "icons" / "hicolor"
    return sorted(p.relative_to(hicolor) for p in hicolor.glob(f"*/apps/{APP_ID}.*"))


@dataclass(frozen=True)
class Placement:
    """A shipped file and where it goes under the data folder."""

    source: Path
    target: Path


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    given = os.environ.get("XDG_DATA_HOME", "")
    return Path(given) if os.path.isabs(given) else Path.home() / ".local" / "share"


def placements(home: Path, folder: Path | None = None) -> list[Placement]:
    folder = folder or desktop_folder()
    files = [
        Placement(folder / DESKTOP_ENTRY, home / "applications" / DESKTOP_ENTRY),
        Placement(folder / METAINFO, home / "metainfo" / METAINFO),
    ]
    hicolor = folder / "icons" / "hicolor"
    for icon in icon_files(folder):
        files.append(Placement(hicolor / icon, home / "icons" / "hicolor" / icon))
    return files


def running_command() -> Path:
    """The absolute path of the ``bookstore`` executable that is running now."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).absolute()
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name == COMMAND and started.is_file():
        return started.absolute()
    beside = Path(sys.executable).parent / COMMAND  # a virtual environment's bin/
    if beside.is_file():
        return beside.absolute()
    found = shutil.which(COMMAND)
    if found is None:
        raise BookstoreError(
            say("cannot find the {command} command to put in the desktop entry", command=COMMAND)
        )
    return Path(found).absolute()


def exec_argument(path: Path) -> str:
    """``path`` as the program of an ``Exec`` key (quoted as the desktop entry
    specification asks when it holds a reserved character)."""
    text = str(path)
    if "\n" in text or "\r" in text:
        raise BookstoreError(
            say(
                "{command}: its path has a line break, which a desktop entry cannot hold",
                command=COMMAND,
            )
        )
    if any(c in text for c in " \t\"'\\><~|&;$*?#()`"):
        for special in ("\\", '"', "`", "$"):
            text = text.replace(special, "\\" + special)
        text = f'"{text}"'
    # The value is also a string of the key file: its backslashes are doubled.
    return text.replace("\\", "\\\\").replace("%", "%%")


def entry_for(command: Path, source: Path) -> bytes:
    """The shipped desktop entry with ``Exec`` running ``command``."""
    lines = source.read_text(encoding="utf-8").splitlines()
    program = exec_argument(command)
    lines = [f"Exec={program} %F" if line.startswith("Exec=") else line for line in lines]
    return ("\n".join(lines) + "\n").encode("utf-8")


def install(home: Path, command: Path) -> list[Path]:
    """Write the entry, metainfo and icons under ``home``; return what was written.
    On a failure, the files written so far are removed again."""
    written: list[Path] = []
    try:
        for placement in placements(home):
            _make_folder(placement.target.parent)
            if placement.target.name == DESKTOP_ENTRY:
                data = entry_for(command, placement.source)
            else:
                data = placement.source.read_bytes()
            write_bytes_atomically(placement.target, data)
            written.append(placement.target)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    refresh_caches(home)
    return written


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BookstoreError(
            say(
                "{folder}: cannot make this folder ({reason})",
                folder=folder,
                reason=error.strerror or error,
            )
        ) from error


def uninstall(home: Path) -> list[Path]:
    """Remove the files :func:`install` writes; return those that were there."""
    removed = []
    for placement in placements(home):
        try:
            placement.target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise BookstoreError(
                say(
                    "{target}: cannot remove ({reason})",
                    target=placement.target,
                    reason=error.strerror or error,
                )
            ) from error
        removed.append(placement.target)
    refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> None:
    """Tell the menu and the icon theme, with the tools that are there (none needed)."""
    applications = home / "applications"
    if applications.is_dir():
        _quietly(["update-desktop-database", "--quiet", str(applications)])
    hicolor = home / "icons" / "hicolor"
    if hicolor.is_dir():
        with contextlib.suppress(OSError):
            os.utime(hicolor)  # an icon theme rescans a folder newer than its cache
        if (hicolor / "index.theme").is_file():  # a cache is only made for a real theme
            _quietly(["gtk-update-icon-cache", "--quiet", "--force", str(hicolor)])


def _quietly(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        return
    # A cache that cannot be refreshed now is refreshed at the next login.
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(command, check=False, capture_output=True, timeout=60)
