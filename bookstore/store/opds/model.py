"""What a catalog page holds, whatever its format (OPDS 1.2 Atom or OPDS 2.0 JSON).

Plain records: the parsers fill them, the CLI prints them, the window shows them.
Every ``href`` is absolute (resolved against the feed's address and ``xml:base``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from bookstore.model import Price

ACQUISITION = "http://opds-spec.org/acquisition"
BUY = ACQUISITION + "/buy"
OPEN_ACCESS = ACQUISITION + "/open-access"
BORROW = ACQUISITION + "/borrow"
SAMPLE = ACQUISITION + "/sample"
SUBSCRIBE = ACQUISITION + "/subscribe"
IMAGE = "http://opds-spec.org/image"
THUMBNAIL = "http://opds-spec.org/image/thumbnail"
FACET = "http://opds-spec.org/facet"
SHELF = "http://opds-spec.org/shelf"
# Older and unofficial names for covers that real catalogs still use.
IMAGE_RELS = (IMAGE, "http://opds-spec.org/cover", "x-stanza-cover-image", "cover")
THUMBNAIL_RELS = (
    THUMBNAIL,
    "http://opds-spec.org/thumbnail",
    "x-stanza-cover-image-thumbnail",
    "thumbnail",
)
# Acquisitions the reader can take without paying.
FREE_RELS = (ACQUISITION, OPEN_ACCESS)


MAX_PRICE = Decimal(1_000_000)  # no issue costs this much: a larger price is a mistake
MAX_NESTING = 16  # how deep indirect acquisitions are followed
MAX_COUNT = 10**15  # numbers, years and counts beyond this are no catalog's own
MAX_POSITION = 10**6  # a place in a series beyond this is a mistake
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def read_price(amount: object, currency: object, warnings: list[str]) -> Price | None:
    """A catalog's price, or None with a warning when it is no usable price: not a
    number (NaN, Infinity), negative, absurdly large, or without an ISO 4217 currency."""
    text = str(amount).strip().replace(",", ".")[:40]
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        warnings.append(f"skipped a price that is not a number (“{text}”)")
        return None
    if not Decimal(0) <= value < MAX_PRICE:
        warnings.append(f"skipped a price that cannot be right ({text})")
        return None
    code = str(currency or "").strip().upper()
    if not code:
        warnings.append(f"skipped a price without a currency ({text})")
        return None
    if not _CURRENCY.match(code):
        warnings.append(f"skipped a price whose currency is not a currency code ({code[:12]})")
        return None
    return Price(value.quantize(Decimal("0.01")), code)


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")


def read_date(text: str) -> tuple[dt.date | None, bool]:
    """A catalog's date ("2020-07-08", "2020-07-08T10:00:00Z", "1813"), and whether it
    is a year alone (then the date is 1 January of it, and only its year is true)."""
    if _YEAR_ONLY.match(text or ""):
        year = int(text.strip())
        return (dt.date(year, 1, 1), True) if year >= 1 else (None, False)
    match = _DATE.match(text or "")
    if not match:
        return None, False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return dt.date(year, month, day), False
    except ValueError:
        return None, False


def sane_position(value: object) -> float | None:
    """A place in a series (a number or its text), or None when it is none: not a
    number, infinite, negative or beyond MAX_POSITION."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        position = float(value)
    except (ValueError, OverflowError):
        return None
    return position if 0 <= position < MAX_POSITION else None


@dataclass(frozen=True)
class Link:
    href: str
    rel: str = ""
    type: str = ""
    title: str = ""
    price: Price | None = None
    length: int | None = None
    indirect_types: tuple[str, ...] = ()  # opds:indirectAcquisition, outermost first
    facet_group: str = ""
    active_facet: bool = False
    count: int | None = None  # thr:count / numberOfItems
    templated: bool = False  # an OPDS 2 URI template

    @property
    def is_acquisition(self) -> bool:
        return self.rel == ACQUISITION or self.rel.startswith(ACQUISITION + "/")

    @property
    def is_catalog(self) -> bool:
        """A link to another catalog page (Atom feed or OPDS 2 JSON)."""
        kind = self.type.lower()
        return (
            "profile=opds-catalog" in kind
            or kind.startswith("application/atom+xml")
            or kind.startswith("application/opds+json")
        )

    @property
    def is_free(self) -> bool:
        """An acquisition the reader can take now without paying."""
        if self.rel == OPEN_ACCESS:
            return True
        return self.rel == ACQUISITION and (self.price is None or self.price.amount == 0)

    def to_json(self) -> dict:
        data: dict = {"href": self.href, "rel": self.rel, "type": self.type}
        if self.title:
            data["title"] = self.title
        if self.price is not None:
            data["price"] = self.price.to_json()
        if self.length is not None:
            data["length"] = self.length
        if self.indirect_types:
            data["indirect_types"] = list(self.indirect_types)
        if self.facet_group:
            data["facet_group"] = self.facet_group
            data["active"] = self.active_facet
        if self.count is not None:
            data["count"] = self.count
        return data


