"""Downloading a file with progress, Cancel, resume (HTTP Range) and a digest check.

The file grows in a downloads folder outside the library (``<key>.part`` and a
``<key>.json`` note of the server's ETag), so an interrupted download resumes where
it stopped; a cancelled or damaged one is removed. Only a complete, checked file is
handed on, and the library stores it through its own API.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import platformdirs

from bookstore.errors import reason_of
from bookstore.i18n.messages import Message, say
from bookstore.jobs import Cancelled, Job
from bookstore.store import http
from bookstore.store.decoding import decoded, encoding_of
from bookstore.store.errors import DownloadError, StoreError

CHUNK = 1024 * 1024
REPORT_EVERY = 0.1  # seconds between progress reports
MAX_DOWNLOAD_BYTES = 2 * 1024**3  # no file of an issue is larger than this
MIN_RATE = 1024  # bytes a second; slower than this for a whole timeout is a stall


@dataclass(frozen=True)
class Downloaded:
    url: str
    path: Path  # the complete file, in the downloads folder; the caller removes it
    size: int
    sha256: str
    content_type: str
    filename: str
    resumed_from: int = 0  # bytes that were already there from an earlier attempt

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def default_folder() -> Path:
    return Path(platformdirs.user_cache_dir("bookstore", appauthor=False)) / "downloads"


def download(
    client: httpx.Client,
    url: str,
    folder: Path | None = None,
    job: Job | None = None,
    expected_sha256: str | None = None,
    expected_size: int | None = None,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
) -> Downloaded:
    """Download ``url``; raises DownloadError (partial kept for resuming) or Cancelled.
    More bytes than announced (``expected_size`` is the catalog's length), or than
    ``max_bytes``, stop the download and leave nothing behind."""
    job = job or Job()
    folder = folder or default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    part, note = folder / f"{key}.part", folder / f"{key}.json"
    try:
        return _attempt(client, url, part, note, job, expected_sha256, expected_size, max_bytes)
    except Cancelled:
        _remove(part, note)
        raise
    except _Restart:
        _remove(part, note)
        return _attempt(client, url, part, note, job, expected_sha256, expected_size, max_bytes)


class _Restart(Exception):
    """The server cannot continue the partial file: start again from the first byte."""


def _attempt(
    client: httpx.Client,
    url: str,
    part: Path,
    note: Path,
    job: Job,
    expected_sha256: str | None,
    expected_size: int | None,
    max_bytes: int,
) -> Downloaded:
    saved = _read_note(note) if part.exists() else {}
    have = part.stat().st_size if saved.get("url") == url else 0
    headers = {"Accept-Encoding": "identity"}
    if have:
        headers["Range"] = f"bytes={have}-"
        validator = saved.get("etag") or saved.get("last_modified")
        if validator:
            headers["If-Range"] = validator
    job.report(0.0, "connecting")
    timeout = client.timeout.read or http.DEFAULT_TIMEOUT
    hasher = hashlib.sha256()
    done, resumable = 0, True
    try:
        with (
            http.bounded(client, url, http.whole_request_seconds(timeout)),
            client.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code == 416 and have:
                raise _Restart
            http.check_status(response)
            encoding = encoding_of(response.headers.get("content-encoding", ""))
            resumable = encoding == "identity"
            resumed = response.status_code == 206 and have > 0
            if resumed:
                start = _range_start(response.headers.get("content-range", ""))
                if start != have or not resumable:
                    raise _Restart
                with part.open("rb") as existing:
                    for block in iter(lambda: existing.read(CHUNK), b""):
                        hasher.update(block)
            else:
                have = 0
            total = _total(response, have) if resumable else None
            total = total or expected_size
            limit = _byte_limit(total, max_bytes)
            body = _Pace(url, timeout, limit - have)
            http.extend_deadline(client, body.seconds)
            _write_note(note, url, response.headers)
            done = have
            last_report = 0.0
            with _closed_on_cancel(response, job), part.open("ab" if resumed else "wb") as out:
                # As the network gives them: a buffered chunk would be lost if the line drops.
                for chunk in decoded(response.iter_raw(), encoding):
                    done += len(chunk)
                    if done > limit:
                        raise _TooLarge(_too_large(url, total, limit))
                    out.write(chunk)
                    hasher.update(chunk)
                    now = time.monotonic()
                    body.check(client, len(chunk), now)
                    if now - last_report >= REPORT_EVERY:
                        last_report = now
                        job.report(done / total if total else 0.0, _progress_text(done, total))
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            filename = _filename(response.headers.get("content-disposition", ""), url)
            announced = _announced_digest(response.headers, whole=not resumed)
    except _TooLarge as error:
        _remove(part, note)
        raise DownloadError(reason_of(error)) from None
    except OSError as error:
        _remove(part, note)
        raise DownloadError(
            say(
                "the download of {url} could not be written to {parent}: "
                "{reason}; nothing was kept",
                url=url,
                parent=part.parent,
                reason=error.strerror or error,
            )
        ) from None
    except StoreError as error:
        job.check()  # a read broken off by Cancel is a cancel, not a failure
        if resumable and part.exists() and part.stat().st_size > 0:
            kept = part.stat().st_size
            raise DownloadError(
                say(
                    "{error}; {kept} were saved and the download continues from "
                    "there when you try again",
                    error=error,
                    kept=_size(kept),
                )
            ) from error
        _remove(part, note)
        raise DownloadError(reason_of(error)) from error
    if total is not None and done != total:
        if not resumable:
            _remove(part, note)
        raise DownloadError(
            say(
                "the download of {url} stopped at {done} of {total}; try again to continue it",
                url=url,
                done=_size(done),
                total=_size(total),
            )
        )
    digest = hasher.hexdigest()
    for source, wanted in ((say("the catalog"), expected_sha256), (say("the server"), announced)):
        if wanted and wanted.lower() != digest:
            _remove(part, note)
            raise DownloadError(
                say(
                    "the file from {url} is damaged: its SHA-256 does not match "
                    "the one {source} gave; it was not kept, try again",
                    url=url,
                    source=source,
                )
            )
    job.report(1.0, _progress_text(done, total))
    complete = part.with_suffix(".complete")
    os.replace(part, complete)
    note.unlink(missing_ok=True)
    return Downloaded(url, complete, done, digest, content_type, filename, have)


class _TooLarge(Exception):
    """More bytes came than the file can be: the download is dropped, not kept to resume."""


def _byte_limit(total: int | None, max_bytes: int) -> int:
    """The most bytes a download may have: what was announced (the server's length, else
    the catalog's, with room for a catalog that is a little out of date), never more
    than ``max_bytes``."""
    if total is None:
        return max_bytes
    return min(max_bytes, total + total // 4 + 64 * 1024)


def _too_large(url: str, total: int | None, limit: int) -> Message:
    if total:
        return say(
            "the file from {url} is larger than the {size} announced; it was stopped and "
            "nothing was kept",
            url=url,
            size=_size(total),
        )
    return say(
        "the file from {url} is larger than the most a download may be ({size}); it was "
        "stopped and nothing was kept",
        url=url,
        size=_size(limit),
    )


class _Pace:
    """A download that crawls is given up: fewer than MIN_RATE bytes a second over any
    ``timeout`` seconds, or longer in all than its size at that rate allows."""

    def __init__(self, url: str, timeout: float, most_bytes: int) -> None:
        self.url, self.timeout = url, timeout
        self.seconds = http.whole_request_seconds(timeout) + most_bytes / MIN_RATE
        self._since, self._bytes = time.monotonic(), 0

    def check(self, client: httpx.Client, count: int, now: float) -> None:
        http.check_deadline(client, self.url, self.seconds)
        self._bytes += count
        if now - self._since < self.timeout:
            return
        if self._bytes < MIN_RATE * (now - self._since):
            raise StoreError(
                say(
                    "{host} sends {url} too slowly (less than {rate} KB a second "
                    "for {timeout} seconds); the download was given up",
                    host=http.host_of(self.url),
                    url=self.url,
                    rate=MIN_RATE // 1024,
                    timeout=format(self.timeout, "g"),
                )
            )
        self._since, self._bytes = now, 0


@contextlib.contextmanager
def _closed_on_cancel(response: httpx.Response, job: Job) -> Iterator[None]:
    """Cancel must not wait for a stalled server: shut the connection's socket down when
    the job is cancelled, which wakes the blocked read."""
    finished = threading.Event()

    def watch() -> None:
        while not finished.wait(0.05):
            if job.cancel_event.is_set():
                stream = response.extensions.get("network_stream")
                sock = stream.get_extra_info("socket") if stream is not None else None
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                return

    watcher = threading.Thread(target=watch, name="download-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        finished.set()
        watcher.join()


def _range_start(content_range: str) -> int | None:
    match = re.match(r"bytes\s+(\d+)-\d+/(\d+|\*)", content_range.strip())
    return int(match.group(1)) if match else None


def _total(response: httpx.Response, have: int) -> int | None:
    content_range = response.headers.get("content-range", "")
    if match := re.match(r"bytes\s+\d+-\d+/(\d+)", content_range.strip()):
        return int(match.group(1))
    length = response.headers.get("content-length", "")
    return int(length) + have if length.isdigit() else None


def _announced_digest(headers: httpx.Headers, whole: bool) -> str | None:
    """A SHA-256 the server gave for the whole file (RFC 9530 Repr-Digest, RFC 3230 Digest,
    or Content-Digest when the answer is the whole file), as hex."""
    candidates = [headers.get("repr-digest", ""), headers.get("digest", "")]
    if whole:
        candidates.append(headers.get("content-digest", ""))
    for header in candidates:
        for item in header.split(","):
            name, _, value = item.strip().partition("=")
            if name.strip().lower() != "sha-256" or not value:
                continue
            value = value.strip().strip(":")
            with contextlib.suppress(ValueError):
                return base64.b64decode(value, validate=True).hex()
    return None


def _filename(disposition: str, url: str) -> str:
    if match := re.search(r"filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)", disposition):
        name = unquote(match.group(1).strip())
    elif match := re.search(r'filename\s*=\s*"?([^";]+)"?', disposition):
        name = match.group(1).strip()
    else:
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return Path(name).name or "download"


def _read_note(note: Path) -> dict:
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_note(note: Path, url: str, headers: httpx.Headers) -> None:
    etag = headers.get("etag", "")
    data = {
        "url": url,
        "etag": etag if etag and not etag.startswith("W/") else "",
        "last_modified": headers.get("last-modified", ""),
    }
    note.write_text(json.dumps(data), encoding="utf-8")


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _progress_text(done: int, total: int | None) -> str:
    return f"{_size(done)} of {_size(total)}" if total else str(_size(done))


def _size(count: int) -> Message:
    if count < 1024:
        return say("{bytes} bytes", bytes=count)
    if count < 1024 * 1024:
        return say("{kilobytes} KB", kilobytes=format(count / 1024, ".0f"))
    return say("{megabytes} MB", megabytes=format(count / 1024 / 1024, ".1f"))
