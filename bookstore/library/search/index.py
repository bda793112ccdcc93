"""The search index: a tantivy index in the library folder, kept in step with the database.

The database is the one source of truth. Every save and removal writes a row to its
change log in the same transaction (``Library.changes_since``); the index records in
its state the last change it holds, and ``sync`` replays the changes after it: each
changed issue is deleted from the index and added again as the database has it now,
so replaying a change twice does no harm. ``sync`` runs after every commit that
changed issues, at open, and before a search that finds the index behind the
database (another process wrote, or one crashed between its commit and the index).

Several processes share the index (``search_folder``): one writes at a time, under
the write lock; the state is written after the index commit, so it never claims more
than the index holds; a rebuild fills a new build and swaps it in at once. What an
interrupted write left is removed before the next write and at open.

``problem`` says at open why the index cannot be used as it is (``IndexProblem``);
``rebuild`` makes it again from the database, reporting progress, unless another
process did so while this one waited for its turn.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import tantivy

from bookstore.errors import BookstoreError, DiskFull, LibraryError
from bookstore.i18n.messages import Message, say
from bookstore.jobs import Job
from bookstore.library.search import schema as search_schema
from bookstore.library.search.build import BATCH, fill, new_index
from bookstore.library.search.files import (
    FORMAT,
    IndexDamaged,
    IndexState,
    read_state,
    remove_temporary,
    verify_all,
    verify_files,
    write_state,
)
from bookstore.library.search.folder import FOLDER, IndexBusy, IndexFolder, readable_copy
from bookstore.library.search.source import LibrarySource

__all__ = ["FOLDER", "IndexBusy", "IndexDamaged", "IndexProblem", "ProblemKind", "SearchIndex"]

REBUILD_GROWTH = 4  # pick the common words again when the library has grown this much
REBUILD_MINIMUM = 1000  # ... and holds at least this many issues
_WRITER_HEAP = 50_000_000
_DISK_FULL = ("No space left on device", "os error 28", "Disk quota exceeded", "os error 122")


class ProblemKind(StrEnum):
    MISSING = "missing"
    DAMAGED = "damaged"  # unreadable, ahead of the database or out of step with it
    OTHER_VERSION = "other version"
    BEHIND = "behind"  # behind the database, on a disk it cannot be written to
    STUCK = "stuck"  # behind the database, and catching up failed (a full disk)
    GROWN = "grown"  # sound, but its common words were picked from a much smaller library


@dataclass(frozen=True)
class IndexProblem:
    kind: ProblemKind
    sentence: Message  # said in the reader's language where it is shown

    def __str__(self) -> str:
        return str(self.sentence)

    @property
    def usable(self) -> bool:
        """Whether searches may use the index as it is meanwhile (its answers are right)."""
        return self.kind is ProblemKind.GROWN

    @property
    def needs_rebuild(self) -> bool:
        """Whether making the index again is the cure (else: catching up, when it can)."""
        return self.kind is not ProblemKind.STUCK


def is_panic(error: BaseException) -> bool:
    """tantivy reports a damaged index by a Rust panic: a BaseException, not an Exception."""
    return type(error).__name__ == "PanicException"


class SearchIndex:
    def __init__(self, library_root: Path, *, writable: bool, busy_timeout: float) -> None:
        self.folder = IndexFolder(library_root, busy_timeout=busy_timeout)
        self.writable = writable
        self._busy_timeout = busy_timeout
        self._index: tantivy.Index | None = None
        self._build: str | None = None  # the build open (None: none, or made in memory)
        self._path: Path | None = None  # where it was opened: the build, or its copy
        self._seen: str | None = None  # the build current.json named when last read
        self.state = IndexState()
        self.common: frozenset[str] = frozenset()
        self._searcher: tantivy.Searcher | None = None
        self._total_docs: float | None = None

    def close(self) -> None:
        self._index = None
        self._searcher = None
        self.folder.close()

    # Opening and checking

    def problem(self, source: LibrarySource, issue_count: int) -> IndexProblem | None:
        """Open the index; None when it can be used as it is, else why not."""
        try:
            state = self._open_current()
        except _Missing:
            if self.folder.made_by_an_older_version():
                return _other_version()
            return IndexProblem(ProblemKind.MISSING, say("the search index is missing"))
        except _OtherVersion:
            return _other_version()
        except IndexDamaged as error:
            return damaged_problem(error)
        except OSError as error:
            return IndexProblem(
                ProblemKind.DAMAGED,
                say("the search index cannot be read ({reason})", reason=error.strerror or error),
            )
        if state.seq > source.last_change():
            return IndexProblem(
                ProblemKind.DAMAGED,
                say("the search index is ahead of the database (was the database restored?)"),
            )
        try:
            for _ in range(3):
                self.sync(source)
                seq, count = source.last_change(), source.count()
                if seq == self.state.seq or not self.writable:
                    break  # else another writer got in between: catch up again
        except IndexDamaged as error:
            return damaged_problem(error)
        except IndexBusy:
            return None  # another process is writing it: the first search catches up
        except LibraryError as error:
            return IndexProblem(
                ProblemKind.STUCK,
                say(
                    "the search index is behind the library and cannot be "
                    "brought up to date now ({reason})",
                    reason=_first_line(error),
                ),
            )
        if seq > self.state.seq and not self.writable:
            return IndexProblem(
                ProblemKind.BEHIND,
                say("the search index is behind the library, which cannot be written here"),
            )
        if seq == self.state.seq and self.searcher().num_docs != count:
            return IndexProblem(
                ProblemKind.DAMAGED, say("the search index is out of step with the database")
            )
        if issue_count >= max(REBUILD_MINIMUM, REBUILD_GROWTH * self.state.sampled_from):
            return IndexProblem(
                ProblemKind.GROWN,
                say(
                    "the library has grown from {sampled_from} to {issue_count} "
                    "issues since the search index was made",
                    sampled_from=format(self.state.sampled_from, ","),
                    issue_count=format(issue_count, ","),
                ),
            )
        return None

    def _open_current(self) -> IndexState:
        """Open the build ``current.json`` names (again, if a rebuild replaced it while
        it was being read)."""
        for attempt in range(5):
            name = self._seen = self.folder.current()
            if name is None:
                raise _Missing
            build = self.folder.build(name)
            try:
                state = read_state(build)
                if state.format != FORMAT:
                    raise _OtherVersion
                path = build if self.writable else readable_copy(build)
                verify_files(path, remember=self.writable or path != build)
                self._open(path, state)
            except (IndexDamaged, OSError):
                if attempt < 4 and self.folder.current() != name:
                    continue
                raise
            self._build = name
            return state
        raise AssertionError("unreachable")

    def _open(self, path: Path, state: IndexState) -> None:
        try:
            index = tantivy.Index.open(str(path))
            index.register_tokenizer(search_schema.TOKENIZER, search_schema.analyzer())
            index.reload()
            index.searcher()
        except BaseException as error:
            if isinstance(error, ValueError | OSError) or is_panic(error):
                raise IndexDamaged(_first_line(error)) from None
            raise
        self._index = index
        self._path = path
        self._adopt(state)

    def _adopt(self, state: IndexState) -> None:
        self.state = state
        self.common = frozenset(state.common)
        self._searcher = None
        self._total_docs = None

    def verify(self, source: LibrarySource) -> list[str]:
        """Every problem of the index, one sentence each (for ``bookstore check``):
        every file of every segment has its checksum, and the index holds exactly the
        library's issues."""
        try:
            name = self.folder.current()
            if name is None:
                return ["the search index is missing (it is made again at the next opening)"]
            build = self.folder.build(name)
            state = read_state(build)
            verify_all(build)
            if self._build != name:
                self._open_current()
            if self.writable:
                self.refresh(source, in_transaction=False)
            elif source.last_change() > self.state.seq:
                behind = source.last_change() - self.state.seq
                return [
                    f"it is {behind} changes behind the library (it is brought up to date "
                    "when the library is opened where it can be written)"
                ]
            indexed = self._all_ids()
        except _Missing:
            return ["the search index is missing (it is made again at the next opening)"]
        except _OtherVersion:
            return [f"{_other_version()} (it is made again at the next opening)"]
        except BaseException as error:
            if isinstance(error, LibraryError | OSError) or is_panic(error):
                return [f"the search index is damaged ({_first_line(error)})"]
            raise
        stored = set(source.all_issue_ids())
        problems = []
        if indexed != stored:
            problems.append(
                f"{len(stored - indexed)} issues missing, {len(indexed - stored)} entries "
                "without an issue"
            )
        if state.seq > source.last_change():
            problems.append("it is ahead of the database's change log")
        return problems

    def _all_ids(self) -> set[int]:
        searcher = self.searcher()
        if not searcher.num_docs:
            return set()
        hits = searcher.search(
            tantivy.Query.all_query(), searcher.num_docs, count=False, order_by_field="recency"
        ).hits
        return {search_schema.id_of_recency(key) for key, _ in hits}

    # Reading

    def searcher(self) -> tantivy.Searcher:
        if self._index is None:
            raise IndexDamaged(say("the search index is not open"))
        if self._searcher is None:
            self._searcher = self._index.searcher()
        return self._searcher

    @property
    def schema(self) -> tantivy.Schema:
        assert self._index is not None
        return self._index.schema

    def total_docs(self) -> float:
        """The N of BM25's idf as tantivy counts it (deleted documents not yet merged
        away included), read from its own explanation of a score."""
        if self._total_docs is None:
            searcher = self.searcher()
            hits = searcher.search(tantivy.Query.all_query(), 1).hits
            if not hits:
                return 0.0
            address = hits[0][1]
            [issue_id] = searcher.fast_field_values("id", [address])
            query = tantivy.Query.term_query(self.schema, "id", issue_id)
            explained = json.loads(query.explain(searcher, address).to_json())
            self._total_docs = _find_total(explained) or float(searcher.num_docs)
        return self._total_docs

    def refresh(self, source: LibrarySource, in_transaction: bool) -> None:
        """Before a search: make sure the index holds every committed change.

        Inside an open transaction the index is searched as it is (it holds what was
        committed before the transaction)."""
        if self._index is None:
            raise IndexDamaged(say("the search index is not open"))
        if in_transaction or source.last_change() <= self.state.seq:
            return
        self._reload()
        if source.last_change() > self.state.seq:
            if not self.writable:
                raise IndexDamaged(
                    say("the search index is behind the library, which cannot be written here")
                )
            self.sync(source)

    def _reload(self) -> None:
        """Pick up what another process committed, or the build it swapped in."""
        name = self.folder.current()
        if name is None:
            raise IndexDamaged(say("the search index has been removed"))
        if name != self._build or self._index is None:
            try:
                self._open_current()
            except (_Missing, _OtherVersion):
                raise IndexDamaged(say("the search index has been replaced")) from None
            return
        if self._path != self.folder.build(name):
            return  # a copy of a build on a read-only disk: nothing changes there
        state = read_state(self._path)  # before the index, so it never claims more
        try:
            self._index.reload()
        except BaseException as error:
            if isinstance(error, ValueError | OSError) or is_panic(error):
                raise IndexDamaged(_first_line(error)) from None
            raise
        self._adopt(state)

    # Writing

    def sync(self, source: LibrarySource) -> None:
        """Apply every change the index does not hold yet."""
        if not self.writable or self._index is None or self._build is None:
            return
        if source.last_change() <= self.state.seq:
            return  # nothing new; under the lock below, what another process applied is re-read
        with self.folder.writing():
            self._reload()
            wanted = source.last_change()
            changes = source.changes_since(self.state.seq)
            if wanted > self.state.seq and (not changes or changes[0][0] != self.state.seq + 1):
                # Pruned (change_log.py) past what this index holds: an older index.
                raise IndexDamaged(say("it is older than the changes the library still lists"))
            if not changes:
                return
            changed = sorted({issue_id for _, issue_id, _ in changes})
            assert self._path is not None
            remove_temporary(self._path)
            with self._writer() as writer:
                # What an interrupted write left goes first: tantivy would reuse its names.
                writer.garbage_collect_files()
                schema = self.schema
                for issue_id in changed:
                    query = tantivy.Query.term_query(schema, "id", issue_id)
                    writer.delete_documents_by_query(query)
                for start in range(0, len(changed), BATCH):
                    for issue in source.get_many_present(changed[start : start + BATCH]):
                        assert issue.id is not None
                        writer.add_document(search_schema.document(issue, issue.id, self.common))
                writer.commit()
                state = dataclasses.replace(self.state, seq=changes[-1][0])
                # On a full disk the index holds these changes and the state says it does
                # not: they are replayed next time, which does no harm.
                with contextlib.suppress(BookstoreError, OSError):
                    write_state(self._path, state)
                with contextlib.suppress(ValueError):  # a merge that failed is redone later
                    writer.wait_merging_threads()
            self._index.reload()
            self._adopt(state)

    def applied(self) -> int | None:
        """The last change the index on disk holds while no rebuild is under way: the
        change log's rows up to it are needed by nobody (``change_log``). None when
        that cannot be told now."""
        if not self.writable:
            return None
        with self.folder.unless_rebuilding() as free:
            if not free:
                return None
            try:
                name = self.folder.current()
                return None if name is None else read_state(self.folder.build(name)).seq
            except (IndexDamaged, OSError):
                return None

    def rebuild(self, source: LibrarySource, job: Job | None = None, force: bool = False) -> bool:
        """Make the index again from the database, in a new build swapped in at the end.

        Returns False when another process made it again while this one waited for its
        turn (unless ``force``)."""
        job = job or Job()
        if not self.writable:
            self._rebuild_in_memory(source, job)
            return True
        seen = self._current() if force else self._seen
        with self.folder.rebuilding(job.check):
            current = self._current()
            if current != seen and self.problem(source, source.count()) is None:
                return False  # made again meanwhile
            self.folder.remove_unused(keep=current)
            fresh = self.folder.new_build()
            try:
                index = new_index(str(fresh))
                state = fill(index, source, job, fresh.name)
                write_state(fresh, state)
                del index  # closed before another process may remove its folder
                self.folder.swap_in(fresh)
            except BaseException as error:
                shutil.rmtree(fresh, ignore_errors=True)
                _raise_as_index_error(error, self.folder.path)
            self._index = None
            self._open_current()
            self.sync(source)  # changes committed while rebuilding
        return True

    def _current(self) -> str | None:
        try:
            return self.folder.current()
        except IndexDamaged:
            return None

    def _rebuild_in_memory(self, source: LibrarySource, job: Job) -> None:
        index = new_index(None)
        state = fill(index, source, job, "")
        index.reload()
        self._index = index
        self._build = self._path = None
        self._adopt(state)

    @contextlib.contextmanager
    def _writer(self) -> Iterator[tantivy.IndexWriter]:
        """tantivy's writer of the open build (the caller holds the write lock)."""
        assert self._index is not None
        index = self._index
        writer = acquire_writer(
            lambda: index.writer(_WRITER_HEAP, 1), self._busy_timeout, self.folder
        )
        try:
            yield writer
        except BaseException as error:
            with contextlib.suppress(Exception):
                writer.rollback()
            _raise_as_index_error(error, self.folder.path)
        finally:
            del writer


