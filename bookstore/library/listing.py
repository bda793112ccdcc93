"""The issue list the window shows: ids chosen by a sidebar scope and a query, sorted
by a column, all in SQL.

The window holds these ids and loads the rows it shows a page at a time, so a library
of 100,000 issues never becomes 100,000 Issue objects.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from bookstore.library.library import Library
from bookstore.library.search import Sort

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
            since = (today or dt.date.today()) - dt.timedelta(days=RECENT_DAYS)
            where.append("issue.added_at >= ?")
            params.append(since.isoformat())
        return where, params


@dataclass(frozen=True)
class Listing:
    """A scope, a query (empty: every issue in the scope) and an order.

    ``sort`` None means by relevance when there is a query, else newest first.
    """

    scope: Scope = Scope()
    query: str = ""
    sort: Column | None = None
    descending: bool = True


def listing_ids(library: Library, listing: Listing) -> list[int]:
    """The ids of the issues in ``listing``, in its order.

    Raises QueryError (a BookstoreError) for a query the parser cannot read.
    """
    where, params = listing.scope.conditions()
    query = listing.query.strip()
    if query and listing.sort is None:
        ranked = library.search_ids(query, sort=Sort.RELEVANCE)
        if not where:
            return ranked
        kept = set(_select(library, where, params, ranked, None, True))
        return [issue_id for issue_id in ranked if issue_id in kept]
    matching = library.search_ids(query, sort=Sort.DATE) if query else None
    sort = listing.sort or (Column.ADDED if listing.scope.recent else Column.DATE)
    return _select(library, where, params, matching, sort, listing.descending)


def _select(
    library: Library,
    where: list[str],
    params: list[object],
    among: list[int] | None,
    sort: Column | None,
    descending: bool,
) -> list[int]:
    where, params = list(where), list(params)
    if among is not None:
        where.append("issue.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(among))
    sql = "SELECT issue.id FROM issue"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if sort is not None:
        direction = " DESC" if descending else ""
        keys = [*_ORDER[sort], "issue.id"]
        sql += " ORDER BY " + ", ".join(key + direction for key in keys)
    return [row[0] for row in library._db.execute(sql, params)]
