"""A hostile store's downloads: bombs and floods stop at their bound and leave nothing
behind; a drip is given up; every refusal is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.store import http
from bookstore.store.download import download
from bookstore.store.errors import DownloadError
from tests.store.hostile import (
    MB,
    add_drip,
    add_encoded,
    add_flood,
    elapsed,
    gzip_bomb,
    peak_memory,
)


def _sentence(error: BaseException | str) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and "unexpected" not in text
    return text


def _left_in(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_gzip_bomb_stops_at_the_announced_length_and_leaves_no_file(server, tmp_path):
    add_encoded(server, "/bomb.epub", gzip_bomb(200), "application/epub+zip")
    folder = tmp_path / "downloads"
    with (
        http.new_client(timeout=5) as client,
        peak_memory() as peak,
        elapsed() as took,
        pytest.raises(DownloadError) as refused,
    ):
        download(client, server.url("/bomb.epub"), folder, expected_size=1000)
    text = _sentence(refused.value)
    assert "larger than the 1000 bytes announced" in text and "nothing was kept" in text
    assert _left_in(folder) == []
    assert peak() < 8 * MB and took() < 10


def test_a_gzip_bomb_without_a_length_stops_at_the_maximum(server, tmp_path):
    add_encoded(server, "/bomb.pdf", gzip_bomb(64), "application/pdf")
    folder = tmp_path / "downloads"
    with (
        http.new_client(timeout=5) as client,
        peak_memory() as peak,
        pytest.raises(DownloadError) as refused,
    ):
        download(client, server.url("/bomb.pdf"), folder, max_bytes=4 * MB)
    assert "the most a download may be (4.0 MB)" in _sentence(refused.value)
    assert _left_in(folder) == []
    assert peak() < 8 * MB


def test_a_download_without_a_length_stops_past_the_catalogs_size_and_cleans_up(server, tmp_path):
    add_flood(server, "/flood.epub", b"PK\x03\x04", 200, "application/epub+zip")
    folder = tmp_path / "downloads"
    with (
        http.new_client(timeout=5) as client,
        elapsed() as took,
        pytest.raises(DownloadError) as refused,
    ):
        download(client, server.url("/flood.epub"), folder, expected_size=1000)
    assert "larger than the 1000 bytes announced" in _sentence(refused.value)
    assert _left_in(folder) == [] and took() < 10


def test_a_drip_download_is_given_up_at_the_pace_bound(server, tmp_path):
    add_drip(server, "/drip.epub", b"PK\x03\x04" + b"x" * 5000, "application/epub+zip", 0.5)
    folder = tmp_path / "downloads"
    with (
        http.new_client(timeout=2) as client,
        elapsed() as took,
        pytest.raises(DownloadError) as refused,
    ):
        download(client, server.url("/drip.epub"), folder)
    assert "too slowly" in _sentence(refused.value)
    assert took() < 8


def test_dripped_headers_end_at_the_whole_request_bound(server, tmp_path):
    add_drip(server, "/slow.epub", b"PK\x03\x04", "application/epub+zip", 0.5, headers_too=True)
    folder = tmp_path / "downloads"
    with (
        http.new_client(timeout=1) as client,
        elapsed() as took,
        pytest.raises(DownloadError) as refused,
    ):
        download(client, server.url("/slow.epub"), folder)
    assert "too slowly" in _sentence(refused.value)
    assert took() < http.whole_request_seconds(1) + 3
    assert _left_in(folder) == []


def test_an_honest_gzip_download_within_its_length_is_kept(server, tmp_path):
    """A server that compresses anyway is still read, when what it sends is what it said."""
    import gzip

    data = b"PK\x03\x04" + b"issue " * 2000
    add_encoded(server, "/ok.epub", gzip.compress(data), "application/epub+zip")
    with http.new_client(timeout=5) as client:
        done = download(client, server.url("/ok.epub"), tmp_path / "d", expected_size=len(data))
    assert done.path.read_bytes() == data and done.size == len(data)


def _catalog(server, href: str, length: int) -> str:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Hostile</title><id>urn:h</id><entry><title>Bait</title><id>urn:bait</id>"
        "<updated>2019-02-19T10:00:00Z</updated>"
        f'<link rel="http://opds-spec.org/acquisition" href="{server.url(href)}" '
        f'type="application/epub+zip" length="{length}"/></entry></feed>'
    )


def _downloads_left(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "xdg-cache" / "bookstore" / "downloads"
    return _left_in(folder)


def test_store_get_of_a_dripping_file_ends_within_the_bound(server, tmp_path, capsys):
    add_drip(server, "/drip.epub", b"PK\x03\x04" + b"x" * 5000, "application/epub+zip")
    server.add("/opds", _catalog(server, "/drip.epub", 5004))
    with elapsed() as took:
        code = main(
            ["--library", str(tmp_path / "l"), "store", "get", server.url("/opds"), "urn:bait",
             "--timeout", "3"]
        )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and took() < 16
    assert "too slowly" in err and len(err.strip().splitlines()) == 1


def test_feeds_add_with_a_gzip_bomb_enclosure_keeps_nothing(server, tmp_path, capsys):
    add_encoded(server, "/bomb.epub", gzip_bomb(300), "application/epub+zip")
    server.add("/opds", _catalog(server, "/bomb.epub", 1000))
    library = tmp_path / "l"
    code = main(
        ["--library", str(library), "feeds", "add", server.url("/opds"), "--download", "free"]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert "“Bait” could not be downloaded" in err and "larger than the 1000 bytes" in err
    assert "unexpected" not in err
    assert _downloads_left(tmp_path) == []
    with Library.open(library) as opened:
        (issue,) = [i for i in opened.list_issues() if i.title == "Bait"]
        assert not issue.owned and not opened.get(issue.id).files


WRITE_UNDER_A_CAP = """
import resource, sys
from pathlib import Path
from bookstore.store import http
from bookstore.store.download import download
from bookstore.store.errors import DownloadError
resource.setrlimit(resource.RLIMIT_FSIZE, (1024 * 1024, resource.RLIM_INFINITY))
with http.new_client(timeout=5) as client:
    try:
        download(client, sys.argv[1], Path(sys.argv[2]))
    except DownloadError as error:
        print(error)
"""


def test_a_download_the_disk_cannot_hold_is_one_sentence_and_leaves_nothing(server, tmp_path):
    """A file-size cap (or a full disk) stops the writing: one sentence, no partial file."""
    import subprocess
    import sys

    server.add_file("/big.pdf", b"%PDF-1.7\n" + b"x" * (5 * MB), "application/pdf")
    folder = tmp_path / "downloads"
    done = subprocess.run(
        [sys.executable, "-c", WRITE_UNDER_A_CAP, server.url("/big.pdf"), str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    text = _sentence(done.stdout.strip())
    assert "could not be written to" in text and "nothing was kept" in text
    assert _left_in(folder) == []
