"""The issue list the window shows: ids chosen by a sidebar scope and a query, sorted
by a column.

Without a query the ids come from SQL, all at once (an index scan). With one, the
search index answers: ranked by relevance or by date it gives the exact count at
once and the ids from the top down only as far as the list is scrolled (the scope
becomes filters of the search, which change no score); sorted by another column,
the column's order is read from SQL once (and kept while the library does not
change) and the matches are picked out of it. Either way the window holds ids, and
loads the rows it shows a page at a time, so a library of 100,000 issues never
becomes 100,000 Issue objects.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bookstore.library.library import Library
from bookstore.library.search.ranking import Only, Sort

RECENT_DAYS = 30


class Column(StrEnum):
    SERIES = "series"  # series, year, number: the order a series prints its issues in
    TITLE = "title"
    AUTHORS = "authors"
    DATE = "date"
    LANGUAGE = "language"
    PRICE = "price"
    ADDED = "added"


_ORDER = {
    Column.SERIES: ("issue.series", "issue.year", "issue.number", "issue.language"),
    Column.TITLE: ("issue.title COLLATE NOCASE",),
    Column.AUTHORS: (
        "(SELECT name FROM issue_author WHERE issue_id = issue.id AND position = 0) COLLATE NOCASE",
    ),
    Column.DATE: ("issue.date",),
    Column.LANGUAGE: ("issue.language", "issue.date"),
    # Owned issues count as costing nothing to the reader; free ones cost 0.
    Column.PRICE: (
        "CASE WHEN issue.acquired_at IS NOT NULL THEN -1 "
        "ELSE coalesce(CAST(issue.price_amount AS REAL), 0) END",
    ),
    Column.ADDED: ("issue.added_at",),
}


@dataclass(frozen=True)
class Scope:
    """What the sidebar chose; every field that is set narrows the list."""

    series: str | None = None
    year: int | None = None
    topic: str | None = None
    language: str | None = None
    owned: bool | None = None
    recent: bool = False  # added in the last RECENT_DAYS days

    def conditions(self, today: dt.date | None = None) -> tuple[list[str], list[object]]:
        """SQL conditions on ``issue`` and their parameters."""
        where: list[str] = []
        params: list[object] = []
        if self.series is not None:
            where.append("issue.series = ?")
            params.append(self.series)
        if self.year is not None:
            where.append("issue.year = ?")
            params.append(self.year)
        if self.topic is not None:
            where.append("issue.id IN (SELECT issue_id FROM issue_topic WHERE topic = ?)")
            params.append(self.topic)
        if self.language is not None:
            where.append("issue.language = ?")
            params.append(self.language)
        if self.owned is not None:
            where.append(f"issue.acquired_at IS {'NOT ' if self.owned else ''}NULL")
        if self.recent:
            where.append("issue.added_at >= ?")
            params.append(recent_since(today))
        return where, params

    def only(self, library: Library, today: dt.date | None = None) -> Only:
        """The same choice as a filter of a search (topic and recent by their ids)."""
        db = library.db
        ids: set[int] | None = None
        if self.topic is not None:
            query = "SELECT issue_id FROM issue_topic WHERE topic = ?"
            ids = {row[0] for row in db.execute(query, (self.topic,))}
        if self.recent:
            query = "SELECT id FROM issue WHERE added_at >= ?"
            recent = {row[0] for row in db.execute(query, (recent_since(today),))}
            ids = recent if ids is None else ids & recent
        return Only(
            series=self.series,
            year=self.year,
            language=self.language,
            owned=self.owned,
            ids=None if ids is None else frozenset(ids),
        )


def recent_since(today: dt.date | None = None) -> str:
    """The first day of *Recently added*, as ``added_at`` is compared with it."""
    return ((today or dt.date.today()) - dt.timedelta(days=RECENT_DAYS)).isoformat()


@dataclass(frozen=True)
class Listing:
    """A scope, a query (empty: every issue in the scope) and an order.

    ``sort`` None means by relevance when there is a query, else newest first.
    """

    scope: Scope = Scope()
    query: str = ""
    sort: Column | None = None
    descending: bool = True


class Listed(Protocol):
    """A listing's ids: how many there are, and the first ones, read as far as asked."""

    count: int

    def prefix(self, stop: int) -> Sequence[int]:
        """The ids read so far, in order: at least the first ``stop`` (all if fewer)."""
        ...


class AllIds:
    """A listing whose ids were all read at once."""

    def __init__(self, ids: Sequence[int]) -> None:
        self._ids = ids
        self.count = len(ids)

    def prefix(self, stop: int) -> Sequence[int]:
        return self._ids


def library_version(library: Library) -> tuple[int, int]:
    """Changes when anything is committed to the library, by this connection or any
    other: what was read before may then be out of date."""
    db = library.db
    return db.execute("PRAGMA data_version").fetchone()[0], db.total_changes


def listing_ids(library: Library, listing: Listing) -> list[int]:
    """Every id of ``listing``, in its order.

    Raises QueryError (a BookstoreError) for a query the parser cannot read.
    """
    listed = Lister(library).open(listing)
    return list(listed.prefix(listed.count))


class Lister:
    """Opens listings on one Library (and its thread).

    It keeps the last column order it read from SQL while the library stays as it is,
    so that typing a query while the list is sorted by title costs one pass over
    that order per key, not a sort in SQL.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self._order_key: tuple[object, ...] | None = None
        self._order = array("q")

    def open(self, listing: Listing) -> Listed:
        """The ids of ``listing``; raises QueryError for a query the parser cannot read."""
        where, params = listing.scope.conditions()
        query = listing.query.strip()
        if not query:
            sort = listing.sort or (Column.ADDED if listing.scope.recent else Column.DATE)
            order = self._ascending(where, params, sort)
            return AllIds(order[::-1] if listing.descending else order)
        if listing.sort is None or listing.sort is Column.DATE:
            return self.library.search_results(
                query,
                Sort.RELEVANCE if listing.sort is None else Sort.DATE,
                descending=listing.descending,
                only=listing.scope.only(self.library),
            )
        matches = self.library.search_results(query, Sort.DATE)
        kept = set(matches.prefix(matches.count))
        order = self._ascending(where, params, listing.sort)
        ids = array("q", [issue_id for issue_id in order if issue_id in kept])
        if listing.descending:
            ids.reverse()
        return AllIds(ids)

    def _ascending(self, where: list[str], params: list[object], sort: Column) -> array[int]:
        """Every id in the scope, sorted by ``sort`` from the lowest (ties by id)."""
        db = self.library.db
        key = (tuple(where), tuple(params), sort, library_version(self.library))
        if key != self._order_key:
            sql = "SELECT issue.id FROM issue"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " ORDER BY " + ", ".join([*_ORDER[sort], "issue.id"])
            self._order = array("q", [row[0] for row in db.execute(sql, params)])
            self._order_key = key
        return self._order
