"""What a user of ``pip install bookstore`` gets: the wheel built from this tree and
installed into a fresh virtual environment, run from outside the checkout.

The checkout is never on ``sys.path`` here: every command runs the environment's own
``bookstore`` or its Python in isolated mode (``-I``) from a folder of its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bookstore import __version__
from tests.server.postgres_cluster import free_port

REPOSITORY = Path(__file__).resolve().parents[2]
WINDOW_CHECK = Path(__file__).with_name("window_check.py")
SCRIPTS = {"bookstore.__main__", "bookstore.server.db.migrations.env"}


# Every command and subcommand of the parser, one per line ("export epub").
COMMAND_PATHS = """
import argparse
from bookstore.cli.main import build_parser

def walk(parser, path):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                print(" ".join([*path, name]))
                walk(child, [*path, name])

walk(build_parser(), [])
"""


class Installed:
    """A virtual environment holding the built wheel, and a clean home to run it in."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.python = root / "venv" / "bin" / "python"
        self.command = root / "venv" / "bin" / "bookstore"
        self.home = root / "home"

    def env(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "BOOKSTORE_", "XDG_", "VIRTUAL_ENV"))
        }
        environment.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_STATE_HOME=str(self.home / "state"),
            QT_QPA_PLATFORM="offscreen",
            PATH=f"{self.python.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        return environment

    def run(self, *args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(arg) for arg in args],
            cwd=self.home,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    wheels = root / "wheels"
    # The sdist first, then the wheel from the unpacked sdist: what a release ships, and
    # nothing left in the checkout's build/ folder can slip into it.
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(wheels), str(REPOSITORY)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("bookstore-*.whl")
    venv.create(root / "venv", with_pip=True)
    place = Installed(root)
    place.home.mkdir()
    result = place.run(
        place.python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel,
        timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return place


def test_the_wheel_is_what_runs_and_every_module_imports(installed: Installed) -> None:
    # Two modules are scripts, run rather than imported: ``python -m bookstore`` and
    # the migrations' entry point, which only Alembic runs.
    script = (
        "import bookstore, importlib, json, pkgutil\n"
        f"scripts = {sorted(SCRIPTS)!r}\n"
        "names = [m.name for m in pkgutil.walk_packages(bookstore.__path__, 'bookstore.')]\n"
        "failed = {}\n"
        "for name in names:\n"
        "    if name in scripts:\n"
        "        continue\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed[name] = repr(error)\n"
        "print(json.dumps({'file': bookstore.__file__, 'names': names, 'failed': failed}))\n"
    )
    result = installed.run(installed.python, "-I", "-c", script)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["file"]).is_relative_to(installed.root / "venv"), found["file"]
    assert found["failed"] == {}
    in_checkout = {
        "bookstore." + ".".join(path.relative_to(REPOSITORY / "bookstore").with_suffix("").parts)
        for path in (REPOSITORY / "bookstore").rglob("*.py")
        if path.name != "__init__.py"
    }
    assert in_checkout <= set(found["names"]), in_checkout - set(found["names"])
    assert {"bookstore.gui.store.store_view", "bookstore.resources"} <= set(found["names"])


def test_version_and_every_commands_help(installed: Installed) -> None:
    version = installed.run(installed.command, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"bookstore {__version__}"
    listing = installed.run(installed.python, "-I", "-c", COMMAND_PATHS)
    assert listing.returncode == 0, listing.stderr
    commands = [line.split() for line in listing.stdout.splitlines()]
    assert {"search", "import", "export", "store", "serve", "feeds"} <= {c[0] for c in commands}
    assert ["export", "epub"] in commands and ["store", "get"] in commands
    for command in commands:
        result = installed.run(installed.command, *command, "--help")
        assert result.returncode == 0 and "usage: bookstore" in result.stdout, (command, result)
        assert "Traceback" not in result.stderr


def test_a_new_library_is_made_and_searched(installed: Installed) -> None:
    library = installed.home / "library"
    result = installed.run(installed.command, "--library", library, "search", "nato")
    assert result.returncode == 0, result.stderr
    assert "NATO" in result.stdout and (library / "library.sqlite").exists()
    epub = installed.home / "one.epub"
    exported = installed.run(
        installed.command, "--library", library, "export", "epub", "--query", "nato", "-o", epub
    )
    assert exported.returncode == 0, exported.stderr
    assert epub.read_bytes()[:2] == b"PK"


def test_the_window_opens_with_the_store_view_and_no_error(installed: Installed) -> None:
    result = installed.run(
        installed.python,
        "-I",
        WINDOW_CHECK,
        installed.home / "window-library",
        installed.home / "settings.ini",
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["rows"] == 26 and any("PISM" in cell for cell in seen["first_row"]), seen
    assert seen["store_shown"] and seen["store_current"] and seen["store_visible"], seen
    assert {"store", "feeds"} <= set(seen["views"])
    assert seen["dialogs"] == [] and seen["log"] == "", seen


@pytest.fixture
def served(installed: Installed) -> Iterator[str]:
    port = free_port()
    library = installed.home / "served"
    process = subprocess.Popen(
        [str(installed.command), "--library", str(library), "serve", "--port", str(port)],
        cwd=installed.home,
        env={**installed.env(), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    address = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            httpx.get(address + "/opds", timeout=5)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"bookstore serve did not start: {process.communicate()[0]}")
            time.sleep(0.2)
    try:
        yield address
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
        assert "Traceback" not in output


def test_serve_answers_the_catalog(served: str) -> None:
    answer = httpx.get(served + "/opds", timeout=10)
    assert answer.status_code == 200
    assert "application/atom+xml" in answer.headers["content-type"]
    assert b"PISM Spotlight" in answer.content
