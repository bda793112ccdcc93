"""A bound on the folder of made files (``store-cache/``).

Files made for downloads stay until the folder holds more than its budget; then the
least recently used go until it holds at most nine tenths of it, so a folder at its
bound is not scanned again for every file made. A file's last use is its access
time, set by the server when it serves the file (at most once a minute per file,
never touching its modification time, which is the file's ``Last-Modified``). A
file used within the last ten minutes is never removed: another request (or another
server process) may be sending it. Several processes may share one folder: each
counts it again every five minutes (and whenever its own count goes over), and a
file another removed first is simply not counted.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIMIT = 2 * 1024**3  # bytes
RECENT_SECONDS = 600  # a file used this recently stays
TOUCH_SECONDS = 60  # a file's use is written at most this often
RECOUNT_SECONDS = 300  # what other processes made is seen at least this often
_MADE = re.compile(r"[0-9a-f]{64}\.(epub|pdf|png)")  # the names FileCache gives


@dataclass(frozen=True)
class _Made:
    path: Path
    size: int  # with its digest file
    used: float


class CacheBudget:
    def __init__(
        self,
        folder: Path,
        limit: int = DEFAULT_LIMIT,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = folder
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._held: int | None = None  # bytes, as last counted plus what was made since
        self._counted_at = 0.0
        self._touched: dict[Path, float] = {}

    def added(self, size: int) -> None:
        """A file of ``size`` bytes was made: prune when the folder may be over budget."""
        with self._lock:
            if self._held is None or self._clock() - self._counted_at > RECOUNT_SECONDS:
                self._held = self._count()
            else:
                self._held += size
            if self._held > self.limit:
                self._held = self._prune()

    def used(self, path: Path, modified: float) -> None:
        """``path`` is being served: note its use (its access time)."""
        now = self._clock()
        if now - self._touched.get(path, 0.0) < TOUCH_SECONDS:
            return
        if len(self._touched) > 100_000:
            self._touched.clear()
        self._touched[path] = now
        # a read-only cache, or a file pruned meanwhile: nothing to note
        with contextlib.suppress(OSError):
            os.utime(path, (now, modified))

    def prune(self) -> int:
        """Remove the least recently used files while over budget; returns the bytes held."""
        with self._lock:
            self._held = self._prune()
            return self._held

    def _count(self) -> int:
        self._counted_at = self._clock()
        return sum(made.size for made in self._files())

    def _prune(self) -> int:
        self._counted_at = self._clock()
        files = self._files()
        held = sum(made.size for made in files)
        if held <= self.limit:
            return held
        target = self.limit * 9 // 10
        recent = self._clock() - RECENT_SECONDS
        for made in sorted(files, key=lambda made: made.used):
            if held <= target:
                break
            if made.used >= recent:
                continue  # possibly being sent
            for path in (made.path, _digest_path(made.path)):
                path.unlink(missing_ok=True)  # another process may have pruned it first
            self._touched.pop(made.path, None)
            held -= made.size
        return held

    def _files(self) -> list[_Made]:
        found: list[_Made] = []
        if not self.folder.is_dir():
            return found
        for shard in os.scandir(self.folder):
            if not shard.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(shard.path):
                if not _MADE.fullmatch(entry.name):
                    continue  # digests are counted with their file; .part files are a writer's
                try:
                    stat = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # another process pruned it
                size = stat.st_size + _size(_digest_path(Path(entry.path)))
                found.append(_Made(Path(entry.path), size, max(stat.st_atime, stat.st_mtime)))
        return found


def _digest_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
