"""The search index: a tantivy index in the library folder, kept in step with the database.

The database is the one source of truth. Every save and removal writes a row to its
change log in the same transaction (``Library.changes_since``); the index records in
``state.json`` the last change it holds, and ``sync`` replays the changes after it:
each changed issue is deleted from the index and added again as the database has it
now, so replaying a change twice does no harm. ``sync`` runs after every commit that
changed issues, at open, and before a search that finds the index behind the
database (another process wrote, or one crashed between its commit and the index).

Only one process at a time may write a tantivy index: ``sync`` and ``rebuild`` take
tantivy's writer lock, waiting for another writer up to the library's busy timeout.
``state.json`` is written after the index commit, so it never claims more than the
index holds. A rebuild writes a new folder and swaps it in.

``problem`` says at open why the index cannot be used as it is (missing, damaged,
out of step, made by another version, or its common words picked from a much smaller
library); ``rebuild`` then makes it again from the database, reporting progress.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import struct
import time
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import tantivy

from bookstore.errors import LibraryError
from bookstore.fileio import write_bytes_atomically
from bookstore.jobs import Job
from bookstore.library import search_schema
from bookstore.model import Issue

FOLDER = "search-index"
STATE = "state.json"
CHECKED = "checked.json"
FORMAT = 1  # bump when the schema or the way text is indexed changes
REBUILD_GROWTH = 4  # pick the common words again when the library has grown this much
REBUILD_MINIMUM = 1000  # ... and holds at least this many issues
_BATCH = 500  # issues read from the database at a time while rebuilding
_WRITER_HEAP = 50_000_000
_FOOTER_MAGIC = 0x539


class IndexDamaged(LibraryError):
    """The index cannot be read; it will be rebuilt."""


@dataclass
class IndexState:
    seq: int = 0  # the last change of the database's change log the index holds
    common: list[str] = field(default_factory=list)
    sampled_from: int = 0  # how many issues the common words were picked from
    build: str = ""  # changes when the index is rebuilt (other processes reopen it)
    format: int = FORMAT


class LibrarySource:
    """What the index reads from the library (the Library implements it)."""

    def last_change(self) -> int: ...
    def count(self) -> int: ...
    def changes_since(self, seq: int) -> list[tuple[int, int, str]]: ...
    def all_issue_ids(self) -> list[int]: ...
    def get_many_present(self, ids: Sequence[int]) -> list[Issue]: ...


def is_panic(error: BaseException) -> bool:
    """tantivy reports a damaged index by a Rust panic: a BaseException, not an Exception."""
    return type(error).__name__ == "PanicException"


class SearchIndex:
    def __init__(self, library_root: Path, *, writable: bool, busy_timeout: float) -> None:
        self.folder = library_root / FOLDER
        self._writable = writable
        self._busy_timeout = busy_timeout
        self._index: tantivy.Index | None = None
        self.state = IndexState()
        self.common: frozenset[str] = frozenset()
        self._searcher: tantivy.Searcher | None = None
        self._total_docs: float | None = None

    # Opening and checking

    def problem(self, source: LibrarySource, issue_count: int) -> str | None:
        """Open the index; None when it is usable, else why it must be rebuilt."""
        if not (self.folder / STATE).is_file():
            return "the search index is missing"
        try:
            state = _read_state(self.folder)
            if state.format != FORMAT:
                return "the search index was made by another version of Bookstore"
            self._check_files()
            self._open(state)
        except IndexDamaged as error:
            return f"the search index is damaged ({error})"
        except OSError as error:
            return f"the search index cannot be read ({error.strerror or error})"
        if state.seq > source.last_change():
            return "the search index is ahead of the database (was the database restored?)"
        if issue_count >= max(REBUILD_MINIMUM, REBUILD_GROWTH * state.sampled_from):
            return (
                f"the library has grown from {state.sampled_from:,} to {issue_count:,} issues "
                "since the search index was made"
            )
        try:
            for _ in range(3):
                self.sync(source)
                seq, count = source.last_change(), source.count()
                if seq == self.state.seq or not self._writable:
                    break  # else another writer got in between: catch up again
        except IndexDamaged as error:
            return f"the search index is damaged ({error})"
        if seq > self.state.seq and not self._writable:
            return "the search index is behind the library, which cannot be written here"
        if seq == self.state.seq and self.searcher().num_docs != count:
            return "the search index is out of step with the database"
        return None

    def _open(self, state: IndexState) -> None:
        try:
            index = tantivy.Index.open(str(self.folder))
            index.register_tokenizer(search_schema.TOKENIZER, search_schema.analyzer())
            index.reload()
            index.searcher()
        except BaseException as error:
            if isinstance(error, ValueError | OSError) or is_panic(error):
                raise IndexDamaged(str(error).splitlines()[0]) from None
            raise
        self._index = index
        self._adopt(state)

    def _adopt(self, state: IndexState) -> None:
        self.state = state
        self.common = frozenset(state.common)
        self._searcher = None
        self._total_docs = None

    def _check_files(self) -> None:
        """Verify the checksum in the footer of every index file not checked before
        (tantivy files never change once written; ``checked.json`` remembers them)."""
        checked_path = self.folder / CHECKED
        try:
            checked = json.loads(checked_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            checked = {}
        try:
            meta = json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise IndexDamaged(f"meta.json cannot be read: {error}") from None
        still = {}
        for segment in meta.get("segments", []):
            prefix = segment["segment_id"].replace("-", "")
            for path in self.folder.glob(f"{prefix}.*"):
                stat = path.stat()
                signature = [stat.st_size, stat.st_mtime_ns]
                if checked.get(path.name) != signature:
                    _verify_footer(path)
                still[path.name] = signature
        if still != checked and self._writable:
            with contextlib.suppress(OSError):
                write_bytes_atomically(checked_path, json.dumps(still).encode())

    def verify(self, source: LibrarySource) -> list[str]:
        """Every problem of the index, one sentence each (for ``bookstore check``)."""
        if self.search_index_missing():
            return ["the search index is missing (it is made again at the next opening)"]
        try:
            state = _read_state(self.folder)
            for path in self.folder.iterdir():
                if path.suffix not in (".json", ".lock") and path.is_file():
                    _verify_footer(path)
            self.refresh(source, in_transaction=False)
            searcher = self.searcher()
            hits = (
                searcher.search(
                    tantivy.Query.all_query(),
                    max(1, searcher.num_docs),
                    count=False,
                    order_by_field="recency",
                ).hits
                if searcher.num_docs
                else []
            )
        except BaseException as error:
            if isinstance(error, LibraryError) or is_panic(error):
                return [f"the search index is damaged ({str(error).splitlines()[0]})"]
            raise
        indexed = {search_schema.id_of_recency(key) for key, _ in hits}
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

    def search_index_missing(self) -> bool:
        return not (self.folder / STATE).is_file()

    # Reading

    def searcher(self) -> tantivy.Searcher:
        if self._index is None:
            raise IndexDamaged("the search index is not open")
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
        if in_transaction or source.last_change() <= self.state.seq:
            return
        self._reload()
        if source.last_change() > self.state.seq:
            if not self._writable:
                raise IndexDamaged(
                    "the search index is behind the library, which cannot be written here"
                )
            self.sync(source)

    def _reload(self) -> None:
        """Pick up what another process committed (or a rebuild it swapped in)."""
        try:
            state = _read_state(self.folder)
        except IndexDamaged:
            return
        if self._index is None or state.build != self.state.build:
            self._open(state)
        else:
            self._index.reload()
            self._adopt(state)

    # Writing

    def sync(self, source: LibrarySource) -> None:
        """Apply every change the index does not hold yet."""
        if not self._writable or self._index is None:
            return
        if source.last_change() <= self.state.seq:
            return  # nothing new; under the lock below, what another process applied is re-read
        with self._writer() as writer:
            self._reload()
            changes = source.changes_since(self.state.seq)
            if not changes:
                return
            changed = sorted({issue_id for _, issue_id, _ in changes})
            schema = self.schema
            for issue_id in changed:
                writer.delete_documents_by_query(tantivy.Query.term_query(schema, "id", issue_id))
            for start in range(0, len(changed), _BATCH):
                for issue in source.get_many_present(changed[start : start + _BATCH]):
                    assert issue.id is not None
                    writer.add_document(search_schema.document(issue, issue.id, self.common))
            writer.commit()
            # Written while the lock is held, so that it never claims more than this
            # folder's index holds (a rebuild swaps folders only under this lock).
            state = IndexState(**{**asdict(self.state), "seq": changes[-1][0]})
            _write_state(self.folder, state)
            writer.wait_merging_threads()  # also releases the lock
        self._index.reload()
        self._adopt(state)

    def rebuild(self, source: LibrarySource, job: Job | None = None) -> None:
        """Make the index again from the database, in a new folder swapped in at the end."""
        job = job or Job()
        if not self._writable:
            self._rebuild_in_memory(source, job)
            return
        _remove_abandoned(self.folder)
        fresh = self.folder.with_name(f"{FOLDER}.new-{uuid.uuid4().hex}")
        fresh.mkdir(parents=True)
        try:
            index = _new_index(str(fresh))
            state = self._fill(index, source, job)
            _write_state(fresh, state)
            del index  # closed before its folder moves
            self._swap_in(fresh)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        self._index = None
        self._open(state)
        self.sync(source)  # changes committed while rebuilding

    def _swap_in(self, fresh: Path) -> None:
        """Put the folder ``fresh`` in the index's place, under the old index's writer
        lock (another process may be rebuilding too: the last one wins)."""
        for attempt in range(3):
            old = self.folder.with_name(f"{FOLDER}.old-{uuid.uuid4().hex}")
            try:
                with self._writer_of(self.folder) if self.folder.exists() else _nothing():
                    if self.folder.exists():
                        self.folder.rename(old)
                    fresh.rename(self.folder)
            except OSError:
                if attempt == 2:
                    raise
                continue
            finally:
                shutil.rmtree(old, ignore_errors=True)
            return

    def _rebuild_in_memory(self, source: LibrarySource, job: Job) -> None:
        index = _new_index(None)
        state = self._fill(index, source, job)
        index.reload()
        self._index = index
        self._adopt(state)

    def _fill(
        self,
        index: tantivy.Index,
        source: LibrarySource,
        job: Job,
    ) -> IndexState:
        seq = source.last_change()  # changes after this are replayed by sync()
        ids = source.all_issue_ids()
        total = len(ids)
        job.report(0.0, f"Rebuilding the search index: 0 of {total:,} issues")
        sample = _spread(ids, search_schema.COMMON_SAMPLE)
        common = search_schema.common_words(source.get_many_present(sample))
        if len(sample) < search_schema.COMMON_SAMPLE // 10:
            common = frozenset()  # too few issues to tell; phrases are quick here anyway
        writer = index.writer(_WRITER_HEAP * 2, 0)
        try:
            for start in range(0, total, _BATCH):
                for issue in source.get_many_present(ids[start : start + _BATCH]):
                    assert issue.id is not None
                    writer.add_document(search_schema.document(issue, issue.id, common))
                done = min(total, start + _BATCH)
                job.report(
                    done / max(total, 1),
                    f"Rebuilding the search index: {done:,} of {total:,} issues",
                )
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            with contextlib.suppress(Exception):
                writer.rollback()
            raise
        return IndexState(seq, sorted(common), total, uuid.uuid4().hex)

    @contextlib.contextmanager
    def _writer(self) -> Iterator[tantivy.IndexWriter]:
        assert self._index is not None
        index = self._index
        writer = _acquire(lambda: index.writer(_WRITER_HEAP, 1), self._busy_timeout, self.folder)
        try:
            yield writer
        except BaseException:
            with contextlib.suppress(Exception):
                writer.rollback()
            raise
        finally:
            del writer

    @contextlib.contextmanager
    def _writer_of(self, folder: Path) -> Iterator[None]:
        """Hold the writer lock of the index in ``folder`` (if it can be opened)."""
        try:
            index = tantivy.Index.open(str(folder))
        except BaseException as error:
            if isinstance(error, ValueError | OSError) or is_panic(error):
                yield
                return
            raise
        writer = _acquire(lambda: index.writer(15_000_000, 1), self._busy_timeout, folder)
        try:
            yield
        finally:
            del writer


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def _acquire(
    make: Callable[[], tantivy.IndexWriter], timeout: float, folder: Path
) -> tantivy.IndexWriter:
    """tantivy's writer, waiting while another process (or thread) holds its lock."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return make()
        except ValueError as error:
            if "LockBusy" not in str(error):
                raise IndexDamaged(str(error).splitlines()[0]) from None
            if time.monotonic() > deadline:
                raise LibraryError(
                    f"{folder}: the search index is busy: another program has been "
                    f"updating it for more than {timeout:g} seconds; try again when it has finished"
                ) from None
            time.sleep(0.01)