@dataclass(frozen=True)
class SeriesInfo:
    """Where an entry stands in a series, as far as the catalog says."""

    name: str
    position: float | None = None
    slug: str = ""
    number: int | None = None
    year: int | None = None
    running_number: int | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    authors: tuple[str, ...] = ()
    summary: str = ""  # plain text; HTML summaries are turned into text
    content: str = ""  # the entry's content as text, when it has a summary as well
    language: str = ""
    published: dt.date | None = None
    year_only: bool = False  # the catalog gave the year of ``published`` alone
    updated: dt.datetime | None = None
    publisher: str = ""
    topics: tuple[str, ...] = ()
    series: SeriesInfo | None = None
    identifiers: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    def links_with(self, *rels: str) -> list[Link]:
        return [link for link in self.links if link.rel in rels]

    @property
    def acquisitions(self) -> list[Link]:
        return [link for link in self.links if link.is_acquisition]

    @property
    def is_publication(self) -> bool:
        return bool(self.acquisitions)

    @property
    def navigation(self) -> Link | None:
        """For a navigation entry: the catalog page it leads to."""
        for link in self.links:
            if (
                link.is_catalog
                and not link.is_acquisition
                and link.rel not in _NOT_NAVIGATION
                and "type=entry" not in link.type.replace(" ", "")
            ):
                return link
        return None

    @property
    def price(self) -> Price | None:
        """What the entry costs (the first priced acquisition), or None when it is free."""
        if any(link.is_free for link in self.acquisitions):
            return None
        for link in self.acquisitions:
            if link.price is not None and link.price.amount > 0:
                return link.price
        return None

    @property
    def is_free(self) -> bool:
        return any(link.is_free for link in self.acquisitions)

    @property
    def buy_link(self) -> Link | None:
        return next(iter(self.links_with(BUY)), None)

    @property
    def cover(self) -> str | None:
        found = self.links_with(*IMAGE_RELS) or self.links_with(*THUMBNAIL_RELS)
        return found[0].href if found else None

    @property
    def thumbnail(self) -> str | None:
        found = self.links_with(*THUMBNAIL_RELS) or self.links_with(*IMAGE_RELS)
        return found[0].href if found else None

    @property
    def published_text(self) -> str | None:
        """The date as far as it is known: "2020-07-08", or "1813" for a year alone."""
        if self.published is None:
            return None
        return str(self.published.year) if self.year_only else self.published.isoformat()

    @property
    def page_url(self) -> str | None:
        """The entry's web page (``alternate`` HTML), when the catalog links one."""
        for link in self.links_with("alternate"):
            if link.type.startswith("text/html") or link.type.startswith("application/xhtml"):
                return link.href
        return None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "summary": self.summary,
            "language": self.language or None,
            "published": self.published_text,
            "topics": list(self.topics),
            "series": (
                {
                    "name": self.series.name,
                    "position": self.series.position,
                    "number": self.series.number,
                    "year": self.series.year,
                }
                if self.series
                else None
            ),
            "price": self.price.to_json() if self.price else None,
            "free": self.is_free,
            "acquisitions": [link.to_json() for link in self.acquisitions],
            "navigation": self.navigation.to_json() if self.navigation else None,
            "cover": self.cover,
            "thumbnail": self.thumbnail,
        }


_NOT_NAVIGATION = frozenset({"self", "search", "up", "start", "first", "last", "next", "previous"})


@dataclass(frozen=True)
class Group:
    """Entries the catalog shows together under a title (OPDS 2 ``groups``, OPDS 1.2
    ``rel="http://opds-spec.org/group"``), with the page that has all of them."""

    title: str
    entries: tuple[Entry, ...] = ()
    link: Link | None = None  # the group's own page, when it has one

    @property
    def href(self) -> str:
        return self.link.href if self.link else ""

    @property
    def as_navigation(self) -> Entry | None:
        """The group's own page as a navigation entry (to open it like any other)."""
        if self.link is None:
            return None
        kind = (
            self.link.type if self.link.is_catalog else "application/atom+xml;profile=opds-catalog"
        )
        return Entry(
            id=self.link.href,
            title=self.title,
            links=(replace(self.link, rel="subsection", type=kind),),
        )

    @property
    def publications(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.is_publication]

    @property
    def navigation_entries(self) -> list[Entry]:
        return [e for e in self.entries if not e.is_publication and e.navigation is not None]

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "href": self.href or None,
            "entries": [e.to_json() for e in self.publications],
            "navigation": _navigation_json(self.navigation_entries),
        }


