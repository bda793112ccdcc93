"""What the library holds of each series, year by year, against the series' numbering.

Numbers are counted once whatever the language. A series with running numbers tells
where each year begins (running number minus number), so a year's last number is
known whenever the next year is held: Bulletin 2018 then has 175 issues, not merely
"up to the highest number held". Otherwise the library knows only its inner gaps, and
says so. One GROUP BY over an index; issues are never loaded.
"""

from __future__ import annotations

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
    numbers: dict[str, dict[int, dict[int, int | None]]] = defaultdict(lambda: defaultdict(dict))
    query = (
        "SELECT series, year, number, min(running_number) FROM issue "
        "GROUP BY series, year, number ORDER BY series, year, number"
    )
    for series, year, number, running in library._db.execute(query):
        numbers[series][year][number] = running
    return [SeriesGaps(entry, _years(numbers.get(entry.slug, {}))) for entry in chosen]


def _years(held: dict[int, dict[int, int | None]]) -> tuple[YearGaps, ...]:
    offsets = {year: _offset(numbers) for year, numbers in held.items()}
    years = []
    for year in sorted(held):
        numbers = sorted(held[year])
        this, following = offsets[year], offsets.get(year + 1)
        known = this is not None and following is not None and following > this
        last = following - this if known else numbers[-1]  # type: ignore[operator]
        last = max(last, numbers[-1])
        missing = tuple(sorted(set(range(1, last + 1)) - set(numbers)))
        years.append(YearGaps(year, tuple(numbers), last, known, missing))
    return tuple(years)


def _offset(numbers: dict[int, int | None]) -> int | None:
    """Running number minus number, as most of the year's issues have it."""
    found = Counter(running - number for number, running in numbers.items() if running)
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
