"""Where the search index lives in the library folder, and how processes share it.

    search-index/
      current.json   which build is the index: {"build": "build-<hex>"}
      build-<hex>/   one complete tantivy index with its state (``search_files``)
      write.lock     held while the current build is written (a sync) or replaced
      rebuild.lock   held by the process making a new build, until it is in place

A rebuild fills a new build folder while searches and updates go on in the current
one, then replaces ``current.json`` (written aside and renamed over it): a reader
finds one whole index at every moment, never a folder half moved. The replaced build
is deleted; a process still reading it keeps the files it has open and moves to the
new build at its next search.

A library on a read-only disk is read from a copy in the temporary folder, shared by
every process that reads it: tantivy writes lock files even to read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from bookstore.errors import LibraryError
from bookstore.fileio import write_bytes_atomically
from bookstore.i18n.messages import say
from bookstore.library.files.locks import FileLock
from bookstore.library.search.files import STATE, IndexDamaged

FOLDER = "search-index"
POINTER = "current.json"
WRITE_LOCK = "write.lock"
REBUILD_LOCK = "rebuild.lock"
BUILD_PREFIX = "build-"
_OURS = frozenset({POINTER, WRITE_LOCK, REBUILD_LOCK})
_ABANDONED_AFTER = 3600.0  # seconds: folders an older version's interrupted rebuild left


class IndexBusy(LibraryError):
    """Another process has held the index's write lock for longer than we wait."""


class IndexFolder:
    def __init__(self, library_root: Path, *, busy_timeout: float) -> None:
        self.path = library_root / FOLDER
        self.busy_timeout = busy_timeout
        self._write_lock = FileLock(self.path / WRITE_LOCK)
        self._rebuild_lock = FileLock(self.path / REBUILD_LOCK)

    def close(self) -> None:
        self._write_lock.close()
        self._rebuild_lock.close()

    # Builds

    def current(self) -> str | None:
        """The name of the build that is the index; None when there is none (raises
        IndexDamaged when ``current.json`` cannot be read)."""
        try:
            data = json.loads((self.path / POINTER).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise IndexDamaged(
                say("{pointer} cannot be read: {error}", pointer=POINTER, error=error)
            ) from None
        name = data.get("build") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name.startswith(BUILD_PREFIX) or "/" in name:
            raise IndexDamaged(say("{pointer} names no build", pointer=POINTER))
        return name

    def build(self, name: str) -> Path:
        return self.path / name

    def made_by_an_older_version(self) -> bool:
        """An index of the first layout (tantivy's files right in the folder)."""
        return (self.path / "meta.json").exists() or (self.path / STATE).exists()

    def new_build(self) -> Path:
        self.path.mkdir(parents=True, exist_ok=True)
        build = self.path / f"{BUILD_PREFIX}{uuid.uuid4().hex}"
        build.mkdir()
        return build

    def swap_in(self, build: Path) -> None:
        """Make ``build`` the index, under the write lock, and delete the others."""
        with self.writing():
            write_bytes_atomically(self.path / POINTER, json.dumps({"build": build.name}).encode())
            self.remove_unused(keep=build.name)

    def remove_unused(self, keep: str | None) -> None:
        """Delete every build but ``keep``, and what older versions left (only while
        holding the rebuild lock: no other build is being filled then)."""
        assert self._rebuild_lock.held
        if not self.path.is_dir():
            return
        for path in self.path.iterdir():
            if path.name in _OURS or path.name == keep:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)  # open files stay readable to their readers
            else:
                with contextlib.suppress(OSError):
                    path.unlink()
        for path in self.path.parent.glob(f"{FOLDER}.*-*"):  # the first layout's rebuilds
            with contextlib.suppress(OSError):
                if time.time() - path.stat().st_mtime > _ABANDONED_AFTER:
                    shutil.rmtree(path, ignore_errors=True)

    # Locks

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock, waiting for another writer up to the busy timeout."""
        if self._write_lock.held:
            yield
            return
        self.path.mkdir(parents=True, exist_ok=True)
        if not self._write_lock.acquire(self.busy_timeout):
            raise IndexBusy(
                say(
                    "{path}: the search index is busy: another program has been "
                    "updating it for more than {busy_timeout} seconds; try again "
                    "when it has finished",
                    path=self.path,
                    busy_timeout=format(self.busy_timeout, "g"),
                )
            )
        try:
            yield
        finally:
            self._write_lock.release()

    def reserve_rebuild(self, timeout: float) -> bool:
        """Take the rebuild lock ahead of ``rebuilding`` (a new library's creator does,
        so that the processes opening it meanwhile wait for its index)."""
        self.path.mkdir(parents=True, exist_ok=True)
        return self._rebuild_lock.acquire(timeout)

    @contextlib.contextmanager
    def unless_rebuilding(self) -> Iterator[bool]:
        """Hold the rebuild lock if it is free now (True), without waiting (False)."""
        self.path.mkdir(parents=True, exist_ok=True)
        if self._rebuild_lock.held or not self._rebuild_lock.acquire(0):
            yield False
            return
        try:
            yield True
        finally:
            self._rebuild_lock.release()

    @contextlib.contextmanager
    def rebuilding(self, still_wanted: Callable[[], None]) -> Iterator[None]:
        """Hold the rebuild lock (taken here unless reserved), waiting as long as another
        rebuild takes; ``still_wanted`` may raise to stop waiting (a cancelled job)."""
        self.path.mkdir(parents=True, exist_ok=True)
        self._rebuild_lock.acquire(None, still_wanted)
        try:
            yield
        finally:
            self._rebuild_lock.release()


def readable_copy(build: Path) -> Path:
    """A copy of ``build`` in the temporary folder, for a library on a read-only disk;
    made once and shared by every process that reads the same build."""
    state = (build / STATE).stat()
    place = hashlib.sha256(str(build.resolve()).encode()).hexdigest()[:16]
    version = hashlib.sha256(f"{state.st_size}:{state.st_mtime_ns}".encode()).hexdigest()[:12]
    temporary = Path(tempfile.gettempdir())
    copy = temporary / f"bookstore-search-{place}-{version}"
    if (copy / STATE).is_file():
        return copy
    partial = temporary / f".bookstore-search-{uuid.uuid4().hex}"
    try:
        shutil.copytree(build, partial, ignore=shutil.ignore_patterns("*.lock"))
        partial.rename(copy)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        if not (copy / STATE).is_file():  # else another process made it first
            raise
    for older in temporary.glob(f"bookstore-search-{place}-*"):
        if older != copy:  # a build replaced since; its readers keep their open files
            shutil.rmtree(older, ignore_errors=True)
    return copy
