"""Two lock files beside the database, for what SQLite's own lock cannot do.

- ``files.lock`` (exclusive): held by a writer from just before its COMMIT until the
  files it staged are moved into place, so that the moves of one transaction never
  interleave with another's and recovery never races a writer that is still moving.
  Only the holder of SQLite's write lock takes it, so the two locks cannot deadlock.
- ``waiting.lock`` (shared): held by every writer that is waiting for SQLite's write
  lock. A long job that commits in chunks checks it after each commit and pauses until
  the waiters are through, so a second command or a window's worker gets its turn
  within a chunk's time (SQLite's busy handler alone polls and can starve).

The operating system drops these locks when a process dies, however it dies.
``FileLock`` is one such exclusive lock for other parts of the library (the search index).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from bookstore.os_locks import lock, try_lock, unlock

FILES_LOCK = "files.lock"
WAITING_LOCK = "waiting.lock"


class LibraryLocks:
    def __init__(self, root: Path) -> None:
        self._root = root
        self._files: IO[bytes] | None = None
        self._waiting: IO[bytes] | None = None

    def close(self) -> None:
        for handle in (self._files, self._waiting):
            if handle is not None:
                handle.close()
        self._files = self._waiting = None

    def _handle(self, name: str) -> IO[bytes]:
        return open(self._root / name, "a+b")

    @contextlib.contextmanager
    def files_moving(self, timeout: float) -> Iterator[None]:
        """Hold ``files.lock`` (waiting at most ``timeout`` seconds for it)."""
        if self._files is None:
            self._files = self._handle(FILES_LOCK)
        deadline = time.monotonic() + timeout
        while not try_lock(self._files):
            if time.monotonic() > deadline:
                raise TimeoutError("files.lock")
            time.sleep(0.005)
        try:
            yield
        finally:
            unlock(self._files)

    @contextlib.contextmanager
    def waiting(self) -> Iterator[None]:
        """Say that this writer is waiting for the write lock, for as long as it waits."""
        if self._waiting is None:
            self._waiting = self._handle(WAITING_LOCK)
        lock(self._waiting, shared=True)
        try:
            yield
        finally:
            unlock(self._waiting)

    def others_waiting(self) -> bool:
        """Whether another writer is waiting for the write lock now."""
        if self._waiting is None:
            self._waiting = self._handle(WAITING_LOCK)
        if try_lock(self._waiting):
            unlock(self._waiting)
            return False
        return True


class FileLock:
    """An exclusive lock on one file, held by this object: two FileLocks on the same
    file exclude each other, in one process (threads) as in several."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None
        self.held = False

    def acquire(
        self, timeout: float | None, still_wanted: Callable[[], None] = lambda: None
    ) -> bool:
        """Take the lock, waiting at most ``timeout`` seconds (None: as long as it takes;
        0: not at all); ``still_wanted`` is called while waiting and may raise to stop."""
        if self.held:
            return True
        if self._handle is None:
            self._handle = open(self.path, "a+b")  # noqa: SIM115 (kept open while held)
        deadline = None if timeout is None else time.monotonic() + timeout
        while not try_lock(self._handle):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            still_wanted()
            time.sleep(0.01)
        self.held = True
        return True

    def release(self) -> None:
        if self.held and self._handle is not None:
            unlock(self._handle)
        self.held = False

    def close(self) -> None:
        self.release()
        if self._handle is not None:
            self._handle.close()
            self._handle = None
