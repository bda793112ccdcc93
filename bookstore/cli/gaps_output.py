"""How ``bookstore series --missing`` prints a series' holdings and gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bookstore.cli.output import price_text, printable
from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words
from bookstore.library.series_gaps import SeriesGaps, YearGaps, ranges

if TYPE_CHECKING:  # the store client is imported only by the commands that use it
    from bookstore.store.series_offer import SeriesOffer


def gaps_line(name: str, year: YearGaps, words: Words) -> str:
    """``PISM Bulletin 2018: 2 of 175; missing 1-74, 76-119, 121-175``."""
    of = str(year.last) if year.last_known else words.say(say("at least {last}", last=year.last))
    line = _held(name, year.year, year.held, of, year.missing, words)
    if not year.last_known:
        line += words.text(N_(" (the year's last number is not known; a store's catalog tells)"))
    return line


def _held(
    name: str, year: int, held: tuple[int, ...], of: str, missing: tuple[int, ...], words: Words
) -> str:
    """``PISM Bulletin 2018: 2 of 175; missing 1-74, 76-119, 121-175``."""
    line = words.say(say("{name} {year}: {held} of {of}", name=name, year=year,
                         held=len(held), of=of))  # fmt: skip
    if not missing:
        return line
    return line + words.say(say("; missing {numbers}", numbers=ranges(missing)))


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


def offer_lines(entry: SeriesOffer, words: Words) -> list[str]:
    """Each year against the store, then one line per offered issue:
    ``PISM Bulletin 2019: 2 of 170; missing 1-25, 27-87, 89-170; the store offers 2``
    and ``  no. 26/2019  free  urn:bookstore:issue:12  NATO in the Black Sea Region``."""
    name = entry.series.name_in(words.language)
    lines = []
    for year in entry.years:
        line = _held(name, year.year, year.held, str(year.last), year.missing, words)
        if year.offered:
            line += words.say(say("; the store offers {count}", count=len(year.offered)))
        lines.append(line)
        for offer in year.offered:
            cost = price_text(offer.price, words, offer.free)
            number = words.say(say("no. {number}/{year}", number=offer.number, year=offer.year))
            lines.append(
                f"  {number}  {cost}  {printable(offer.entry.id)}  {printable(offer.entry.title)}"
            )
    if not entry.complete:
        lines.append(words.say(say(
            "{name}: the store's catalog is larger than what was read; it may offer more",
            name=name)))  # fmt: skip
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
