"""How ``bookstore series --missing`` prints a series' holdings and gaps."""

from __future__ import annotations

from typing import Any

from bookstore.library.series_gaps import SeriesGaps, YearGaps, ranges


def gaps_line(name: str, year: YearGaps) -> str:
    """``PISM Bulletin 2018: 2 of 175; missing 1-74, 76-119, 121-175``."""
    of = f"{year.last}" if year.last_known else f"at least {year.last}"
    line = f"{name} {year.year}: {len(year.held)} of {of}"
    if year.missing:
        line += f"; missing {ranges(year.missing)}"
    if not year.last_known:
        line += " (the year's last number is not known; a store's catalog tells)"
    return line


def gaps_json(entry: SeriesGaps) -> dict[str, Any]:
    return {
        "series": entry.series.slug,
        "name": entry.series.name,
        "missing": entry.missing_count,
        "years": [
            {
                "year": year.year,
                "held": list(year.held),
                "last": year.last,
                "last_known": year.last_known,
                "missing": list(year.missing),
            }
            for year in entry.years
        ],
    }
