"""The removals' trash: copies of removed issues' files, kept while a removal can be undone.

Each removal's copies wait in a folder of ``.trash`` beside the files folder, and a
lock file of the same name is held for as long as the removal can be undone. An undo
history lives no longer than its process, and the system drops a lock when its process
ends, however it ends: a trash whose lock nobody holds can be restored by nobody, and
``purge`` deletes it (every opening of a library does, so the copies of a window that
closed or crashed with removals in its undo history do not stay on disk for good).
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from pathlib import Path

from bookstore.library.files.locks import FileLock

TRASH_FOLDER = ".trash"
_LOCK_SUFFIX = ".lock"


class Trash:
    """One removal's copies: a new folder of the library's trash, held until ``discard``."""

    def __init__(self, library_root: Path) -> None:
        trash = library_root / TRASH_FOLDER
        trash.mkdir(parents=True, exist_ok=True)
        while True:
            name = uuid.uuid4().hex
            lock = FileLock(trash / f"{name}{_LOCK_SUFFIX}")
            # A purge may have taken a new lock file for a stale one and removed it: the
            # lock is this trash's only while its file is still there.
            if lock.acquire(timeout=0) and lock.path.exists():
                break
            lock.close()
        self.folder = trash / name
        self.folder.mkdir()
        self._lock: FileLock | None = lock

    def discard(self) -> None:
        """Delete the copies and let go of them."""
        if self._lock is None:
            return
        _delete(self.folder, self._lock)
        self._lock.close()
        self._lock = None


def purge(library_root: Path) -> int:
    """Delete every trash of the library that no removal holds; how many were deleted."""
    trash = library_root / TRASH_FOLDER
    try:
        entries = list(trash.iterdir())
    except OSError:  # no trash (yet), or none that can be read
        return 0
    names = {entry.name.removesuffix(_LOCK_SUFFIX) for entry in entries}
    purged = 0
    for name in sorted(names):
        lock = FileLock(trash / f"{name}{_LOCK_SUFFIX}")
        try:
            if not lock.acquire(timeout=0):
                continue  # a removal that can still be undone
            _delete(trash / name, lock)
            purged += 1
        except OSError:
            continue  # a trash that cannot be written: left for another time
        finally:
            lock.close()
    return purged


def _delete(folder: Path, lock: FileLock) -> None:
    """Delete a trash's copies, then its lock file (while the lock is still held)."""
    shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(OSError):
        lock.path.unlink()
