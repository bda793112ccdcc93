"""What the store sells, read from the library: issues by filter, facets, search.

The server never writes the library. Each thread that reads opens its own
``Library`` (a SQLite connection belongs to its thread). ``generation`` changes
when staff publish a new copy of the library, so cached feeds are made again.
Feeds ask for a page of ids (``selection``, ``found``) and take the entries from
``entries``, which loads and writes only the issues not written yet.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from bookstore.errors import NotFound
from bookstore.library.facets import library_facets
from bookstore.library.library import DATABASE_NAME, Library
from bookstore.model import Issue, Series
from bookstore.server.caching.written_entries import DEFAULT_BUDGET, WrittenEntries

PAGE_SIZE = 30
_GENERATION_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class Filters:
    """A selection of issues; every field given narrows it."""

    series: str | None = None
    year: int | None = None
    language: str | None = None
    topic: str | None = None

    def query(self) -> str | None:
        """The selection in the library's query language, None for everything."""
        parts = []
        if self.series:
            parts.append(f"series:{self.series}")
        if self.year is not None:
            parts.append(f"year:{self.year}")
        if self.language:
            parts.append(f"lang:{self.language}")
        if self.topic:
            parts.append('topic:"{}"'.format(self.topic.replace('"', " ")))
        return " ".join(parts) or None

    def params(self) -> dict[str, str]:
        """The selection as URL query parameters."""
        return {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name) not in (None, "")
        }

    def with_(self, **changes: object) -> Filters:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Filters(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CatalogFacets:
    """How many issues each year, language, series and topic has."""

    years: dict[int, int]  # newest first
    languages: dict[str, int]  # by code
    series: dict[str, int]
    topics: dict[str, int]  # most issues first


@dataclass(frozen=True)
class IdPage:
    """One page of a selection or a search: the ids shown, of how many."""

    ids: list[int]
    total: int
    number: int  # from 1
    size: int = PAGE_SIZE

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.size))


@dataclass(frozen=True)
class Page(IdPage):
    """A page with its issues loaded."""

    issues: list[Issue] = field(default_factory=list)


class Catalog:
    def __init__(
        self, root: Path, page_size: int = PAGE_SIZE, entry_budget: int = DEFAULT_BUDGET
    ) -> None:
        self.root = root
        self.page_size = page_size
        self.written = WrittenEntries(entry_budget)
        self._local = threading.local()
        self._generation = ""
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def library(self) -> Library:
        """This thread's Library."""
        library = getattr(self._local, "library", None)
        if library is None:
            library = Library.open(self.root, with_sample=False, read_only=True, check=False)
            self._local.library = library
        return library

    def generation(self) -> str:
        """Changes whenever the library's database changes; checked at most once a second."""
        now = time.monotonic()
        if now - self._checked_at >= _GENERATION_CHECK_SECONDS:
            with self._lock:
                parts = []
                for suffix in ("", "-wal"):
                    try:
                        stat = os.stat(self.root / (DATABASE_NAME + suffix))
                    except FileNotFoundError:
                        continue
                    parts.append(f"{stat.st_mtime_ns}-{stat.st_size}")
                self._generation = "/".join(parts)
                self._checked_at = now
        return self._generation

    def modified(self) -> float:
        """When the library last changed (Unix seconds)."""
        times = []
        for suffix in ("", "-wal"):
            with contextlib.suppress(FileNotFoundError):
                times.append(os.stat(self.root / (DATABASE_NAME + suffix)).st_mtime)
        return max(times, default=0.0)

    # Reading

    def series(self) -> list[Series]:
        return self.library().series()

    def series_named(self, slug: str) -> Series:
        return self.library().series_named(slug)

    def issue(self, issue_id: int) -> Issue:
        return self.library().get(issue_id)

    def issues(self, ids: list[int]) -> list[Issue]:
        return self.library().get_many(ids)

    def facets(self) -> CatalogFacets:
        counted = library_facets(self.library())
        years: dict[int, int] = {}
        for entry in counted.series:
            for year, count in entry.years:
                years[year] = years.get(year, 0) + count
        return CatalogFacets(
            years=dict(sorted(years.items(), reverse=True)),
            languages=dict(sorted(counted.languages)),
            series={entry.series.slug: entry.count for entry in counted.series},
            topics=dict(sorted(counted.topics, key=lambda pair: (-pair[1], pair[0]))),
        )

    def page(self, filters: Filters, number: int = 1, size: int | None = None) -> Page:
        """One page of the selection, newest first, with its issues."""
        found = self.selection(filters, number, size)
        return Page(found.ids, found.total, found.number, found.size, self.issues(found.ids))

    def selection(self, filters: Filters, number: int = 1, size: int | None = None) -> IdPage:
        """One page of the selection's ids, newest first."""
        size = size or self.page_size
        library = self.library()
        if filters.series:
            library.series_named(filters.series)  # NotFound for an unknown series
        query = filters.query()
        offset = (number - 1) * size
        if query is None:
            ids = [issue.id or 0 for issue in library.list_issues(limit=size, offset=offset)]
            return IdPage(ids, library.count(), number, size)
        ids, total = library.search_page(query, "date", size, offset)
        return IdPage(ids, total, number, size)

    def found(self, text: str, number: int = 1, size: int | None = None) -> IdPage:
        """One page of the ids of issues matching ``text`` (the library's query
        language), best first."""
        size = size or self.page_size
        ids, total = self.library().search_page(text, "relevance", size, (number - 1) * size)
        return IdPage(ids, total, number, size)

    def entries(self, form: str, ids: list[int], write: Callable[[Issue], bytes]) -> list[bytes]:
        """The entries of these issues written by ``write`` (see ``WrittenEntries``)."""
        return self.written.entries(form, ids, self.generation(), self.issues, write)

    def count(self, filters: Filters) -> int:
        query = filters.query()
        library = self.library()
        return library.count() if query is None else library.search_count(query)

    def exists(self, issue_id: int) -> bool:
        try:
            self.issue(issue_id)
        except NotFound:
            return False
        return True