def _navigation_json(entries: list[Entry]) -> list[dict]:
    return [
        {"id": e.id, "title": e.title, "summary": e.summary, **e.navigation.to_json()}
        for e in entries
        if e.navigation
    ]


def _same_entry(first: Entry, second: Entry) -> bool:
    """One publication told twice: the same title, or the same files to acquire."""
    files = {link.href for link in first.acquisitions}
    return first.title == second.title or (
        bool(files) and files == {link.href for link in second.acquisitions}
    )


def distinct_ids(entries: list[Entry], warnings: list[str]) -> list[Entry]:
    """The entries with an id each: a different entry that repeats an id already used
    (catalogs give several books one identifier, several links one address) is listed
    under the id with "#2", "#3" ... added; for publications, whose ids ``store get``
    takes, a warning says so. The same entry told twice (a group repeats the page's
    list, often with less of its metadata) keeps its id."""
    seen: dict[str, Entry] = {}
    renamed: dict[str, list[str]] = {}
    found = []
    for entry in entries:
        if entry.id in seen and not _same_entry(seen[entry.id], entry):
            counter = 2
            while f"{entry.id}#{counter}" in seen:
                counter += 1
            new_id = f"{entry.id}#{counter}"
            if entry.is_publication:  # a navigation link's id is only its address
                renamed.setdefault(entry.id, []).append(new_id)
            entry = replace(entry, id=new_id)
        seen.setdefault(entry.id, entry)
        found.append(entry)
    for shared, new_ids in renamed.items():
        warnings.append(
            f"{len(new_ids) + 1} publications share the identifier “{shared}”; "
            f"the others are listed as {', '.join(f'“{i}”' for i in new_ids)}"
        )
    return found


@dataclass(frozen=True)
class Feed:
    url: str  # where the page was read from, after redirects
    title: str
    id: str = ""
    subtitle: str = ""
    entries: tuple[Entry, ...] = ()
    links: tuple[Link, ...] = ()
    groups: tuple[Group, ...] = ()
    total_results: int | None = None
    items_per_page: int | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)  # what was skipped and why

    def link(self, *rels: str) -> Link | None:
        return next((link for link in self.links if link.rel in rels), None)

    @property
    def next(self) -> Link | None:
        return self.link("next")

    @property
    def previous(self) -> Link | None:
        return self.link("previous", "prev")

    @property
    def search(self) -> Link | None:
        return self.link("search")

    @property
    def start(self) -> Link | None:
        return self.link("start")

    @property
    def up(self) -> Link | None:
        return self.link("up")

    @property
    def shelf(self) -> Link | None:
        return self.link(SHELF)

    @property
    def facets(self) -> list[Link]:
        return [link for link in self.links if link.rel == FACET]

    @property
    def all_entries(self) -> list[Entry]:
        """The page's entries and those of its groups, each once."""
        seen, found = set(), []
        for entry in [*self.entries, *(e for group in self.groups for e in group.entries)]:
            if entry.id not in seen:
                seen.add(entry.id)
                found.append(entry)
        return found

    @property
    def publications(self) -> list[Entry]:
        return [entry for entry in self.all_entries if entry.is_publication]

    @property
    def ungrouped(self) -> list[Entry]:
        """The entries that are in none of the page's groups."""
        grouped = {entry.id for group in self.groups for entry in group.entries}
        return [entry for entry in self.all_entries if entry.id not in grouped]

    @property
    def navigation_entries(self) -> list[Entry]:
        return [
            entry
            for entry in self.all_entries
            if not entry.is_publication and entry.navigation is not None
        ]

    def to_json(self) -> dict:
        return {
            "url": self.url,
            "id": self.id,
            "title": self.title,
            "subtitle": self.subtitle,
            "entries": [e.to_json() for e in self.publications],
            "navigation": _navigation_json(self.navigation_entries),
            "groups": [group.to_json() for group in self.groups],
            "links": [
                link.to_json()
                for link in self.links
                if link.rel
                in ("next", "previous", "prev", "first", "last", "up", "start", "search", SHELF)
            ],
            "facets": [link.to_json() for link in self.facets],
            "total_results": self.total_results,
            "warnings": list(self.warnings),
        }