class _Missing(Exception):
    pass


class _OtherVersion(Exception):
    pass


def acquire_writer(
    make: Callable[[], tantivy.IndexWriter], timeout: float, folder: IndexFolder
) -> tantivy.IndexWriter:
    """The writer ``make`` gives once tantivy's own writer lock is free (it is, under
    ours, unless a process of an older version writes the same build); the one place
    where every index writer is made."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return make()
        except ValueError as error:
            if "LockBusy" not in str(error):
                _raise_as_index_error(error, folder.path)
            if time.monotonic() > deadline:
                raise IndexBusy(
                    say(
                        "{path}: the search index is busy: another program has been "
                        "updating it for more than {busy_timeout} seconds; try again when "
                        "it has finished",
                        path=folder.path,
                        busy_timeout=format(timeout, "g"),
                    )
                ) from None
            time.sleep(0.01)


def _raise_as_index_error(error: BaseException, folder: Path) -> NoReturn:
    """Raise a failure of tantivy or of our files as the sentence the user needs: a full
    disk, else damage. Anything else (a cancelled job, Ctrl-C, other sentences) as it is."""
    cause = error.__cause__ if isinstance(error, BookstoreError) else error
    if (isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT)) or any(
        sign in str(error) for sign in _DISK_FULL
    ):
        raise DiskFull(
            say(
                "{folder}: the disk is full, so the search index could not "
                "be written; the library's changes are kept, and the index "
                "catches up once space is freed",
                folder=folder,
            )
        ) from error
    if isinstance(error, ValueError) or is_panic(error):
        raise IndexDamaged(_first_line(error)) from error
    raise error


def _other_version() -> IndexProblem:
    return IndexProblem(
        ProblemKind.OTHER_VERSION, say("the search index was made by another version of Bookstore")
    )


def damaged_problem(error: BaseException) -> IndexProblem:
    """The problem of an index that a failure showed to be damaged."""
    return IndexProblem(
        ProblemKind.DAMAGED,
        say("the search index is damaged ({reason})", reason=_first_line(error)),
    )


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


def _find_total(node: dict) -> float | None:
    if str(node.get("description", "")).startswith("N,"):
        return float(node["value"])
    for child in node.get("details", []) or []:
        found = _find_total(child)
        if found is not None:
            return found
    return None


def index_size(library_root: Path) -> int:
    """Bytes of the index's current build."""
    folder = IndexFolder(library_root, busy_timeout=0)
    with contextlib.suppress(IndexDamaged):
        name = folder.current()
        if name is not None:
            build = folder.build(name)
            return sum(path.stat().st_size for path in build.iterdir() if path.is_file())
    return 0
