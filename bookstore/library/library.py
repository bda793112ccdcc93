"""The Library: one SQLite database plus a files folder, and everything done to them.

A Library object owns one connection and belongs to the thread that opened it;
another thread (a GUI worker) opens its own Library on the same folder (WAL lets
readers and one writer work side by side).

The managers of the library package (editing, listing, facets, removal, saved
searches, subscriptions, reading, series gaps) are functions of a Library: they read
and write through its documented ``db`` and ``transaction()``, note changed issues
with ``log_change``, and stage files with ``stage_file``. Its search index and the
policy that keeps the index in step are ``search_engine`` (``search/engine.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import tantivy

from bookstore.errors import BookstoreError, LibraryError, NotFound
from bookstore.i18n.messages import Message, say
from bookstore.jobs import Job
from bookstore.library import opening, safe_names
from bookstore.library.db import connection as database
from bookstore.library.db import rows
from bookstore.library.files import integrity, trash
from bookstore.library.files.staging import Settled
from bookstore.library.files.transactions import Chunks, Transactions
from bookstore.library.ids import LARGEST_ID, storable
from bookstore.library.sample import sample_catalog
from bookstore.library.search import ranking
from bookstore.library.search.compile import Compiled
from bookstore.library.search.engine import SearchEngine
from bookstore.library.search.index import IndexProblem
from bookstore.library.search.query import parse
from bookstore.library.search.ranking import Sort
from bookstore.library.search.snippets import Highlighter
from bookstore.model import FileRef, Issue, Series

DATABASE_NAME = opening.DATABASE_NAME
FILES_FOLDER = opening.FILES_FOLDER
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another before giving up
CHUNK_SECONDS = 0.5  # how long a long job holds the write lock between commits


@dataclass(frozen=True)
class SaveResult:
    id: int
    created: bool


@dataclass(frozen=True)
class SearchHit:
    issue: Issue
    snippet: str  # part of the lead and text, hits wrapped in \x02 ... \x03
    title: str  # the title, hits wrapped the same way


class Library:
    def __init__(
        self,
        root: Path,
        db: sqlite3.Connection,
        *,
        read_only: Message | None = None,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> None:
        self.root = root
        self.files_dir = root / FILES_FOLDER
        # The connection, for this package's managers: read at will; write only inside
        # ``transaction()`` (or ``chunks()``), and ``log_change`` every issue saved or
        # removed in the same transaction, so that the search index follows.
        self.db = db
        self._series: dict[str, Series] | None = None
        self._data_version = 0
        # The index is derived data: it is kept up to date wherever the folder can be
        # written, even when the library itself was opened read-only (a server).
        self.search_engine = SearchEngine(
            self,
            root,
            writable=read_only is None or os.access(root, os.W_OK),
            busy_timeout=busy_timeout,
        )
        self._tx = Transactions(
            db,
            root,
            self.files_dir,
            busy_timeout=busy_timeout,
            read_only=read_only,
            on_rollback=self._forget_caches,
        )
        self.tidied = Settled()  # what opening it finished or removed after a crash

    # Opening and closing

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        with_sample: bool = True,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT,
        check: bool = True,
    ) -> Library:
        """Open the library at ``path`` (see ``library_path``), creating it on first use.

        A new library is filled with the sample catalog unless ``with_sample`` is False.
        A library on a read-only folder or disk opens read-only, as does any with
        ``read_only``: reading works, changes raise ReadOnlyLibrary. Writers wait up to
        ``busy_timeout`` seconds for each other. ``check`` runs SQLite's quick_check
        when the database is small enough for it to be quick. What an interrupted
        write left is finished or removed; ``tidied`` says what was done. The copies
        of removed issues' files that no removal can restore any more are deleted
        (``purge_trash``).
        """
        return opening.open_library(cls, path, with_sample, read_only, busy_timeout, check)

    def close(self) -> None:
        self.search_engine.close()
        self._tx.close()
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def set_read_memory(self, mmap_bytes: int, cache_kib: int) -> None:
        """Let this connection map at most ``mmap_bytes`` of the database into memory
        and keep ``cache_kib`` KiB of pages (the defaults suit a command or a server;
        the window, which stays open, asks for less)."""
        database.set_read_memory(self.db, mmap_bytes, cache_kib)

    @property
    def database_path(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def read_only(self) -> str | None:
        """Why the library is read-only, or None when it can be changed."""
        return self._tx.read_only

    # Writing

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all of them land, or none, files included (``attach_file``).

        The outermost transaction takes the write lock (``BEGIN IMMEDIATE``, waiting
        up to ``busy_timeout`` for other writers, then LibraryBusy); inner ones are
        savepoints. Keep a transaction short (under a second): other processes and
        the window's workers wait for it. Long jobs use ``chunks()``.
        """
        with self._tx.transaction():
            yield

    @contextlib.contextmanager
    def chunks(self, seconds: float = CHUNK_SECONDS) -> Iterator[Chunks]:
        """For long jobs: items each in a savepoint, committed every ``seconds``.

        During the job the search index catches up at most every ``SEARCH_SYNC_SECONDS``
        (each catching up costs an index commit) and once more at the end; a search
        meanwhile catches up first, and a crash is caught up at the next opening."""
        with self.search_engine.batch(), Chunks(self._tx, seconds) as chunks:
            yield chunks

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the current transaction commits (not if it rolls back)."""
        self._tx.after_commit(callback)

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction of this library is open now."""
        return self._tx.active

    def log_change(self, issue_id: int, change: str) -> None:
        """Note in the change log, inside the transaction that made it, that an issue
        was ``"saved"`` or ``"removed"``; the search index catches up after the commit."""
        self.db.execute(
            "INSERT INTO change_log (issue_id, change) VALUES (?, ?)", (issue_id, change)
        )
        self.search_engine.changed()

    def stage_file(self, kind: str, relative: str, data: bytes | Path) -> FileRef:
        """Inside a transaction: put ``data`` (bytes, or a file to copy) at ``relative``
        in the files folder when the transaction commits (``attach_file`` checks the path
        first; a caller of this must too)."""
        return self._tx.staged.stage(kind, relative, data)

    def settle_leftovers(self) -> Settled:
        """Finish or remove what an interrupted write left in the files folder."""
        return self._tx.settle_leftovers()

    def purge_trash(self) -> int:
        """Delete the copies of removed issues' files that no removal can restore any
        more (their undo history has ended: a closed window, an ended process); how
        many removals' copies were deleted. Opening a library does it too."""
        if self.read_only is not None:
            return 0
        return trash.purge(self.root)

    def changes_since(self, seq: int = 0) -> list[tuple[int, int, str]]:
        """``(seq, issue id, "saved" | "removed")`` for every change after ``seq``, in
        commit order; they are written in the same transaction as the change."""
        return list(
            self.db.execute(
                "SELECT seq, issue_id, change FROM change_log WHERE seq > ? ORDER BY seq", (seq,)
            )
        )

    def translate(self, error: BaseException) -> LibraryError | None:
        """A sentence for a database or disk error the user must act on (a damaged
        database, a full disk), else None. A damaged database refuses writes from then on."""
        return self._tx.translate(error)

    def _forget_caches(self) -> None:
        self._series = None
        self.search_engine.rolled_back()

    def _refresh_caches(self) -> None:
        """Forget cached series and years when another connection has committed."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._data_version = version
            self._forget_caches()

    def changed(self) -> None:
        """Forget what is cached about the library's contents (after a write made by the
        library package's own modules: editing, removal and restoring)."""
        self._forget_caches()

    # Series

    def series(self) -> list[Series]:
        return sorted(self._series_by_slug().values(), key=lambda s: s.name.casefold())

    def series_named(self, slug: str) -> Series:
        try:
            return self._series_by_slug()[slug]
        except KeyError:
            raise NotFound(say("there is no series “{slug}” in the library", slug=slug)) from None

    def put_series(self, series: Series) -> None:
        """Add or change a series; raises UnsafeName for a slug that could not name a folder."""
        safe_names.check_slug(series.slug)
        with self.transaction():
            self.db.execute(
                "INSERT INTO series (slug, names, numbering, issn, price_amount, price_currency) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET names = excluded.names, "
                "numbering = excluded.numbering, issn = excluded.issn, "
                "price_amount = excluded.price_amount, price_currency = excluded.price_currency",
                rows.series_values(series),
            )
        self._series = None

    def issue_counts(self) -> dict[str, int]:
        """How many issues each series has."""
        return dict(self.db.execute("SELECT series, count(*) FROM issue GROUP BY series"))

    def _series_by_slug(self) -> dict[str, Series]:
        self._refresh_caches()
        if self._series is None:
            query = "SELECT slug, names, numbering, issn, price_amount, price_currency FROM series"
            self._series = {row[0]: rows.series_from_row(row) for row in self.db.execute(query)}
        return self._series

    # Issues

    def get(self, issue_id: int) -> Issue:
        found = rows.load_issues(self.db, [issue_id], self._series_by_slug())
        if not found:
            raise NotFound(
                say("there is no issue with id {issue_id} in the library", issue_id=issue_id)
            )
        return found[0]

    def get_many(self, ids: Sequence[int]) -> list[Issue]:
        """The issues with these ids in this order; raises NotFound naming any unknown id."""
        found = rows.load_issues(self.db, list(ids), self._series_by_slug())
        missing = sorted(set(ids) - {issue.id for issue in found})
        if missing:
            listed = ", ".join(str(i) for i in missing)
            raise NotFound(
                say("there is no issue with id {issue_id} in the library", issue_id=listed)
            )
        return found

    def list_issues(
        self,
        series: str | None = None,
        year: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Issue]:
        """Issues newest first, optionally of one series and year."""
        if series is not None:
            self.series_named(series)
        sql = (
            "SELECT id FROM issue WHERE (? IS NULL OR series = ?) AND (? IS NULL OR year = ?) "
            "ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"
        )
        if year is not None and not storable(year):
            return []  # no issue has such a year (and SQLite could not be asked)
        # A count beyond SQLite's integers means "all"; beyond them an offset skips all.
        limit = -1 if limit is None else min(limit, LARGEST_ID)
        params = (series, series, year, year, limit, min(offset, LARGEST_ID))
        ids = [row[0] for row in self.db.execute(sql, params)]
        return rows.load_issues(self.db, ids, self._series_by_slug())

    def highest_number(self, series: str, year: int) -> int:
        """The highest number held in a series' year (0 when it holds none)."""
        query = "SELECT max(number) FROM issue WHERE series = ? AND year = ?"
        return self.db.execute(query, (series, year)).fetchone()[0] or 0

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM issue").fetchone()[0]

    def find_existing(self, issue: Issue) -> int | None:
        """The id of the issue this one would update: same series, year, number and
        language, or else the same source URL."""
        row = self.db.execute(
            "SELECT id FROM issue WHERE series = ? AND year = ? AND number = ? AND language = ?",
            (issue.series.slug, issue.year, issue.number, issue.language),
        ).fetchone()
        if row is None and issue.source_url:
            row = self.db.execute(
                "SELECT id FROM issue WHERE source_url = ?", (issue.source_url,)
            ).fetchone()
        return row[0] if row else None

    def save(self, issue: Issue) -> SaveResult:
        """Add ``issue``, or update the issue it duplicates (see ``find_existing``)."""
        with self.transaction():
            if issue.series.slug not in self._series_by_slug():
                self.put_series(issue.series)
            existing = self.find_existing(issue)
            values = rows.issue_values(issue)
            try:
                if existing is None:
                    issue_id = self._insert(values, issue.owned)
                else:
                    self._update(existing, values, issue.owned)
                    issue_id = existing
            except sqlite3.IntegrityError as error:
                raise BookstoreError(
                    say(
                        "{label} clashes with an issue already in the library ({error})",
                        label=issue.label,
                        error=error,
                    )
                ) from error
            rows.write_children(self.db, issue_id, issue)
            self.log_change(issue_id, "saved")
        return SaveResult(issue_id, existing is None)

    def _insert(self, values: dict, owned: bool) -> int:
        now = _now()
        values = {**values, "added_at": now, "acquired_at": now if owned else None}
        names = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        cursor = self.db.execute(f"INSERT INTO issue ({names}) VALUES ({marks})", values)
        return int(cursor.lastrowid or 0)

    def _update(self, issue_id: int, values: dict, owned: bool) -> None:
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        if owned:
            assignments += ", acquired_at = coalesce(acquired_at, :now)"
        self.db.execute(
            f"UPDATE issue SET {assignments} WHERE id = :id",
            {**values, "id": issue_id, "now": _now()},
        )

    def remove(self, issue_id: int) -> Issue:
        """Remove an issue and its files; returns what was removed."""
        with self.transaction():
            issue = self.get(issue_id)
            self.db.execute("DELETE FROM issue WHERE id = ?", (issue_id,))
            for file in issue.files:
                # A bundle other issues share stays, and so does a path leading outside.
                if self._deletable(file.path):
                    self._tx.staged.delete(file.path)
            self.log_change(issue_id, "removed")
        return issue

    def attach_file(self, issue_id: int, kind: str, data: bytes | Path, suffix: str) -> FileRef:
        """Store ``data`` (bytes, or a file to copy) as the issue's file of this kind,
        replacing an older one.

        The file is staged and moved into place when the outermost transaction
        commits; until then the old file stays, and a rollback leaves no trace. Its path
        is made only of safe names (``safe_names``): an unknown kind or suffix, or a
        path that would leave the files folder, raises UnsafeName.
        """
        with self.transaction():
            row = (
                storable(issue_id)
                and self.db.execute(
                    "SELECT series, year, number, language FROM issue WHERE id = ?", (issue_id,)
                ).fetchone()
            )
            if not row:
                raise NotFound(
                    say("there is no issue with id {issue_id} in the library", issue_id=issue_id)
                )
            relative = safe_names.issue_file_path(*row, kind, suffix)
            safe_names.inside(self.files_dir, relative)
            old = self.db.execute(
                "SELECT path FROM issue_file WHERE issue_id = ? AND kind = ?", (issue_id, kind)
            ).fetchone()
            ref = self.stage_file(kind, relative, data)
            self.db.execute(
                "INSERT OR REPLACE INTO issue_file (issue_id, kind, path, sha256, size) "
                "VALUES (?, ?, ?, ?, ?)",
                (issue_id, ref.kind, ref.path, ref.sha256, ref.size),
            )
            if old is not None and old[0] != relative and self._deletable(old[0]):
                self._tx.staged.delete(old[0])
        return ref

    def file_path(self, file: FileRef) -> Path:
        """Where a file of an issue is on disk; raises UnsafeName for a stored path that
        leads outside the files folder (``check`` lists them)."""
        return safe_names.inside(self.files_dir, file.path)

    def _file_in_use(self, relative: str) -> bool:
        query = "SELECT 1 FROM issue_file WHERE path = ? LIMIT 1"
        return self.db.execute(query, (relative,)).fetchone() is not None

    def _deletable(self, relative: str) -> bool:
        return safe_names.stays_inside(self.files_dir, relative) and not self._file_in_use(relative)

    def find_by_identifier(self, identifiers: Sequence[str]) -> int | None:
        """The issue a book with any of these identifiers was imported into."""
        for identifier in identifiers:
            query = "SELECT issue_id FROM issue_identifier WHERE identifier = ?"
            row = self.db.execute(query, (identifier,)).fetchone()
            if row:
                return int(row[0])
        return None

    def add_identifiers(self, issue_id: int, identifiers: Sequence[str]) -> None:
        """Remember that a book with these identifiers is the issue ``issue_id``."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO issue_identifier (identifier, issue_id) VALUES (?, ?)",
                [(identifier, issue_id) for identifier in identifiers],
            )

    def attach_shared_file(
        self, issue_ids: Sequence[int], kind: str, data: bytes, suffix: str
    ) -> FileRef:
        """Store ``data`` once (named by its checksum) as the file of this kind of every
        issue in ``issue_ids``: a bundle that holds them all. Staged like ``attach_file``."""
        digest = hashlib.sha256(data).hexdigest()
        ref = FileRef(kind, safe_names.shared_file_path(kind, digest, suffix), digest, len(data))
        safe_names.inside(self.files_dir, ref.path)
        with self.transaction():
            if not self._file_in_use(ref.path):
                ref = self.stage_file(kind, ref.path, data)
            self.db.executemany(
                "INSERT OR REPLACE INTO issue_file (issue_id, kind, path, sha256, size) "
                "VALUES (?, ?, ?, ?, ?)",
                [(issue_id, ref.kind, ref.path, ref.sha256, ref.size) for issue_id in issue_ids],
            )
        return ref

    # Search

    def search(
        self, text: str, sort: Sort | str = Sort.RELEVANCE, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        """One page of issues matching the query ``text``; see ``search.query`` for the
        syntax and docs/developers/search-index.md for the ranking."""
        node = parse(text)
        ids = self.search_engine.searching(lambda compiled, searcher: ranking.run(
            searcher, compiled, Sort(sort), limit, offset
        ), node)  # fmt: skip
        issues = rows.load_issues(self.db, ids, self._series_by_slug())
        highlighter = Highlighter.for_query(node)
        return [
            SearchHit(
                issue,
                highlighter.snippet(f"{issue.lead}\n{issue.body_text()}"),
                highlighter.mark(issue.title),
            )
            for issue in issues
        ]

    def search_count(self, text: str) -> int:
        return self.search_engine.searching(
            lambda compiled, searcher: ranking.count(searcher, compiled), parse(text)
        )

    def search_ids(self, text: str, sort: Sort | str = Sort.DATE, limit: int = -1) -> list[int]:
        """The ids matching the query in this order (all of them unless ``limit``)."""
        return self.search_engine.searching(
            lambda compiled, searcher: ranking.run(searcher, compiled, Sort(sort), limit, 0),
            parse(text),
        )

    def search_page(
        self, text: str, sort: Sort | str, limit: int, offset: int = 0
    ) -> tuple[list[int], int]:
        """One page of matching ids in this order, and how many match in all (one
        look at the index for both, as a catalog page needs)."""

        def page(compiled: Compiled, searcher: tantivy.Searcher) -> tuple[list[int], int]:
            ids = ranking.run(searcher, compiled, Sort(sort), limit, offset)
            return ids, ranking.count(searcher, compiled)

        return self.search_engine.searching(page, parse(text))

    def search_results(
        self,
        text: str,
        sort: Sort | str = Sort.RELEVANCE,
        *,
        descending: bool = True,
        only: ranking.Only | None = None,
    ) -> ranking.Results:
        """The matches of the query as a ``Results``: the exact count now, the ids read
        from the top a range at a time (``prefix``), all from one snapshot of the index.
        ``only`` keeps the issues with given properties without changing the ranking.
        Needs no database connection once made (another thread may read on)."""

        def results(compiled: Compiled, searcher: tantivy.Searcher) -> ranking.Results:
            if only is not None:
                compiled = only.restrict(compiled, self.search_engine.index.schema)
            return ranking.Results(searcher, compiled, Sort(sort), descending)

        return self.search_engine.searching(results, parse(text))

    @property
    def search_index_problem(self) -> IndexProblem | None:
        """Why the search index cannot be used as it is (said at open), or None; the
        first search rebuilds what must be rebuilt (``rebuild_search_index``)."""
        return self.search_engine.problem

    @search_index_problem.setter
    def search_index_problem(self, problem: IndexProblem | None) -> None:
        self.search_engine.problem = problem

    @property
    def search_index_behind(self) -> str | None:
        """Why the index could not be given the last changes (a full disk), or None."""
        return self.search_engine.behind

    def rebuild_search_index(self, job: Job | None = None, *, force: bool = False) -> bool:
        """Make the search index again from the database (see ``SearchEngine.rebuild``)."""
        return self.search_engine.rebuild(job, force=force)

    @property
    def search_index_writable(self) -> bool:
        """Whether the search index can be written here (else it is made in memory)."""
        return self.search_engine.writable

    # What the search index reads (search.source.LibrarySource)

    def last_change(self) -> int:
        """The seq of the last change committed (0: none yet)."""
        row = self.db.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'"
        ).fetchone()
        return int(row[0]) if row else 0

    def all_issue_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM issue ORDER BY id")]

    def get_many_present(self, ids: Sequence[int]) -> list[Issue]:
        """The issues with these ids that exist, in this order."""
        return rows.load_issues(self.db, list(ids), self._series_by_slug())

    # Checking

    def check(self) -> list[str]:
        """Every problem found in the database, the search index and the files, one
        sentence each (``integrity.check``); empty when the library is sound."""
        problems = integrity.check(self.db, self.root, self.files_dir)
        if problems and problems[0].startswith("database:"):
            return problems
        return problems + [f"search index: {problem}" for problem in self.search_engine.verify()]

    # Sample

    def add_sample_catalog(self) -> int:
        series, issues = sample_catalog()
        with self.transaction():
            for entry in series:
                self.put_series(entry)
            for issue in issues:
                self.save(issue)
        return len(issues)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
