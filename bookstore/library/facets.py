"""What the sidebar lists: series with their years, topics and languages, each with
how many issues it holds. Counted with GROUP BY over indexes, never by loading issues."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from bookstore.library.library import Library
from bookstore.library.listing import RECENT_DAYS, library_version
from bookstore.model import Series


@dataclass(frozen=True)
class SeriesFacet:
    series: Series
    count: int
    years: tuple[tuple[int, int], ...]  # (year, count), newest first


@dataclass(frozen=True)
class Facets:
    total: int
    owned: int
    recent: int
    series: tuple[SeriesFacet, ...]
    topics: tuple[tuple[str, int], ...]  # by name
    languages: tuple[tuple[str, int], ...]  # most issues first


def library_facets(library: Library, today: dt.date | None = None) -> Facets:
    db = library.db
    years: dict[str, list[tuple[int, int]]] = defaultdict(list)
    query = (
        "SELECT series, year, count(*) FROM issue GROUP BY series, year ORDER BY series, year DESC"
    )
    for slug, year, count in db.execute(query):
        years[slug].append((year, count))
    series = tuple(
        SeriesFacet(entry, sum(n for _, n in years[entry.slug]), tuple(years[entry.slug]))
        for entry in library.series()
    )
    topics = tuple(
        db.execute(
            "SELECT topic, count(*) FROM issue_topic GROUP BY topic ORDER BY topic COLLATE NOCASE"
        )
    )
    languages = tuple(
        db.execute("SELECT language, count(*) FROM issue GROUP BY language ORDER BY 2 DESC, 1")
    )
    since = (today or dt.date.today()) - dt.timedelta(days=RECENT_DAYS)
    return Facets(
        total=sum(facet.count for facet in series),
        owned=db.execute("SELECT count(*) FROM issue WHERE acquired_at IS NOT NULL").fetchone()[0],
        recent=db.execute(
            "SELECT count(*) FROM issue WHERE added_at >= ?", (since.isoformat(),)
        ).fetchone()[0],
        series=series,
        topics=topics,
        languages=languages,
    )


def field_values(library: Library, field_name: str, prefix: str = "", limit: int = 30) -> list[str]:
    """Values the library holds for a search field, for completing ``author:``,
    ``topic:``, ``series:``, ``lang:`` and ``year:``; those starting with ``prefix``
    (any case) first, then those containing it."""
    return _matching(_all_values(library, field_name), prefix, limit)


class FieldValues:
    """``field_values`` for completing as the user types: each field's values are read
    once (the authors are a scan of every issue's) and again only after the library
    changed."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._read: dict[str, list[str]] = {}
        self._version: object = None

    def __call__(self, field_name: str, prefix: str = "", limit: int = 30) -> list[str]:
        version = library_version(self.library)
        if version != self._version:
            self._read.clear()
            self._version = version
        values = self._read.get(field_name)
        if values is None:
            values = self._read[field_name] = _all_values(self.library, field_name)
        return _matching(values, prefix, limit)

    def version(self) -> object:
        """What ``offer`` is told the values were read after."""
        return library_version(self.library)

    def offer(self, values: dict[str, list[str]], read_after: object) -> bool:
        """Keep values read on another connection (``all_field_values``, on a worker)
        if nothing changed in the library since ``version()`` gave ``read_after``
        before they were read; else they are dropped and read here when asked."""
        if library_version(self.library) != read_after:
            return False
        if self._version != read_after:
            self._read.clear()
            self._version = read_after
        self._read.update(values)
        return True


COMPLETED_FIELDS = ("author", "topic", "series", "lang", "year", "owned")


def all_field_values(library: Library) -> dict[str, list[str]]:
    """Every completed field's values (for ``FieldValues.offer``)."""
    return {name: _all_values(library, name) for name in COMPLETED_FIELDS}


def _all_values(library: Library, field_name: str) -> list[str]:
    db = library.db
    if field_name == "author":
        return [row[0] for row in db.execute("SELECT DISTINCT name FROM issue_author")]
    if field_name == "topic":
        return [row[0] for row in db.execute("SELECT DISTINCT topic FROM issue_topic")]
    if field_name == "series":
        return [entry.slug for entry in library.series()]
    if field_name == "lang":
        return [row[0] for row in db.execute("SELECT DISTINCT language FROM issue")]
    if field_name == "year":
        query = "SELECT DISTINCT year FROM issue ORDER BY 1 DESC"
        return [str(row[0]) for row in db.execute(query)]
    if field_name == "owned":
        return ["yes", "no"]
    return []


def _matching(values: list[str], prefix: str, limit: int) -> list[str]:
    wanted = prefix.casefold()
    starts = sorted((v for v in values if v.casefold().startswith(wanted)), key=str.casefold)
    inside = sorted(
        (v for v in values if wanted in v.casefold() and not v.casefold().startswith(wanted)),
        key=str.casefold,
    )
    return (starts + inside)[:limit]
