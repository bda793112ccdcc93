"""Downloads: progress, resume with Range, digest check, cancel, nothing half-kept."""

from __future__ import annotations

import os
import threading
import time

import pytest

from bookstore.jobs import Cancelled, Job
from bookstore.store.download import download
from bookstore.store.errors import DownloadError
from bookstore.store.http import new_client

DATA = os.urandom(3 * 1024 * 1024 + 123)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_download_reports_progress_and_checks_the_digest(server, tmp_path):
    server.add_file("/f.epub", DATA)
    seen = []
    with new_client(timeout=5) as client:
        result = download(client, server.url("/f.epub"), tmp_path, Job(lambda f, m: seen.append(f)))
    assert result.path.read_bytes() == DATA
    assert result.size == len(DATA) and result.content_type == "application/epub+zip"
    assert result.filename == "f.epub"
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert _leftovers(tmp_path) == [result.path.name]


def test_a_connection_closed_mid_download_resumes_with_range(server, tmp_path):
    server.add_file("/f.epub", DATA, fail_after=1024 * 1024)
    url = server.url("/f.epub")
    with new_client(timeout=5) as client:
        with pytest.raises(DownloadError) as raised:
            download(client, url, tmp_path)
        assert "continues from there" in str(raised.value)
        partial = [p for p in tmp_path.iterdir() if p.suffix == ".part"]
        assert len(partial) == 1 and partial[0].stat().st_size == 1024 * 1024
        result = download(client, url, tmp_path)
    assert result.resumed_from == 1024 * 1024
    assert result.path.read_bytes() == DATA
    assert server.requests[-1].headers["Range"] == f"bytes={1024 * 1024}-"
    assert server.requests[-1].headers["If-Range"].startswith('"')


def test_a_stalled_download_gives_up_and_keeps_what_it_has(server, tmp_path):
    server.add_file("/f.epub", DATA, stall_after=512 * 1024)
    with new_client(timeout=0.5) as client, pytest.raises(DownloadError) as raised:
        download(client, server.url("/f.epub"), tmp_path)
    assert "stopped sending" in str(raised.value)
    with new_client(timeout=5) as client:
        assert download(client, server.url("/f.epub"), tmp_path).path.read_bytes() == DATA


def test_a_wrong_digest_is_refused_and_nothing_is_kept(server, tmp_path):
    server.add_file("/f.epub", DATA, digest="wrong")
    with new_client(timeout=5) as client, pytest.raises(DownloadError) as raised:
        download(client, server.url("/f.epub"), tmp_path)
    assert "is damaged" in str(raised.value)
    assert _leftovers(tmp_path) == []


def test_a_digest_from_the_catalog_is_checked_too(server, tmp_path):
    server.add_file("/f.epub", DATA, digest=None)
    with new_client(timeout=5) as client, pytest.raises(DownloadError, match="the catalog gave"):
        download(client, server.url("/f.epub"), tmp_path, expected_sha256="0" * 64)


def test_cancel_removes_the_partial_file(server, tmp_path):
    server.add_file("/f.epub", DATA)
    job = Job()
    job.on_progress = lambda fraction, message: job.cancel() if fraction > 0 else None
    with new_client(timeout=5) as client, pytest.raises(Cancelled):
        download(client, server.url("/f.epub"), tmp_path, job)
    assert _leftovers(tmp_path) == []


def test_a_server_without_ranges_starts_again(server, tmp_path):
    server.add_file("/f.epub", DATA, fail_after=1000, ranges=False)
    with new_client(timeout=5) as client:
        with pytest.raises(DownloadError):
            download(client, server.url("/f.epub"), tmp_path)
        result = download(client, server.url("/f.epub"), tmp_path)
    assert result.resumed_from == 0 and result.path.read_bytes() == DATA


def test_cancel_does_not_wait_for_a_stalled_server(server, tmp_path):
    server.add_file("/f.epub", DATA, stall_after=100_000)
    job = Job()
    timer = threading.Timer(0.3, job.cancel)
    timer.start()
    started = time.monotonic()
    with new_client(timeout=20) as client, pytest.raises(Cancelled):
        download(client, server.url("/f.epub"), tmp_path, job)
    timer.join()
    assert time.monotonic() - started < 5
    assert _leftovers(tmp_path) == []
