"""Against a real calibre content server on loopback: browse, follow, download."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import socket
import subprocess
import time
import zipfile

import httpx
import pytest

from bookstore.cli.main import main
from bookstore.store.acquire import get_free_entry
from bookstore.store.opds.catalog import CatalogClient

pytestmark = pytest.mark.skipif(
    shutil.which("calibre-server") is None, reason="calibre is installed by .ci/run"
)


_ADD_BOOK = """
import sys
from calibre.ebooks.metadata.meta import get_metadata
from calibre.library import db
library, path = sys.argv[-2:]
with open(path, "rb") as book:
    metadata = get_metadata(book, "epub")
metadata.series, metadata.series_index = "PISM Spotlight", 7
db(library).new_api.add_books([(metadata, {"EPUB": path})])
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def calibre(tmp_path_factory):
    """A calibre library holding one EPUB that our exporter made, served on loopback."""
    folder = tmp_path_factory.mktemp("calibre")
    epub = folder / "spotlight.epub"
    assert (
        main(
            [
                "--library",
                str(folder / "ours"),
                "export",
                "epub",
                "--query",
                "series:spotlight year:2018 lang:en",
                "-o",
                str(epub),
            ]
        )
        == 0
    )
    library = folder / "calibre-library"
    library.mkdir()
    # calibre's own API, not calibredb: calibredb refuses to run while any other calibre
    # program runs on the machine (a machine-wide lock), which CI cannot promise.
    subprocess.run(
        ["calibre-debug", "-c", _ADD_BOOK, str(library), str(epub)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    # The library is this test's own, so calibre's one-server-per-machine lock may be
    # waived: a calibre-server another program runs must not make this test fail.
    environment = {**os.environ, "CALIBRE_NO_SI_DANGER_DANGER": "1"}
    process = subprocess.Popen(
        ["calibre-server", "--port", str(port), "--listen-on", "127.0.0.1", str(library)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    url = f"http://127.0.0.1:{port}/opds"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("calibre-server did not start")
            time.sleep(0.2)
        yield url, epub.read_bytes()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_browse_follow_navigation_and_download(calibre, empty_library, tmp_path):
    url, epub = calibre
    with CatalogClient(timeout=20) as catalog:
        root = catalog.open(url)
        assert root.warnings == ()
        newest = next(e for e in root.navigation_entries if e.title == "By Newest")
        assert newest.navigation is not None
        page = catalog.open(newest.navigation.href)
        [entry] = page.publications
        assert entry.series is not None and entry.series.position == 7
        assert any(link.type == "application/epub+zip" for link in entry.acquisitions)
        assert entry.cover is not None and catalog.image(entry.cover)[:3] == b"\xff\xd8\xff"
        results = catalog.search(root, "Baltic")
        assert [e.id for e in results.publications] == [entry.id]
        acquired = get_free_entry(catalog, empty_library, entry, root.title, folder=tmp_path / "dl")
    issue = empty_library.get(acquired.issue_id)
    # The book is our own export of Spotlight no. 12/2018: what it says of itself
    # outranks the index 7 calibre's library gave it.
    assert issue.owned and issue.series.name == "PISM Spotlight"
    assert (issue.number, issue.year, issue.language) == (12, 2018, "en")
    [file] = issue.files
    assert file.kind == "epub"
    stored = (empty_library.files_dir / file.path).read_bytes()
    # calibre rewrites the book's metadata as it serves it, so the bytes differ from ours
    assert hashlib.sha256(stored).hexdigest() == file.sha256 and len(stored) == file.size
    with zipfile.ZipFile(io.BytesIO(stored)) as book:
        assert book.read("mimetype") == b"application/epub+zip"
        assert len(book.namelist()) == len(zipfile.ZipFile(io.BytesIO(epub)).namelist())


def test_the_command_line_against_calibre(calibre, tmp_path, capsys):
    url, _ = calibre
    assert main(["--library", str(tmp_path / "lib"), "store", "browse", url, "--json"]) == 0
    import json

    root = json.loads(capsys.readouterr().out)
    assert {n["title"] for n in root["navigation"]} >= {"By Newest", "By Title", "By Series"}
    assert (
        main(["--library", str(tmp_path / "lib"), "store", "search", url, "Baltic", "--json"]) == 0
    )
    found = json.loads(capsys.readouterr().out)["entries"]
    assert len(found) == 1
    entry_id = found[0]["id"]
    assert main(["--library", str(tmp_path / "lib"), "store", "get", url, entry_id]) == 0
    # The new library's sample catalog holds that issue: it is updated, not added again.
    out = capsys.readouterr().out
    assert out.startswith("updated ") and ": PISM Spotlight no. 12/2018: " in out
    from bookstore.library.library import Library

    with Library.open(tmp_path / "lib") as library:
        held = library.list_issues(series="spotlight", year=2018)
        assert len([i for i in held if i.number == 12 and i.language == "en"]) == 1
