"""Pruning the change log: what the search index has applied is no longer needed.

Every save and removal writes a ``change_log`` row in its transaction; the search
index replays the rows after the last one it holds (``SearchIndex.sync``). Who still
needs a row:

- the index on disk, shared by every process that can write the library folder
  (the store server too, which opens the library read-only): the rows after the
  seq its current build holds;
- a rebuild under way: it starts from the log's end when it begins and replays what
  was committed meanwhile, so while it runs nothing is pruned;
- a reader on a read-only disk whose index is behind makes one in memory from the
  issues themselves: it needs no rows (and cannot prune: the database is read-only).

So rows up to the seq of the index on disk are deleted, when no rebuild is under
way. ``last_change`` reads SQLite's AUTOINCREMENT counter, which deleting rows never
lowers, so "the index is ahead of the database" still holds; and the log's seqs are
consecutive (a rollback takes its seq back), so an index older than what was pruned
finds a gap and is rebuilt instead of missing changes (``SearchIndex.sync``).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import Protocol

PRUNE_AT = 1000  # rows the index has applied before they are worth a write at open


class Logged(Protocol):
    """A library with a change log (the Library is one)."""

    db: sqlite3.Connection

    @property
    def read_only(self) -> str | None: ...
    def transaction(self) -> AbstractContextManager[None]: ...


def worth_pruning(library: Logged, applied: int, at_least: int | None = None) -> bool:
    """Whether at least ``at_least`` (default ``PRUNE_AT``) rows up to ``applied`` are
    left to prune (reads at most that many rows: it runs at every opening)."""
    if library.read_only is not None:
        return False
    wanted = max(1, PRUNE_AT if at_least is None else at_least)
    row = library.db.execute(
        "SELECT seq FROM change_log WHERE seq <= ? ORDER BY seq LIMIT 1 OFFSET ?",
        (applied, wanted - 1),
    ).fetchone()
    return row is not None


def prune_applied(library: Logged, applied: int | None) -> int:
    """Delete the rows up to ``applied`` (the seq the index on disk holds, read while
    no rebuild is under way); how many were deleted."""
    if applied is None or library.read_only is not None:
        return 0
    with library.transaction():
        deleted = library.db.execute("DELETE FROM change_log WHERE seq <= ?", (applied,))
    return deleted.rowcount
