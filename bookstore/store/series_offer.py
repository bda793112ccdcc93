"""What a store offers of a series that the library lacks.

The store's catalog is the authority on what exists: a year's last number is the
highest the store or the library knows, and every number below it that the library
does not hold is missing. Of those, the ones the store lists are offered (free or
priced); the rest the store does not have either.

The series is found in the catalog's navigation (an entry named like the series, or
leading to ``…/series/SLUG``); failing that the catalog is walked from its start.
Either walk is bounded in pages. Entries count when their series is this one (by
slug or name) and they say their number and year.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from urllib.parse import urlsplit

from bookstore.ingest.words.vocabulary import NUMBER_LINE
from bookstore.library.library import Library
from bookstore.library.series_gaps import SeriesGaps, series_gaps
from bookstore.model import Price, Series
from bookstore.store.errors import StoreError
from bookstore.store.opds.catalog import CatalogClient
from bookstore.store.opds.model import Entry, Feed

MAX_PAGES_WALKED = 200  # pages read for one series
MAX_SEARCH_DEPTH = 2  # how deep the navigation is searched for the series' page


@dataclass(frozen=True)
class Offer:
    year: int
    number: int
    entry: Entry

    @property
    def free(self) -> bool:
        return self.entry.is_free

    @property
    def price(self) -> Price | None:
        return self.entry.price


@dataclass(frozen=True)
class YearOffer:
    year: int
    held: tuple[int, ...]
    last: int  # the highest number the library or the store knows
    missing: tuple[int, ...]  # 1..last without what is held
    offered: tuple[Offer, ...]  # the missing numbers the store lists, in order

    @property
    def unavailable(self) -> tuple[int, ...]:
        """Missing numbers the store does not list either."""
        listed = {offer.number for offer in self.offered}
        return tuple(number for number in self.missing if number not in listed)


@dataclass(frozen=True)
class SeriesOffer:
    series: Series
    store: str
    years: tuple[YearOffer, ...]  # oldest first
    complete: bool  # False when the walk stopped at its bound

    @property
    def offers(self) -> list[Offer]:
        return [offer for year in self.years for offer in year.offered]

    @property
    def free(self) -> list[Offer]:
        return [offer for offer in self.offers if offer.free]

    @property
    def priced(self) -> list[Offer]:
        return [offer for offer in self.offers if not offer.free]


def series_offers(
    catalog: CatalogClient,
    store: str,
    library: Library,
    slug: str | None = None,
    language: str | None = None,
) -> list[SeriesOffer]:
    """Each series of the library (or the one named ``slug``) against the store at
    ``store``. Where the store has a number in several languages, one entry is kept:
    a free one first, then one in ``language``."""
    start = catalog.open(store)
    return [
        compare(gaps, store, *_series_entries(catalog, start, gaps.series), language)
        for gaps in series_gaps(library, slug)
    ]


def compare(
    gaps: SeriesGaps,
    store: str,
    entries: list[Entry],
    complete: bool = True,
    language: str | None = None,
) -> SeriesOffer:
    """The library's holdings of a series against the store's entries of it."""
    listed: dict[int, dict[int, Entry]] = defaultdict(dict)
    for entry in entries:
        place = _place(entry)
        if place is None:
            continue
        year, number = place
        kept = listed[year].get(number)
        if kept is None or _preference(entry, language) < _preference(kept, language):
            listed[year][number] = entry
    held_years = {year.year: year for year in gaps.years}
    years = []
    for year in sorted(set(held_years) | set(listed)):
        own = held_years.get(year)
        held = own.held if own else ()
        last = max([own.last if own else 0, *listed.get(year, {})])
        kept = set(held)
        missing = tuple(number for number in range(1, last + 1) if number not in kept)
        store_has = listed.get(year, {})
        offered = tuple(
            Offer(year, number, store_has[number]) for number in missing if number in store_has
        )
        years.append(YearOffer(year, held, last, missing, offered))
    return SeriesOffer(gaps.series, store, tuple(years), complete)


def _preference(entry: Entry, language: str | None) -> tuple[int, int]:
    return (0 if entry.is_free else 1, 0 if language and entry.language == language else 1)


def _place(entry: Entry) -> tuple[int, int] | None:
    """The entry's year and number: as the catalog gives them, else from the label
    line its text starts with ("PISM Bulletin no. 26 (1272)"), else its position;
    the year falls back to the date of publication."""
    info = entry.series
    if info is None or not entry.is_publication:
        return None
    number, year = info.number, info.year
    label = _label(entry)
    if number is None and label is not None:
        number, year = label[0], year or label[1]
    if number is None and info.position is not None and info.position == int(info.position):
        number = int(info.position)
    year = year or (entry.published.year if entry.published else None)
    if not number or not year or number < 1:
        return None
    return year, number


def _label(entry: Entry) -> tuple[int, int | None] | None:
    for line in (entry.content or entry.summary).split("\n")[:3]:
        if match := NUMBER_LINE.match(line.strip()):
            return int(match["number"]), int(match["year"]) if match["year"] else None
    return None


def _matches(entry: Entry, series: Series) -> bool:
    info = entry.series
    if info is None:
        return False
    if info.slug:
        return info.slug == series.slug
    return info.name.casefold() == series.name.casefold()


def _series_entries(
    catalog: CatalogClient, start: Feed, series: Series
) -> tuple[list[Entry], bool]:
    """The store's entries of ``series`` and whether every page the walk found was read."""
    page = _series_page(catalog, start, series)
    return _walk(catalog, page or start.url, series, first=start if page is None else None)


