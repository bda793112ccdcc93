"""Issue files (EPUB, PDF, covers) made by the exporters on first request and cached
by content.

A file's name is the SHA-256 of what it is made from (the issue's text and
metadata, the format, the Bookstore version), so a changed issue gets a new file
and an unchanged one is never made twice, even by several processes: each writes
to a temporary file and moves it into place. The folder is kept within a budget
(``CacheBudget``): the least recently used files go first.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from bookstore import __version__
from bookstore.catalog_json import issue_to_json
from bookstore.fileio import atomic_output
from bookstore.model import Issue
from bookstore.server.caching.cache_budget import CacheBudget
from bookstore.server.caching.generation_cache import GenerationCache

SMALL_FILE = 512 * 1024  # files up to this size are kept in memory once read ...
BODIES_BUDGET = 32 * 1024 * 1024  # ... within this many bytes per process
MEDIA_TYPES = {"epub": "application/epub+zip", "pdf": "application/pdf", "png": "image/png"}
THUMBNAIL_SIZE = (300, 450)


@dataclass(frozen=True)
class CachedFile:
    path: Path
    sha256: str  # hex
    size: int
    modified: float
    filename: str
    media_type: str

    @property
    def repr_digest(self) -> str:
        """The RFC 9530 ``Repr-Digest`` value."""
        return "sha-256=:" + base64.b64encode(bytes.fromhex(self.sha256)).decode() + ":"


class FileCache:
    def __init__(self, folder: Path, budget: CacheBudget | None = None) -> None:
        self.folder = folder
        self.budget = budget or CacheBudget(folder)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._known: dict[tuple, CachedFile] = {}
        # Small files' bytes, so a typical issue is sent without reading the disk. A
        # file's name is its content's hash: one generation, never stale.
        self._bodies: GenerationCache[bytes] = GenerationCache(
            capacity=100_000, max_bytes=BODIES_BUDGET, size_of=len
        )

    def get(self, issue: Issue, kind: str) -> CachedFile:
        """The issue's file of this kind: "epub", "pdf", "cover" or "thumbnail"."""
        content_key = _content_key(issue, kind)
        memo = (issue.id, kind, content_key)
        known = self._known.get(memo)
        if known is not None and known.path.exists():
            self.used(known)
            return known
        suffix = "png" if kind in ("cover", "thumbnail") else kind
        path = self.folder / content_key[:2] / f"{content_key}.{suffix}"
        made = False
        with self._lock_for(content_key):
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                _make(issue, kind, path)
                made = True
            digest_path = path.with_name(path.name + ".sha256")
            if digest_path.exists():
                digest = digest_path.read_text().strip()
            else:
                digest = _sha256(path)
                with atomic_output(digest_path) as temporary:
                    temporary.write_text(digest)
        stat = path.stat()
        found = CachedFile(
            path, digest, stat.st_size, stat.st_mtime, _filename(issue, suffix), MEDIA_TYPES[suffix]
        )
        self._known[memo] = found
        if made:
            self.budget.added(stat.st_size + len(digest))
        else:
            self.used(found)
        return found

    def body(self, found: CachedFile) -> bytes | None:
        """The bytes of a small file if they are in memory."""
        return self._bodies.get(found.path, "")

    def read_body(self, found: CachedFile) -> bytes | None:
        """The bytes of a small file, read into memory (None for a large one)."""
        if found.size > SMALL_FILE:
            return None
        data = found.path.read_bytes()
        if len(data) != found.size:
            return None  # not the file described: let the file response read it
        self._bodies.put(found.path, "", data)
        return data

    def used(self, found: CachedFile) -> None:
        """``found`` is being served (the budget keeps recently used files)."""
        self.budget.used(found.path, found.modified)

    def _lock_for(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


def _content_key(issue: Issue, kind: str) -> str:
    data = issue_to_json(issue)
    for volatile in ("id", "owned", "files", "translations"):
        data.pop(volatile, None)
    text = json.dumps([__version__, kind, data], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _filename(issue: Issue, suffix: str) -> str:
    return f"{issue.key}-{issue.language}.{suffix}"


def _make(issue: Issue, kind: str, path: Path) -> None:
    if kind == "epub":
        from bookstore.export.epub.writing import export_epub

        export_epub([issue], path)
    elif kind == "pdf":
        from bookstore.export.pdf.writing import export_pdf

        export_pdf([issue], path)
    else:
        from bookstore.export.epub.writing import issue_cover

        data = issue_cover(issue)
        if kind == "thumbnail":
            data = _thumbnail(data)
        with atomic_output(path) as temporary:
            temporary.write_bytes(data)
    os.utime(path)


def _thumbnail(png: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        small = image.convert("RGB").resize(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
        return out.getvalue()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
