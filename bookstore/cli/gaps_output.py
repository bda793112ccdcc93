"""How ``bookstore series --missing`` prints a series' holdings and gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bookstore.cli.output import printable
from bookstore.library.series_gaps import SeriesGaps, YearGaps, ranges

if TYPE_CHECKING:  # the store client is imported only by the commands that use it
    from bookstore.store.series_offer import SeriesOffer


def gaps_line(name: str, year: YearGaps) -> str:
    """``PISM Bulletin 2018: 2 of 175; missing 1-74, 76-119, 121-175``."""
    of = f"{year.last}" if year.last_known else f"at least {year.last}"
    line = _held(name, year.year, year.held, of, year.missing)
    if not year.last_known:
        line += " (the year's last number is not known; a store's catalog tells)"
    return line


def _held(name: str, year: int, held: tuple[int, ...], of: str, missing: tuple[int, ...]) -> str:
    """``PISM Bulletin 2018: 2 of 175; missing 1-74, 76-119, 121-175``."""
    line = f"{name} {year}: {len(held)} of {of}"
    return f"{line}; missing {ranges(missing)}" if missing else line


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


def offer_lines(entry: SeriesOffer) -> list[str]:
    """Each year against the store, then one line per offered issue:
    ``PISM Bulletin 2019: 2 of 170; missing 1-25, 27-87, 89-170; the store offers 2``
    and ``  no. 26/2019  free  urn:bookstore:issue:12  NATO in the Black Sea Region``."""
    name = entry.series.name
    lines = []
    for year in entry.years:
        line = _held(name, year.year, year.held, str(year.last), year.missing)
        if year.offered:
            line += f"; the store offers {len(year.offered)}"
        lines.append(line)
        for offer in year.offered:
            price = offer.price
            cost = "free" if offer.free or price is None else f"{price.amount:.2f} {price.currency}"
            lines.append(
                f"  no. {offer.number}/{offer.year}  {printable(cost)}  "
                f"{printable(offer.entry.id)}  {printable(offer.entry.title)}"
            )
    if not entry.complete:
        lines.append(f"{name}: the store's catalog is larger than what was read; it may offer more")
    return lines


def offer_json(entry: SeriesOffer) -> dict[str, Any]:
    return {
        "series": entry.series.slug,
        "name": entry.series.name,
        "store": entry.store,
        "complete": entry.complete,
        "missing": sum(len(year.missing) for year in entry.years),
        "offered": len(entry.offers),
        "years": [
            {
                "year": year.year,
                "held": list(year.held),
                "last": year.last,
                "missing": list(year.missing),
                "unavailable": list(year.unavailable),
                "offered": [
                    {
                        "number": offer.number,
                        "entry_id": offer.entry.id,
                        "title": offer.entry.title,
                        "language": offer.entry.language or None,
                        "free": offer.free,
                        "price": offer.price.to_json() if offer.price else None,
                    }
                    for offer in year.offered
                ],
            }
            for year in entry.years
        ],
    }
