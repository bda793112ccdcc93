"""A downloaded file is what the catalog announced before the library takes it.

A sign-in page served where an EPUB was announced, an EPUB cut short by a server
that lied about its length, or a resumed download spliced from another file's
bytes are refused here: an EPUB must be a ZIP whose every entry reads back with its
checksum and whose package document is there, a PDF must open and end as a PDF,
a page must be text.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from bookstore.errors import reason_of
from bookstore.i18n.messages import Message, say
from bookstore.ingest.pdf.reading import quiet_pypdf
from bookstore.store.errors import StoreError

MAX_BOOK_BYTES = 512 * 1024 * 1024  # what is read into memory to check a book
_SNIFF_BYTES = 64 * 1024
_NAMES = {"epub": say("an EPUB"), "pdf": say("a PDF"), "page": say("a page")}


class FileRefused(StoreError):
    """The downloaded file is not what was announced; nothing was kept."""


def sniffed_kind(path: Path) -> Message | str | None:
    """ "epub" or "pdf" by the file's first bytes, else None."""
    head = _head(path, 8)
    if head.startswith(b"PK\x03\x04"):
        return "epub"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def check_file(path: Path, kind: str, source: str) -> None:
    """Raise FileRefused, with one sentence naming ``source``, unless the file at
    ``path`` is a readable file of ``kind`` ("epub", "pdf" or "page")."""
    reason = _problem(path, kind)
    if reason is not None:
        raise FileRefused(
            say(
                "the file from {source} {reason}, not {kind} as announced; it was not kept",
                source=source,
                reason=reason,
                kind=_NAMES[kind],
            )
        )


def _problem(path: Path, kind: str) -> Message | str | None:
    size = path.stat().st_size
    head = _head(path, _SNIFF_BYTES)
    if size == 0:
        return say("is empty")
    if kind != "page" and _looks_like_html(head):
        return say("is a web page (perhaps a sign-in or error page)")
    if kind == "epub":
        return _epub_problem(path, size, head)
    if kind == "pdf":
        return _pdf_problem(path, size, head)
    if head.startswith((b"PK\x03\x04", b"%PDF-")) or b"\x00" in head:
        return say("is binary data")
    return None


def _epub_problem(path: Path, size: int, head: bytes) -> Message | str | None:
    from bookstore.ingest.epub.archive import ArchiveError, EpubArchive
    from bookstore.ingest.epub.opf import read_package

    if not head.startswith(b"PK\x03\x04"):
        return say("is not a ZIP archive")
    if size > MAX_BOOK_BYTES:
        return say("is larger than {limit} MB", limit=MAX_BOOK_BYTES // 2**20)
    data = path.read_bytes()
    try:
        archive = EpubArchive(data)  # the directory is checked for bombs first
        package = read_package(archive)
    except ArchiveError as error:
        return reason_of(error)
    if not package.spine or not all(archive.has(item.name) for item in package.spine):
        return say("is damaged: its reading order names documents it does not hold")
    return _zip_checksum_problem(data)


def _zip_checksum_problem(data: bytes) -> Message | str | None:
    """Every entry inflated and checked against its CRC (sizes were bounded before)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as error:
        return say("is damaged: an entry cannot be read ({error})", error=error)
    except NotImplementedError:
        return say("uses a compression that cannot be checked")
    return say("is damaged: “{bad}” does not match its checksum", bad=bad) if bad else None


def _pdf_problem(path: Path, size: int, head: bytes) -> Message | str | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not head.startswith(b"%PDF-"):
        return say("does not start as a PDF does")
    if size > MAX_BOOK_BYTES:
        return say("is larger than {limit} MB", limit=MAX_BOOK_BYTES // 2**20)
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 1024))
        if b"%%EOF" not in handle.read():
            return say("is truncated: it lacks the end a PDF has")
    try:
        with quiet_pypdf():
            pages = len(PdfReader(path).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        return say("is damaged ({error})", error=error)
    return None if pages else say("has no pages")


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def _head(path: Path, count: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(count)