def _new_index(path: str | None) -> tantivy.Index:
    index = tantivy.Index(search_schema.build_schema(), path=path, reuse=False)
    index.register_tokenizer(search_schema.TOKENIZER, search_schema.analyzer())
    return index


def _spread(ids: list[int], count: int) -> list[int]:
    """At most ``count`` ids spread evenly over ``ids``."""
    if len(ids) <= count:
        return list(ids)
    step = len(ids) / count
    return [ids[int(i * step)] for i in range(count)]


def _read_state(folder: Path) -> IndexState:
    try:
        data = json.loads((folder / STATE).read_text(encoding="utf-8"))
        return IndexState(**data)
    except (OSError, ValueError, TypeError) as error:
        raise IndexDamaged(f"{STATE} cannot be read: {error}") from None


def _write_state(folder: Path, state: IndexState) -> None:
    write_bytes_atomically(folder / STATE, json.dumps(asdict(state)).encode())


def _verify_footer(path: Path) -> None:
    """tantivy ends each file with a JSON footer holding the CRC-32 of what precedes it."""
    data = path.read_bytes()
    if path.suffix in (".lock",) or len(data) == 0:
        return
    try:
        length, magic = struct.unpack("<II", data[-8:])
        if magic != _FOOTER_MAGIC or length > len(data) - 8:
            raise ValueError("no footer")
        footer = json.loads(data[-8 - length : -8])
        if zlib.crc32(data[: -8 - length]) != footer["crc"]:
            raise ValueError("checksum mismatch")
    except (ValueError, KeyError, struct.error) as error:
        raise IndexDamaged(f"{path.name}: {error}") from None


def _find_total(node: dict) -> float | None:
    if str(node.get("description", "")).startswith("N,"):
        return float(node["value"])
    for child in node.get("details", []) or []:
        found = _find_total(child)
        if found is not None:
            return found
    return None


def _remove_abandoned(folder: Path, age: float = 3600.0) -> None:
    """Remove what rebuilds interrupted an hour ago or more left beside the index."""
    for path in folder.parent.glob(f"{FOLDER}.*-*"):
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime > age:
                shutil.rmtree(path, ignore_errors=True)


def index_size(library_root: Path) -> int:
    folder = library_root / FOLDER
    return (
        sum(path.stat().st_size for path in folder.iterdir() if path.is_file())
        if folder.is_dir()
        else 0
    )
