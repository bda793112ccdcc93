"""What the library holds of each series, year by year, against the series' numbering.

Numbers are counted once whatever the language. A series with running numbers tells
where each year begins (running number minus number), so a year's last number is
known whenever the next year is held: Bulletin 2018 then has 175 issues, not merely
"up to the highest number held". Otherwise the library knows only its inner gaps, and
says so. One scan of an index and a look-up per year; issues are never loaded.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass

from bookstore.library.library import Library
from bookstore.model import Series


@dataclass(frozen=True)
class YearGaps:
    year: int
    held: tuple[int, ...]  # the numbers held, in order
    last: int  # the year's last number: known (``last_known``) or the highest held
    last_known: bool
    missing: tuple[int, ...]


@dataclass(frozen=True)
class SeriesGaps:
    series: Series
    years: tuple[YearGaps, ...]  # oldest first

    @property
    def missing_count(self) -> int:
        return sum(len(year.missing) for year in self.years)


def series_gaps(library: Library, slug: str | None = None) -> list[SeriesGaps]:
    """Every series (or the one named ``slug``) with its years' holdings and gaps."""
    chosen = [library.series_named(slug)] if slug else library.series()
    db = library.db
    held: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    # The index's own order (series, year DESC, number DESC) and only its columns: a
    # scan of the index, not of the table.
    query = "SELECT series, year, number FROM issue GROUP BY series, year, number"
    for series, year, number in db.execute(query):
        held[series][year].append(number)
    return [SeriesGaps(entry, _years(db, entry.slug, held.get(entry.slug, {}))) for entry in chosen]


def _years(db: sqlite3.Connection, slug: str, held: dict[int, list[int]]) -> tuple[YearGaps, ...]:
    offsets = {year: _offset(db, slug, year) for year in held}
    years = []
    for year in sorted(held):
        numbers = sorted(held[year])
        this, following = offsets[year], offsets.get(year + 1)
        known = this is not None and following is not None and following > this
        last = max(following - this if known else 0, numbers[-1])  # type: ignore[operator]
        years.append(YearGaps(year, tuple(numbers), last, known, _missing(numbers, last)))
    return tuple(years)


def _missing(numbers: list[int], last: int) -> tuple[int, ...]:
    """The numbers from 1 to ``last`` that the sorted ``numbers`` lack."""
    missing: list[int] = []
    expected = 1
    for number in (*numbers, last + 1):
        if number > expected:
            missing.extend(range(expected, number))
        expected = max(expected, number + 1)
    return tuple(missing)


def _offset(db: sqlite3.Connection, slug: str, year: int) -> int | None:
    """Running number minus number, as most of the year's last few issues have it."""
    query = (
        "SELECT running_number - number FROM issue WHERE series = ? AND year = ? "
        "AND running_number IS NOT NULL ORDER BY number DESC LIMIT 5"
    )
    found = Counter(offset for (offset,) in db.execute(query, (slug, year)))
    return found.most_common(1)[0][0] if found else None


def ranges(numbers: tuple[int, ...]) -> str:
    """``1-3, 5, 7-9``: consecutive numbers as ranges."""
    parts: list[str] = []
    start = previous = None
    for number in (*numbers, None):
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    return ", ".join(parts)
