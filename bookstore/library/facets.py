"""What the sidebar lists: series with their years, topics and languages, each with
how many issues it holds. Counted with GROUP BY over indexes, never by loading issues."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from bookstore.library.library import Library
from bookstore.library.listing import RECENT_DAYS
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
    db = library._db
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
    db = library._db
    if field_name == "author":
        values = [row[0] for row in db.execute("SELECT DISTINCT name FROM issue_author")]
    elif field_name == "topic":
        values = [row[0] for row in db.execute("SELECT DISTINCT topic FROM issue_topic")]
    elif field_name == "series":
        values = [entry.slug for entry in library.series()]
    elif field_name == "lang":
        values = [row[0] for row in db.execute("SELECT DISTINCT language FROM issue")]
    elif field_name == "year":
        values = [
            str(row[0]) for row in db.execute("SELECT DISTINCT year FROM issue ORDER BY 1 DESC")
        ]
    elif field_name == "owned":
        values = ["yes", "no"]
    else:
        return []
    wanted = prefix.casefold()
    starts = sorted((v for v in values if v.casefold().startswith(wanted)), key=str.casefold)
    inside = sorted(
        (v for v in values if wanted in v.casefold() and not v.casefold().startswith(wanted)),
        key=str.casefold,
    )
    return (starts + inside)[:limit]
