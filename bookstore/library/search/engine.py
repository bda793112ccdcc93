"""The library's search: the index and the policy that keeps it in step with the database.

The policy, in one place:

- at open the index is checked (``opened``); a new library's is made at once, any other
  problem is said by ``problem`` and the first search rebuilds what must be rebuilt;
- every change noted in the change log (``changed``) brings the index up to date after
  the commit; inside a long job (``batch``) at most every ``SYNC_SECONDS`` and once at
  its end; a failure leaves the index behind (``behind``) and never undoes the commit;
- a search first catches up with every committed change (another process may have
  written), and a damaged index is rebuilt once and the search run again.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

import tantivy

from bookstore.errors import LibraryError
from bookstore.jobs import Job
from bookstore.library.search import change_log
from bookstore.library.search.compile import Compiled, FieldValues, compile_query
from bookstore.library.search.folding import fold
from bookstore.library.search.index import (
    IndexDamaged,
    IndexProblem,
    ProblemKind,
    SearchIndex,
    damaged_problem,
    is_panic,
)
from bookstore.library.search.query import Node
from bookstore.library.search.source import LibrarySource
from bookstore.model import Series

T = TypeVar("T")
SYNC_SECONDS = 2.0  # how often a long job brings the search index up to date


class Searched(LibrarySource, change_log.Logged, Protocol):
    """What the search reads of the library (the Library is one)."""

    @property
    def in_transaction(self) -> bool: ...
    def after_commit(self, callback: Callable[[], None]) -> None: ...
    def series(self) -> list[Series]: ...


class SearchEngine:
    def __init__(
        self, library: Searched, root: Path, *, writable: bool, busy_timeout: float
    ) -> None:
        self.library = library
        self.index = SearchIndex(root, writable=writable, busy_timeout=busy_timeout)
        # Why the index cannot be used as it is (set at open), or None; see ``rebuild``.
        self.problem: IndexProblem | None = None
        # Why the index could not be given the last changes (a full disk), or None.
        self.behind: str | None = None
        self._sync_pending = False  # a sync waits for the commit of the transaction
        self._batching = 0  # inside ``batch()``: the index catches up now and then
        self._unsynced = False  # changes committed that the index was not given yet
        self._synced_at = 0.0

    def close(self) -> None:
        self.index.close()

    @property
    def writable(self) -> bool:
        """Whether the index can be written here (else it is made in memory)."""
        return self.index.writable

    # Opening

    def reserve_rebuild(self) -> None:
        """While creating a new library: take the index's rebuild lock before others
        can open it, so that they wait for its index instead of making their own."""
        self.index.folder.reserve_rebuild(timeout=1.0)

    def opened(self, created: bool) -> None:
        """At open: check the index; a new library's is made at once, else a problem
        is said by ``problem`` (and the first search rebuilds it)."""
        if created:
            self.rebuild(force=True)
            return
        self.problem = self.index.problem(self.library, self.library.count())
        if self.problem is None and change_log.worth_pruning(self.library, self.index.state.seq):
            change_log.prune_applied(self.library, self.index.applied())

    # Keeping up

    def changed(self) -> None:
        """An issue's change was logged in the current transaction: catch up after it
        commits (once per transaction)."""
        if not self._sync_pending:
            self._sync_pending = True
            self.library.after_commit(self.sync)

    def rolled_back(self) -> None:
        self._sync_pending = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """A long job's commits: the index catches up at most every ``SYNC_SECONDS``
        (each catching up costs an index commit) and once more at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._unsynced:
                self.sync()

    def sync(self) -> None:
        """After a commit: bring the index up to date. A failure only leaves it behind;
        the next search (or opening) catches up, so the commit still stands."""
        self._sync_pending = False
        problem = self.problem
        if problem is not None and not problem.usable and problem.kind is not ProblemKind.STUCK:
            return
        now = time.monotonic()
        if self._batching and now - self._synced_at < SYNC_SECONDS:
            self._unsynced = True
            return
        self._unsynced = False
        self._synced_at = now
        try:
            self.index.sync(self.library)
        except IndexDamaged as error:
            self.problem = damaged_problem(error)
        except LibraryError as error:  # a full disk, a writer that does not let go
            self.behind = str(error)
        except BaseException as error:
            if not is_panic(error):
                raise
            self.problem = damaged_problem(error)
        else:
            self.behind = None

    def rebuild(self, job: Job | None = None, *, force: bool = False) -> bool:
        """Make the index again from the database (``job`` reports progress and can
        cancel; the old index stays until the new one is complete).

        When another process made it again while this one waited for its turn, nothing
        is done and False is returned, unless ``force``."""
        rebuilt = self.index.rebuild(self.library, job, force=force)
        self.problem = None
        return rebuilt

    # Searching

    def searching(self, action: Callable[[Compiled, tantivy.Searcher], T], node: Node) -> T:
        """Run ``action`` on the compiled query with an index that holds every committed
        change; a damaged index is rebuilt once and the search run again."""
        for attempt in (1, 2):
            try:
                problem = self.problem
                if problem is not None and not problem.usable and problem.needs_rebuild:
                    self.rebuild()
                self.index.refresh(self.library, self.library.in_transaction)
                compiled = compile_query(node, self._field_values(), self.index)
                result = action(compiled, self.index.searcher())
            except BaseException as error:
                if not (isinstance(error, IndexDamaged) or is_panic(error)) or attempt == 2:
                    raise
                self.problem = damaged_problem(error)
            else:
                if problem is not None and problem.kind is ProblemKind.STUCK:
                    self.problem = None  # caught up after all
                if not self.library.in_transaction:
                    self.behind = None  # refresh() brought it up to date
                return result
        raise AssertionError("unreachable")

    def verify(self) -> list[str]:
        """Every problem of the index, one sentence each (see ``SearchIndex.verify``)."""
        return self.index.verify(self.library)

    def _field_values(self) -> FieldValues:
        series = {
            entry.slug: fold(" ".join(entry.names.values())) for entry in self.library.series()
        }
        return FieldValues(series)
