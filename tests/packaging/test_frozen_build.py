"""The frozen build as a user gets it: ``python packaging/build.py`` once per session,
then the bundle's program from the command line, as a server and as a window on an X
screen, and the Debian package installed, run from PATH and removed.

The build goes into a temporary folder (about two minutes). BOOKSTORE_FROZEN_DIST
names a folder where packaging/build.py already ran, to try these checks again
without rebuilding. The Debian package's checks install it on this machine: they need
root, as in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

from bookstore import APP_ID, __version__
from tests.export.epub.epub_helpers import epubcheck
from tests.packaging import xvfb
from tests.server.postgres_cluster import free_port
from tests.shared_folder import shared_path

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLE = json.loads((REPOSITORY / "resources" / "sample" / "catalog.json").read_text("utf-8"))
ERROR_SENTENCE = "Something went wrong inside Bookstore"


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("BOOKSTORE_FROZEN_DIST")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("frozen")
    command = [sys.executable, str(REPOSITORY / "packaging" / "build.py")]
    command += ["--dist", str(folder / "dist"), "--work", str(folder / "work")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built in" in result.stdout
    return folder / "dist"


@pytest.fixture(scope="session")
def program(dist: Path) -> Path:
    return dist / "bookstore" / "bookstore"


def frozen(program: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=timeout)


def log_file() -> Path:
    """Where the program logs unexpected errors (XDG_STATE_HOME is the test's own)."""
    return Path(os.environ["XDG_STATE_HOME"]) / "bookstore" / "log" / "bookstore.log"


def test_the_build_makes_the_bundle_the_tarball_and_the_package(dist: Path):
    names = {path.name for path in dist.iterdir()}
    assert f"bookstore-{__version__}-linux-{os.uname().machine}.tar.gz" in names
    assert any(name.startswith(f"bookstore_{__version__}_") for name in names)
    internal = dist / "bookstore" / "_internal"
    assert (internal / "bookstore" / "resources" / "sample" / "catalog.json").is_file()
    assert (internal / "bookstore" / "server" / "db" / "migrations" / "env.py").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so"):
        assert (plugins / plugin).is_file(), plugin
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()  # would bring GTK 3


def test_every_library_in_the_bundle_finds_what_it_links(dist: Path):
    missing = []
    for path in (dist / "bookstore").rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            listing = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            missing += [
                f"{path.name}: {line.strip()}"
                for line in listing.splitlines()
                if "not found" in line
            ]
    assert missing == []


def test_version(program: Path):
    result = frozen(program, "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"bookstore {__version__}")


def test_a_search_on_a_new_library(program: Path, tmp_path: Path):
    result = frozen(program, "--library", str(tmp_path / "library"), "search", "baltic")
    assert result.returncode == 0, result.stderr
    assert "Baltic" in result.stdout and "Traceback" not in result.stderr
    assert not log_file().exists()


def test_a_citation_in_a_csl_style(program: Path, tmp_path: Path):
    library = str(tmp_path / "library")
    result = frozen(program, "--library", library, "cite", "11", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "(PISM Bulletin No. 26 (1272))" in result.stdout  # APA, with citeproc's data
    assert not log_file().exists()


def test_an_epub_export_passes_epubcheck(program: Path, tmp_path: Path):
    book = tmp_path / "spotlight.epub"
    library = str(tmp_path / "library")
    result = frozen(
        program,
        "--library",
        library,
        "export",
        "epub",
        "--query",
        "series:spotlight",
        "-o",
        str(book),
    )
    assert result.returncode == 0, result.stderr
    messages = epubcheck([book])[book]
    assert [f"{m['severity']} {m['ID']}: {m['message']}" for m in messages] == []


def test_a_pdf_export_prints_polish_and_russian(program: Path, tmp_path: Path):
    pdf = tmp_path / "collection.pdf"
    library = str(tmp_path / "library")
    result = frozen(
        program,
        "--library",
        library,
        "export",
        "pdf",
        "--query",
        "lang:pl OR lang:ru",
        "-o",
        str(pdf),
    )
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    polish = next(i["title"] for i in SAMPLE["issues"] if i["language"] == "pl")
    russian = next(i["title"] for i in SAMPLE["issues"] if i["language"] == "ru")
    flat = " ".join(text.split())
    assert " ".join(polish.split()[:3]) in flat and " ".join(russian.split()[:3]) in flat


def test_serve_answers_opds(program: Path, tmp_path: Path):
    port = free_port()
    command = [str(program), "--library", str(tmp_path / "library"), "serve", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/opds", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)
        assert answer.status_code == 200 and b"PISM Spotlight" in answer.content
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "Traceback" not in output


def sidebar_rows(tree: list[dict]) -> list[dict]:
    """The sidebar's rows on screen, top to bottom."""
    sidebar = next(n for n in tree if n["role"] == "tree" and n["name"] == "Library sections")
    x, y, width, height = sidebar["place"]
    rows = [
        n
        for n in tree
        if n["role"] == "table cell"
        and n["showing"]
        and n["name"]
        and n["place"]
        and x <= n["place"][0] < x + width // 2
        and y <= n["place"][1] < y + height
    ]
    return sorted(rows, key=lambda n: n["place"][1])


def wait_for(desktop: xvfb.Desktop, ready, what: str, timeout: float = 60) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        tree = desktop.accessible_tree()
        if ready(tree):
            return tree
        assert time.monotonic() < deadline, f"the window never showed {what}"
        time.sleep(0.5)


def no_error_shown(tree: list[dict]) -> None:
    dialogs = [n for n in tree if n["role"] in ("dialog", "alert") and n["showing"]]
    assert dialogs == [] and not any(ERROR_SENTENCE in n["name"] for n in tree)


def center(node: dict) -> tuple[int, int]:
    x, y, width, height = node["place"]
    return x + width // 2, y + height // 2


def test_the_window_shows_its_first_rows_and_the_store(program: Path, tmp_path: Path):
    titles = {issue["title"] for issue in SAMPLE["issues"]}
    with xvfb.desktop() as desktop:
        command = [str(program), "--library", str(tmp_path / "library")]
        window = xvfb.started(command, desktop.env, tmp_path / "window.log")
        try:
            desktop.wait_for_window("Bookstore", window)
            tree = wait_for(
                desktop,
                lambda t: any(r["name"] == "Store" for r in sidebar_rows(t)),
                "its rows and the Store section",
            )
            shown = [n["name"] for n in tree if n["role"] == "table cell" and n["showing"]]
            assert sum(any(name.startswith(t) for t in titles) for name in shown) >= 5
            no_error_shown(tree)
            desktop.screenshot(tmp_path / "library.png")
            store = next(r for r in sidebar_rows(tree) if r["name"] == "Store")
            desktop.click(*center(store))
            desktop.keys("Right", "Down")  # open the section, choose its first row
            tree = wait_for(
                desktop,
                lambda t: any(n["name"] == "Store address" and n["showing"] for n in t),
                "the Store view",
            )
            no_error_shown(tree)
            desktop.screenshot(tmp_path / "store.png")
        finally:
            window.terminate()
            window.wait(timeout=30)
    output = (tmp_path / "window.log").read_text(errors="replace")
    assert "Traceback" not in output and ERROR_SENTENCE not in output
    assert not log_file().exists(), log_file().read_text()


def test_a_screen_reader_finds_every_control_named(program: Path, tmp_path: Path):
    tool = shared_path("tools", "screen-reader-view")
    assert tool.is_file(), f"{tool} is missing (BOOKSTORE_SHARED names the shared folder)"
    env = {**os.environ, "BOOKSTORE_LIBRARY": str(tmp_path / "library")}
    result = subprocess.run(
        [str(tool), "--", str(program)], capture_output=True, text=True, timeout=300, env=env
    )
    lines = result.stdout.splitlines()
    unnamed = [
        "\n".join(lines[max(0, i - 3) : i + 1]) for i, line in enumerate(lines) if "NO NAME" in line
    ]
    assert result.returncode == 0 and unnamed == [], "\n--\n".join(unnamed) or result.stderr
    assert "table cell: " in result.stdout  # the list of issues was read
    assert "0 operable control(s) without an accessible name" in result.stdout


# The Debian package, installed on this machine.

PACKAGE_FOLDERS = (
    "/opt",
    "/usr/bin",
    "/usr/share/applications",
    "/usr/share/metainfo",
    "/usr/share/icons/hicolor",
    "/usr/share/doc",
)


def files_in(folders: tuple[str, ...]) -> set[str]:
    found = set()
    for folder in folders:
        for path in Path(folder).rglob("*"):
            found.add(str(path))
    return found


def installed(name: str) -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
    ).stdout
    return status.endswith(" installed")


@pytest.fixture(scope="session")
def package(dist: Path) -> Path:
    return next(dist.glob(f"bookstore_{__version__}_*.deb"))


def test_the_package_says_what_it_is_and_holds(package: Path):
    info = subprocess.run(
        ["dpkg-deb", "--field", str(package)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(
        line.split(": ", 1)
        for line in info.splitlines()
        if ": " in line and not line.startswith(" ")
    )
    assert fields["Package"] == "bookstore" and fields["Version"] == __version__
    assert {"Maintainer", "Section", "Priority", "Installed-Size", "Description"} <= set(fields)
    for library in (
        "libc6 (>= 2.",
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "libegl1",
        "libfontconfig1",
    ):
        assert library in fields["Depends"], library
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(package)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/bookstore/bookstore",
        "./usr/bin/bookstore -> /opt/bookstore/bookstore",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
        "./usr/share/doc/bookstore/copyright",
    ):
        assert path in contents, path
    assert " root/root " in contents and "/build/" not in contents


def test_the_package_installs_runs_from_path_and_leaves_nothing(package: Path):
    assert os.geteuid() == 0, "installing the package needs root (dpkg -i)"
    assert not installed("bookstore"), "bookstore is installed already; remove it first"
    before = files_in(PACKAGE_FOLDERS)
    subprocess.run(["dpkg", "-i", str(package)], capture_output=True, text=True, check=True)
    try:
        assert installed("bookstore")
        path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        assert shutil.which("bookstore", path=path) == "/usr/bin/bookstore"
        result = subprocess.run(
            ["bookstore", "--version"],
            capture_output=True,
            text=True,
            env={**os.environ, "PATH": path},
        )
        assert (result.returncode, result.stdout.strip()) == (0, f"bookstore {__version__}")
        assert Path(f"/usr/share/applications/{APP_ID}.desktop").is_file()
    finally:
        removal = subprocess.run(["dpkg", "-r", "bookstore"], capture_output=True, text=True)
    assert removal.returncode == 0, removal.stderr
    assert not installed("bookstore")
    left = files_in(PACKAGE_FOLDERS) - before
    assert sorted(left) == []
