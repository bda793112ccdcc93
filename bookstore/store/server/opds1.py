"""OPDS 1.2 catalog documents (Atom): navigation and acquisition feeds, entries.

Every document is built with lxml and checked in the tests against the OPDS 1.2
RELAX NG grammar. Links are absolute paths, resolved against the feed's address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from bookstore.export.xhtml import xml_safe
from bookstore.model import Issue
from bookstore.store.server import urls
from bookstore.store.server.offers import FORMAT_TITLES, AcquisitionsOf
from bookstore.store.server.words import series_position

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
THR = "http://purl.org/syndication/thread/1.0"
SCHEMA = "http://schema.org/"
XHTML = "http://www.w3.org/1999/xhtml"
_NSMAP = {
    None: ATOM,
    "dc": DC,
    "opds": OPDS,
    "opensearch": OPENSEARCH,
    "thr": THR,
    "schema": SCHEMA,
}

TOPIC_SCHEME = "urn:bookstore:topic"
# A feed's entries carry an issue's text up to this many characters (nearly every
# brief whole); the entry document (the "alternate" link) always carries all of it.
FEED_CONTENT_LIMIT = 20_000
FACET = "http://opds-spec.org/facet"


@dataclass(frozen=True)
class Link:
    rel: str
    href: str
    type: str
    title: str | None = None


@dataclass(frozen=True)
class NavigationItem:
    title: str
    href: str
    type: str
    summary: str
    id: str
    count: int | None = None


@dataclass(frozen=True)
class Facet:
    group: str
    title: str
    href: str
    count: int
    active: bool


@dataclass(frozen=True)
class FeedHead:
    id: str
    title: str
    self_href: str
    updated: dt.datetime
    kind: str  # urls.ATOM_NAVIGATION or urls.ATOM_ACQUISITION
    links: Sequence[Link] = ()
    subtitle: str | None = None


@dataclass(frozen=True)
class Paging:
    total: int
    page: int
    size: int
    href: object  # callable: page number -> URL

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.size))


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str):
    element = etree.SubElement(
        parent, tag, {k: xml_safe(v) for k, v in attributes.items() if v is not None}
    )
    if text is not None:
        element.text = xml_safe(text)
    return element


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _date_time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _feed(head: FeedHead) -> etree._Element:
    feed = etree.Element(_q(ATOM, "feed"), nsmap=_NSMAP)
    _sub(feed, _q(ATOM, "id"), head.id)
    _sub(feed, _q(ATOM, "title"), head.title)
    if head.subtitle:
        _sub(feed, _q(ATOM, "subtitle"), head.subtitle)
    _sub(feed, _q(ATOM, "updated"), _time(head.updated))
    author = _sub(feed, _q(ATOM, "author"))
    _sub(author, _q(ATOM, "name"), "Bookstore")
    _link(feed, Link("self", head.self_href, head.kind))
    _link(feed, Link("start", "/opds", urls.ATOM_NAVIGATION, "Catalog"))
    _link(feed, Link("search", "/opds/opensearch.xml", urls.OPENSEARCH, "Search"))
    _link(
        feed, Link("http://opds-spec.org/shelf", "/opds/shelf", urls.ATOM_ACQUISITION, "My issues")
    )
    for link in head.links:
        _link(feed, link)
    return feed


def _link(parent: etree._Element, link: Link) -> etree._Element:
    return _sub(
        parent, _q(ATOM, "link"), rel=link.rel, href=link.href, type=link.type, title=link.title
    )


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def navigation_feed(head: FeedHead, items: Iterable[NavigationItem]) -> bytes:
    feed = _feed(head)
    for item in items:
        entry = _sub(feed, _q(ATOM, "entry"))
        _sub(entry, _q(ATOM, "title"), item.title)
        _sub(entry, _q(ATOM, "id"), item.id)
        _sub(entry, _q(ATOM, "updated"), _time(head.updated))
        _sub(entry, _q(ATOM, "content"), item.summary, type="text")
        link = _link(entry, Link("subsection", item.href, item.type))
        if item.count is not None:
            link.set(_q(THR, "count"), str(item.count))
    return _serialize(feed)


def acquisition_feed(
    head: FeedHead,
    issues: Sequence[Issue],
    acquisitions: AcquisitionsOf,
    *,
    paging: Paging | None = None,
    facets: Sequence[Facet] = (),
) -> bytes:
    feed = _feed(head)
    if paging is not None:
        _paging(feed, paging, head.kind)
    for facet in facets:
        link = _link(feed, Link(FACET, facet.href, head.kind, facet.title))
        link.set(_q(OPDS, "facetGroup"), facet.group)
        link.set(_q(THR, "count"), str(facet.count))
        if facet.active:
            link.set(_q(OPDS, "activeFacet"), "true")
    for issue in issues:
        feed.append(_entry(issue, acquisitions, content_limit=FEED_CONTENT_LIMIT))
    return _serialize(feed)


def entry_document(issue: Issue, acquisitions: AcquisitionsOf) -> bytes:
    entry = _entry(issue, acquisitions, nsmap=_NSMAP)
    return _serialize(entry)


def _paging(feed: etree._Element, paging: Paging, kind: str) -> None:
    href = paging.href
    _sub(feed, _q(OPENSEARCH, "totalResults"), str(paging.total))
    _sub(feed, _q(OPENSEARCH, "itemsPerPage"), str(paging.size))
    _sub(feed, _q(OPENSEARCH, "startIndex"), str((paging.page - 1) * paging.size + 1))
    _link(feed, Link("first", href(1), kind))  # type: ignore[operator]
    _link(feed, Link("last", href(paging.last), kind))  # type: ignore[operator]
    if paging.page > 1:
        _link(feed, Link("previous", href(min(paging.page, paging.last + 1) - 1), kind))  # type: ignore[operator]
    if paging.page < paging.last:
        _link(feed, Link("next", href(paging.page + 1), kind))  # type: ignore[operator]


def _entry(
    issue: Issue,
    acquisitions: AcquisitionsOf,
    nsmap: dict | None = None,
    content_limit: int | None = None,
) -> etree._Element:
    issue_id = issue.id or 0
    entry = etree.Element(_q(ATOM, "entry"), nsmap=nsmap)
    _sub(entry, _q(ATOM, "title"), issue.title)
    _sub(entry, _q(ATOM, "id"), urls.issue_urn(issue_id))
    _sub(entry, _q(ATOM, "updated"), _date_time(issue.date))
    _sub(entry, _q(ATOM, "published"), _date_time(issue.date))
    for name in issue.authors:
        author = _sub(entry, _q(ATOM, "author"))
        _sub(author, _q(ATOM, "name"), name)
    _sub(entry, _q(DC, "identifier"), urls.issue_urn(issue_id))
    _sub(entry, _q(DC, "language"), issue.language)
    _sub(entry, _q(DC, "issued"), issue.date.isoformat())
    _sub(entry, _q(DC, "isPartOf"), issue.series.name_in(issue.language))
    series = _sub(entry, _q(SCHEMA, "Series"))
    series.set(_q(SCHEMA, "name"), issue.series.name_in(issue.language))
    series.set(_q(SCHEMA, "position"), str(series_position(issue)))
    series.set(_q(SCHEMA, "identifier"), issue.series.slug)
    if issue.series.issn:
        series.set(_q(SCHEMA, "issn"), issue.series.issn)
    for topic in issue.topics:
        _sub(entry, _q(ATOM, "category"), term=topic, label=topic, scheme=TOPIC_SCHEME)
    _sub(entry, _q(ATOM, "summary"), issue.lead, type="text")
    _content(entry, issue, content_limit)
    _link(entry, Link("http://opds-spec.org/image", urls.cover(issue_id), "image/png"))
    _link(
        entry, Link("http://opds-spec.org/image/thumbnail", urls.cover(issue_id, True), "image/png")
    )
    _link(entry, Link("alternate", urls.entry(issue_id), urls.ATOM_ENTRY, "Full entry"))
    for acquisition in acquisitions(issue):
        link = _link(
            entry,
            Link(
                acquisition.rel,
                acquisition.href,
                acquisition.media_type,
                FORMAT_TITLES[acquisition.format],
            ),
        )
        if acquisition.price is not None:
            amount = f"{acquisition.price.amount:.2f}"
            price = _sub(link, _q(OPDS, "price"), amount)
            price.set("currencycode", acquisition.price.currency)
            # Generic Atom readers (feedparser) keep a link's attributes but drop the
            # text of opds:price, so the price is also said in schema.org's words.
            link.set(_q(SCHEMA, "price"), amount)
            link.set(_q(SCHEMA, "priceCurrency"), acquisition.price.currency)
        if acquisition.indirect:
            _sub(link, _q(OPDS, "indirectAcquisition"), type=acquisition.file_type)
    return entry


def _content(entry: etree._Element, issue: Issue, limit: int | None) -> None:
    content = _sub(entry, _q(ATOM, "content"), type="xhtml")
    div = etree.SubElement(content, _q(XHTML, "div"), nsmap={None: XHTML})
    _sub(div, _q(XHTML, "p"), issue.label)  # the client reads the label from here
    if issue.authors:
        _sub(div, _q(XHTML, "p"), ", ".join(issue.authors))
    _sub(div, _q(XHTML, "p"), issue.lead)
    pieces: list[tuple[str, str]] = []
    for section in issue.sections:
        if section.heading:
            pieces.append(("h3", section.heading))
        pieces += [("p", paragraph) for paragraph in section.paragraphs]
    used = 0
    for tag, text in pieces:
        used += len(text)
        if limit is not None and used > limit:
            _sub(div, _q(XHTML, "p"), "[…] The whole text is in the full entry.")
            return
        _sub(div, _q(XHTML, tag), text)
