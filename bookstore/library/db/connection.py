"""Opening the library's SQLite database with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote


def connect(path: Path, *, read_only: bool, busy_timeout: float) -> sqlite3.Connection:
    """Open the database at ``path`` (creating it unless ``read_only``).

    The connection is in autocommit mode: writes group themselves with
    ``Library.transaction()``. A connection belongs to the thread that opened it.
    Raises sqlite3.Error; the caller turns it into a sentence.
    """
    db = _connect_read_only(path) if read_only else sqlite3.connect(path, isolation_level=None)
    # The busy timeout first: switching a new database to WAL needs a moment's
    # exclusive lock while other processes may be opening it too.
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    if not read_only:
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the files it names are moved into place.
        db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    set_read_memory(db, MMAP_BYTES, CACHE_KIB)
    return db


# Reading through a memory map and a larger page cache keeps scans of a large library
# from waiting on read() calls. Mapped pages count in the process's resident memory
# (each page touched, and the kernel maps its neighbours too); the window asks for
# less (``set_read_memory``).
MMAP_BYTES = 256 * 1024 * 1024
CACHE_KIB = 32 * 1024


def set_read_memory(db: sqlite3.Connection, mmap_bytes: int, cache_kib: int) -> None:
    """How much memory the connection may use to read: SQLite's memory map of the
    database file (0: none, pages are read into the page cache) and its page cache."""
    db.execute(f"PRAGMA mmap_size = {int(mmap_bytes)}")
    db.execute(f"PRAGMA cache_size = -{int(cache_kib)}")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only; on a read-only disk, where SQLite cannot make the WAL's shared-memory
    file, the database is opened as immutable (nothing else can change it there)."""
    uri = "file:" + quote(str(path.resolve()))
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    db.execute("PRAGMA query_only = ON")
    return db


def quick_check(db: sqlite3.Connection) -> str | None:
    """SQLite's quick_check: None when the database is sound, else its first finding."""
    try:
        found = db.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if found == "ok" else found
