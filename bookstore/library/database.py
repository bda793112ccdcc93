"""Opening the library's SQLite database with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bookstore.errors import LibraryError
from bookstore.library.folding import fold
from bookstore.library.migrations import migrate


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    The connection is in autocommit mode: writes group themselves with
    ``Library.transaction()``. A connection belongs to the thread that opened it.
    """
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        # Reading through a memory map and a larger page cache keeps searches over a
        # large library from waiting on read() calls.
        db.execute("PRAGMA mmap_size = 268435456")
        db.execute("PRAGMA cache_size = -32768")
        db.create_function("bookstore_fold", 1, _fold_or_none, deterministic=True)
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: cannot open the library database ({error})") from error
    return db


def _fold_or_none(value: str | None) -> str | None:
    return None if value is None else fold(value)
