"""The Library: one SQLite database plus a files folder, and everything done to them.

A Library object owns one connection and belongs to the thread that opened it;
another thread (a GUI worker) opens its own Library on the same folder (WAL lets
readers and one writer work side by side).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bookstore.errors import BookstoreError, LibraryError, NotFound
from bookstore.fileio import write_bytes_atomically
from bookstore.library import fulltext, rows
from bookstore.library import search as search_engine
from bookstore.library.database import connect
from bookstore.library.folding import fold
from bookstore.library.fulltext import Highlighter
from bookstore.library.location import library_path
from bookstore.library.query import parse
from bookstore.library.sample import sample_catalog
from bookstore.library.search import Sort
from bookstore.library.search_sql import FieldValues, compile_query
from bookstore.model import FileRef, Issue, Series

DATABASE_NAME = "library.sqlite"
FILES_FOLDER = "files"


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
    def __init__(self, root: Path, db: sqlite3.Connection) -> None:
        self.root = root
        self.files_dir = root / FILES_FOLDER
        self._db = db
        self._series: dict[str, Series] | None = None
        self._years: list[int] | None = None
        self._density: dict[str, float] = {}  # how common words are; emptied on writes

    # Opening and closing

    @classmethod
    def open(cls, path: str | Path | None = None, *, with_sample: bool = True) -> Library:
        """Open the library at ``path`` (see ``library_path``), creating it on first use.

        A new library is filled with the sample catalog unless ``with_sample`` is False.
        """
        root = library_path(path)
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root}: the library must be a folder, and this is a file")
        try:
            (root / FILES_FOLDER).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"{root}: cannot create the library folder ({error.strerror})"
            ) from error
        database = root / DATABASE_NAME
        is_new = not database.exists()
        library = cls(root, connect(database))
        if is_new and with_sample:
            try:
                library.add_sample_catalog()
            except BaseException:
                library.close()
                for suffix in ("", "-wal", "-shm"):
                    database.with_name(database.name + suffix).unlink(missing_ok=True)
                raise
        return library

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all of them land, or none. Transactions nest (savepoints)."""
        name = f"sp{id(self)}_{self._db.total_changes}"
        self._db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._db.execute(f"ROLLBACK TO {name}")
            self._db.execute(f"RELEASE {name}")
            self._series = self._years = None
            self._density.clear()
            raise
        self._db.execute(f"RELEASE {name}")

    # Series

    def series(self) -> list[Series]:
        return sorted(self._series_by_slug().values(), key=lambda s: s.name.casefold())

    def series_named(self, slug: str) -> Series:
        try:
            return self._series_by_slug()[slug]
        except KeyError:
            raise NotFound(f"there is no series “{slug}” in the library") from None

    def put_series(self, series: Series) -> None:
        self._db.execute(
            "INSERT INTO series (slug, names, numbering, issn, price_amount, price_currency) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET names = excluded.names, "
            "numbering = excluded.numbering, issn = excluded.issn, "
            "price_amount = excluded.price_amount, price_currency = excluded.price_currency",
            rows.series_values(series),
        )
        self._series = None

    def issue_counts(self) -> dict[str, int]:
        """How many issues each series has."""
        return dict(self._db.execute("SELECT series, count(*) FROM issue GROUP BY series"))

    def _series_by_slug(self) -> dict[str, Series]:
        if self._series is None:
            query = "SELECT slug, names, numbering, issn, price_amount, price_currency FROM series"
            self._series = {row[0]: rows.series_from_row(row) for row in self._db.execute(query)}
        return self._series

    # Issues

    def get(self, issue_id: int) -> Issue:
        found = rows.load_issues(self._db, [issue_id], self._series_by_slug())
        if not found:
            raise NotFound(f"there is no issue with id {issue_id} in the library")
        return found[0]

    def get_many(self, ids: Sequence[int]) -> list[Issue]:
        """The issues with these ids in this order; raises NotFound naming any unknown id."""
        found = rows.load_issues(self._db, list(ids), self._series_by_slug())
        missing = sorted(set(ids) - {issue.id for issue in found})
        if missing:
            listed = ", ".join(str(i) for i in missing)
            raise NotFound(f"there is no issue with id {listed} in the library")
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
        params = (series, series, year, year, -1 if limit is None else limit, offset)
        ids = [row[0] for row in self._db.execute(sql, params)]
        return rows.load_issues(self._db, ids, self._series_by_slug())

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM issue").fetchone()[0]

    def find_existing(self, issue: Issue) -> int | None:
        """The id of the issue this one would update: same series, year, number and
        language, or else the same source URL."""
        row = self._db.execute(
            "SELECT id FROM issue WHERE series = ? AND year = ? AND number = ? AND language = ?",
            (issue.series.slug, issue.year, issue.number, issue.language),
        ).fetchone()
        if row is None and issue.source_url:
            row = self._db.execute(
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
                    fulltext.unindex(self._db, existing, self.get(existing))
                    self._update(existing, values, issue.owned)
                    issue_id = existing
            except sqlite3.IntegrityError as error:
                raise BookstoreError(
                    f"{issue.label} clashes with an issue already in the library ({error})"
                ) from error
            rows.write_children(self._db, issue_id, issue)
            fulltext.index(self._db, issue_id, replace(issue, owned=self._owned(issue_id)))
        self._years = None
        self._density.clear()
        return SaveResult(issue_id, existing is None)

    def _owned(self, issue_id: int) -> bool:
        query = "SELECT acquired_at IS NOT NULL FROM issue WHERE id = ?"
        return bool(self._db.execute(query, (issue_id,)).fetchone()[0])

    def _insert(self, values: dict, owned: bool) -> int:
        now = _now()
        values = {**values, "added_at": now, "acquired_at": now if owned else None}
        names = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        cursor = self._db.execute(f"INSERT INTO issue ({names}) VALUES ({marks})", values)
        return int(cursor.lastrowid or 0)

    def _update(self, issue_id: int, values: dict, owned: bool) -> None:
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        if owned:
            assignments += ", acquired_at = coalesce(acquired_at, :now)"
        self._db.execute(
            f"UPDATE issue SET {assignments} WHERE id = :id",
            {**values, "id": issue_id, "now": _now()},
        )

    def remove(self, issue_id: int) -> Issue:
        """Remove an issue and its files; returns what was removed."""
        issue = self.get(issue_id)
        with self.transaction():
            fulltext.unindex(self._db, issue_id, issue)
            self._db.execute("DELETE FROM issue WHERE id = ?", (issue_id,))
        self._years = None
        self._density.clear()
        for file in issue.files:
            if not self._file_in_use(file.path):
                (self.files_dir / file.path).unlink(missing_ok=True)
        return issue

    def _file_in_use(self, relative: str) -> bool:
        query = "SELECT 1 FROM issue_file WHERE path = ? LIMIT 1"
        return self._db.execute(query, (relative,)).fetchone() is not None

    def find_by_identifier(self, identifiers: Sequence[str]) -> int | None:
        """The issue a book with any of these identifiers was imported into."""
        for identifier in identifiers:
            query = "SELECT issue_id FROM issue_identifier WHERE identifier = ?"
            row = self._db.execute(query, (identifier,)).fetchone()
            if row:
                return int(row[0])
        return None

    def add_identifiers(self, issue_id: int, identifiers: Sequence[str]) -> None:
        """Remember that a book with these identifiers is the issue ``issue_id``."""
        self._db.executemany(
            "INSERT OR REPLACE INTO issue_identifier (identifier, issue_id) VALUES (?, ?)",
            [(identifier, issue_id) for identifier in identifiers],
        )

    def attach_shared_file(
        self, issue_ids: Sequence[int], kind: str, data: bytes, suffix: str
    ) -> FileRef:
        """Store ``data`` once (named by its checksum) as the file of this kind of every
        issue in ``issue_ids``: a bundle that holds them all."""
        digest = hashlib.sha256(data).hexdigest()
        ref = FileRef(kind, f"{kind}s/{digest}{suffix}", digest, len(data))
        target = self.files_dir / ref.path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(target, data)
        self._db.executemany(
            "INSERT OR REPLACE INTO issue_file (issue_id, kind, path, sha256, size) VALUES (?, ?, ?, ?, ?)",
            [(issue_id, ref.kind, ref.path, ref.sha256, ref.size) for issue_id in issue_ids],
        )
        return ref

    def attach_file(self, issue_id: int, kind: str, data: bytes, suffix: str) -> FileRef:
        """Store ``data`` as the issue's file of this kind (replacing an older one)."""
        row = self._db.execute(
            "SELECT series, year, number, language FROM issue WHERE id = ?", (issue_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"there is no issue with id {issue_id} in the library")
        series, year, number, language = row
        relative = f"{series}/{year}/{series}-{year}-{number}-{language}-{kind}{suffix}"
        target = self.files_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        ref = FileRef(kind, relative, hashlib.sha256(data).hexdigest(), len(data))
        write_bytes_atomically(target, data)
        self._db.execute(
            "INSERT OR REPLACE INTO issue_file (issue_id, kind, path, sha256, size) VALUES (?, ?, ?, ?, ?)",
            (issue_id, ref.kind, ref.path, ref.sha256, ref.size),
        )
        return ref

    # Search

    def search(
        self, text: str, sort: Sort | str = Sort.RELEVANCE, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        """One page of issues matching the query ``text``; see ``library.query`` for the syntax."""
        node = parse(text)
        compiled = compile_query(node, self._field_values())
        ids = search_engine.run(self._db, compiled, Sort(sort), limit, offset, self._density)
        issues = rows.load_issues(self._db, ids, self._series_by_slug())
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
        return search_engine.count(self._db, compile_query(parse(text), self._field_values()))

    def search_ids(self, text: str, sort: Sort | str = Sort.DATE, limit: int = -1) -> list[int]:
        """All ids matching the query, for selections (exports)."""
        compiled = compile_query(parse(text), self._field_values())
        return search_engine.run(self._db, compiled, Sort(sort), limit, 0, self._density)

    def _field_values(self) -> FieldValues:
        if self._years is None:
            self._years = [row[0] for row in self._db.execute("SELECT DISTINCT year FROM issue")]
        series = {
            slug: fold(" ".join(entry.names.values()))
            for slug, entry in self._series_by_slug().items()
        }
        return FieldValues(series, self._years)

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
