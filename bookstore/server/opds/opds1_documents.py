"""The catalog's OPDS 1.2 documents, one function per kind of URL."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters, Page
from bookstore.server.opds import navigation
from bookstore.server.opds.facet_links import facet_links
from bookstore.server.opds.opds1 import (
    FEED_CONTENT_LIMIT,
    FEED_END,
    Facet,
    FeedHead,
    Link,
    Paging,
    acquisition_feed,
    acquisition_frame,
    entry_document,
    entry_xml,
    navigation_feed,
)
from bookstore.server.shop.offers import AcquisitionsOf, catalog_acquisitions

ROOT = "/opds"
_NAV = urls.ATOM_NAVIGATION
_ACQ = urls.ATOM_ACQUISITION


def updated(catalog: Catalog) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(catalog.modified()), dt.UTC)


def _catalog_entry(issue: Issue) -> bytes:
    return entry_xml(issue, catalog_acquisitions, content_limit=FEED_CONTENT_LIMIT).encode()


def _catalog_feed(
    catalog: Catalog,
    head: FeedHead,
    ids: list[int],
    *,
    paging: Paging | None = None,
    facets: list[Facet] | None = None,
) -> bytes:
    """An acquisition feed of catalog entries (written once, see ``WrittenEntries``)."""
    frame = acquisition_frame(head, paging=paging, facets=facets or ())
    return b"".join((frame, *catalog.entries("opds1", ids, _catalog_entry), FEED_END))


def _rss_link(series: str | None = None) -> Link:
    return Link("alternate", urls.rss(series), urls.RSS, "RSS")


def root(catalog: Catalog) -> bytes:
    auth = Link("http://opds-spec.org/auth/document", "/opds/authentication", urls.AUTHENTICATION)
    head = FeedHead(
        "urn:bookstore:root",
        "Bookstore catalog",
        ROOT,
        updated(catalog),
        _NAV,
        links=[_rss_link(), auth],
    )
    return navigation_feed(head, navigation.root_items(catalog, ROOT))


def series_list(catalog: Catalog) -> bytes:
    head = FeedHead("urn:bookstore:series", "Series", f"{ROOT}/series", updated(catalog), _NAV)
    return navigation_feed(head, navigation.series_items(catalog, ROOT))


def series_years(catalog: Catalog, slug: str) -> bytes:
    items = navigation.year_items(catalog, slug, ROOT)
    head = FeedHead(
        f"urn:bookstore:series:{slug}",
        catalog.series_named(slug).name,
        f"{ROOT}/series/{slug}",
        updated(catalog),
        _NAV,
        links=[_rss_link(slug)],
    )
    return navigation_feed(head, items)


def topics(catalog: Catalog) -> bytes:
    head = FeedHead("urn:bookstore:topics", "Topics", f"{ROOT}/topics", updated(catalog), _NAV)
    return navigation_feed(head, navigation.topic_items(catalog, ROOT))


def languages(catalog: Catalog) -> bytes:
    head = FeedHead(
        "urn:bookstore:languages", "Languages", f"{ROOT}/languages", updated(catalog), _NAV
    )
    return navigation_feed(head, navigation.language_items(catalog, ROOT))


def issues(catalog: Catalog, filters: Filters, number: int) -> bytes:
    page = catalog.selection(filters, number)
    links = [_rss_link(filters.series)] if filters.series else []
    head = FeedHead(
        f"urn:bookstore:issues:{urls.issues(filters)}",
        navigation.selection_title(catalog, filters),
        urls.issues(filters, number),
        updated(catalog),
        _ACQ,
        links=links,
    )
    paging = Paging(page.total, number, page.size, lambda n: urls.issues(filters, n))
    return _catalog_feed(
        catalog, head, page.ids, paging=paging, facets=facet_links(catalog, filters)
    )


def newest(catalog: Catalog) -> bytes:
    page = catalog.selection(Filters(), 1)
    head = FeedHead(
        "urn:bookstore:new",
        "Newest issues",
        f"{ROOT}/new",
        updated(catalog),
        _ACQ,
        links=[_rss_link()],
    )
    return _catalog_feed(catalog, head, page.ids)


def search(catalog: Catalog, text: str, number: int) -> bytes:
    page = catalog.found(text, number)
    head = FeedHead(
        f"urn:bookstore:search:{quote(text)}",
        f"Search: {text}",
        urls.search(text, number),
        updated(catalog),
        _ACQ,
    )
    paging = Paging(page.total, number, page.size, lambda n: urls.search(text, n))
    return _catalog_feed(catalog, head, page.ids, paging=paging)


def entry(catalog: Catalog, issue_id: int) -> bytes:
    return entry_document(catalog.issue(issue_id), catalog_acquisitions)


def shelf(page: Page, acquisitions: AcquisitionsOf, when: dt.datetime) -> bytes:
    head = FeedHead("urn:bookstore:shelf", "My issues", f"{ROOT}/shelf", when, _ACQ)
    return acquisition_feed(head, page.issues, acquisitions)
