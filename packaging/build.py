"""Build the frozen bundle, its tarball and a Debian package, on Linux.

    python packaging/build.py [--dist DIR] [--work DIR]

makes DIR/bookstore/ (PyInstaller, one folder), DIR/bookstore-VERSION-linux-ARCH.tar.gz
and DIR/bookstore_VERSION_DEBARCH.deb (default DIR: dist/ of the repository). The
package installs the bundle in /opt/bookstore, the command as /usr/bin/bookstore, and
the desktop entry, metainfo and icons where the desktop looks for them.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bookstore import APP_ID, __version__  # noqa: E402

LINUX = ROOT / "packaging" / "linux"
# The system libraries the bundled Qt loads from the system (OpenGL/EGL, fonts, keyboard
# maps, D-Bus, GLib and X11's xcb), as .ci/run installs them for the window.
QT_DEPENDS = (
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "fonts-dejavu-core | fonts-freefont-ttf",
    "libxkbcommon0",
    "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
)
DESCRIPTION = """\
e-bookstore for the numbered series of a policy institute
 Bookstore is the desktop home of a policy institute's numbered publication
 series: browse the catalog by series, year and topic, buy priced issues and
 get free ones from an OPDS store, read them, search everything owned, export
 EPUB bundles for libraries and print-ready PDFs, in English, Polish and
 Russian. "bookstore serve" runs the publisher's own store."""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Bookstore
Source: https://github.com/bookstore-app/bookstore
Comment: The bundle in /opt/bookstore also holds Python, Qt and the Python packages
 Bookstore uses, each under its own licence, and the DejaVu fonts (their licence is
 in /opt/bookstore/_internal/bookstore/resources/fonts).

Files: *
Copyright: The Bookstore developers
License: GPL-3.0-or-later
 On Debian systems, the full text of the GNU General Public License version 3
 is in /usr/share/common-licenses/GPL-3.
"""


def freeze(dist: Path, work: Path) -> Path:
    """dist/bookstore/ from packaging/bookstore.spec."""
    spec = ROOT / "packaging" / "bookstore.spec"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(spec)]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "bookstore"


def tarball(bundle: Path) -> Path:
    target = bundle.parent / f"bookstore-{__version__}-linux-{platform.machine()}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname="bookstore")
    partial.replace(target)
    return target


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any binary in the bundle asks for."""
    versions = {(2, 17)}
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            symbols = subprocess.run(
                ["objdump", "-T", str(path)], capture_output=True, text=True
            ).stdout
            versions |= {(int(a), int(b)) for a, b in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols)}
    major, minor = max(versions)
    return f"{major}.{minor}"


def _is_elf(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(4) == b"\x7fELF"


def desktop_files(root: Path) -> None:
    """The desktop entry, metainfo and icons in /usr/share."""
    share = root / "usr" / "share"
    for source, folder in (
        (LINUX / f"{APP_ID}.desktop", share / "applications"),
        (LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo"),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, folder / source.name)
    shutil.copytree(LINUX / "icons" / "hicolor", share / "icons" / "hicolor")


def copyright_file(root: Path) -> None:
    """/usr/share/doc/bookstore/copyright, in Debian's machine-readable format."""
    folder = root / "usr" / "share" / "doc" / "bookstore"
    folder.mkdir(parents=True)
    (folder / "copyright").write_text(COPYRIGHT, encoding="utf-8")


def control(root: Path, bundle: Path) -> str:
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    depends = ", ".join([f"libc6 (>= {glibc_needed(bundle)})", *QT_DEPENDS])
    return (
        f"Package: bookstore\nVersion: {__version__}\nArchitecture: {architecture}\n"
        "Maintainer: The Bookstore developers <bookstore-app@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kib}\nDepends: {depends}\n"
        "Section: text\nPriority: optional\n"
        f"Homepage: https://github.com/bookstore-app/bookstore\nDescription: {DESCRIPTION}\n"
    )


def debian_package(bundle: Path, work: Path) -> Path:
    root = work / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "bookstore", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "bookstore").symlink_to("/opt/bookstore/bookstore")
    desktop_files(root)
    copyright_file(root)
    text = control(root, bundle)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(text, encoding="utf-8")
    architecture = re.search(r"^Architecture: (\S+)", text, re.M).group(1)
    target = bundle.parent / f"bookstore_{__version__}_{architecture}.deb"
    partial = target.with_name(target.name + ".part")
    command = [
        "dpkg-deb",
        "--build",
        "--root-owner-group",
        "-Zzstd",
        "-z9",
        str(root),
        str(partial),
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    partial.replace(target)
    shutil.rmtree(root)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = freeze(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {bundle} ({time.monotonic() - started:.0f} s)")
    print(f"tarball: {tarball(bundle)} ({time.monotonic() - started:.0f} s)")
    package = debian_package(bundle, args.work.resolve())
    print(f"Debian package: {package}")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