def _leads_to(entry: Entry, series: Series) -> bool:
    link = entry.navigation
    if link is None:
        return False
    path = urlsplit(link.href).path.rstrip("/")
    return (
        path.endswith(f"/series/{series.slug}")
        or entry.title.strip().casefold() == series.name.casefold()
        or entry.id.rsplit(":", 1)[-1] == series.slug
    )


def _series_page(catalog: CatalogClient, start: Feed, series: Series) -> str | None:
    """The address of the series' own page in the navigation, if the store has one."""
    level, seen = [start], {start.url}
    for depth in range(MAX_SEARCH_DEPTH):
        following = []
        for feed in level:
            for entry in feed.navigation_entries:
                if _leads_to(entry, series):
                    return entry.navigation.href  # type: ignore[union-attr]
            if depth + 1 == MAX_SEARCH_DEPTH:
                continue
            for entry in feed.navigation_entries:
                href = entry.navigation.href  # type: ignore[union-attr]
                if href in seen or len(seen) >= MAX_PAGES_WALKED:
                    continue
                seen.add(href)
                try:
                    following.append(catalog.open(href))
                except StoreError:
                    continue
        level = following
    return None


def _walk(
    catalog: CatalogClient, url: str, series: Series, first: Feed | None = None
) -> tuple[list[Entry], bool]:
    """Entries of ``series`` on the page at ``url``, the pages after it and the pages
    it leads to, breadth first; at most MAX_PAGES_WALKED pages."""
    queue, seen = deque([url]), set()
    found: dict[str, Entry] = {}
    while queue and len(seen) < MAX_PAGES_WALKED:
        page_url = queue.popleft()
        if page_url in seen:
            continue
        seen.add(page_url)
        if first is not None and page_url == first.url:
            feed = first
        else:
            try:
                feed = catalog.open(page_url)
            except StoreError:
                if page_url == url:
                    raise
                continue
        for entry in feed.publications:
            if _matches(entry, series):
                found.setdefault(entry.id, entry)
        if feed.next:
            queue.appendleft(feed.next.href)
        queue.extend(
            entry.navigation.href  # type: ignore[union-attr]
            for entry in feed.navigation_entries
        )
    return list(found.values()), all(address in seen for address in queue)
