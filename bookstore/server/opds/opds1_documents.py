"""The catalog's OPDS 1.2 documents, one function per kind of URL, each in the
reader's language (``words``)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
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


def _catalog_feed(
    catalog: Catalog,
    head: FeedHead,
    ids: list[int],
    words: Words,
    *,
    paging: Paging | None = None,
    facets: list[Facet] | None = None,
) -> bytes:
    """An acquisition feed of catalog entries (written once per language, see
    ``WrittenEntries``)."""

    def write(issue: Issue) -> bytes:
        return entry_xml(
            issue, catalog_acquisitions, words, content_limit=FEED_CONTENT_LIMIT
        ).encode()

    frame = acquisition_frame(head, words, paging=paging, facets=facets or ())
    entries = catalog.entries(f"opds1:{words.language}", ids, write)
    return b"".join((frame, *entries, FEED_END))


def _rss_link(series: str | None = None) -> Link:
    return Link("alternate", urls.rss(series), urls.RSS, "RSS")


def root(catalog: Catalog, words: Words) -> bytes:
    auth = Link("http://opds-spec.org/auth/document", "/opds/authentication", urls.AUTHENTICATION)
    head = FeedHead(
        "urn:bookstore:root",
        words.text(N_("Bookstore catalog")),
        ROOT,
        updated(catalog),
        _NAV,
        links=[_rss_link(), auth],
    )
    return navigation_feed(head, navigation.root_items(catalog, ROOT, words), words)


def series_list(catalog: Catalog, words: Words) -> bytes:
    title = words.text(N_("Series"))
    head = FeedHead("urn:bookstore:series", title, f"{ROOT}/series", updated(catalog), _NAV)
    return navigation_feed(head, navigation.series_items(catalog, ROOT, words), words)


def series_years(catalog: Catalog, slug: str, words: Words) -> bytes:
    items = navigation.year_items(catalog, slug, ROOT, words)
    head = FeedHead(
        f"urn:bookstore:series:{slug}",
        navigation.series_name(catalog, slug, words),
        f"{ROOT}/series/{slug}",
        updated(catalog),
        _NAV,
        links=[_rss_link(slug)],
    )
    return navigation_feed(head, items, words)


def topics(catalog: Catalog, words: Words) -> bytes:
    title = words.text(N_("Topics"))
    head = FeedHead("urn:bookstore:topics", title, f"{ROOT}/topics", updated(catalog), _NAV)
    return navigation_feed(head, navigation.topic_items(catalog, ROOT, words), words)


def languages(catalog: Catalog, words: Words) -> bytes:
    title = words.text(N_("Languages"))
    head = FeedHead("urn:bookstore:languages", title, f"{ROOT}/languages", updated(catalog), _NAV)
    return navigation_feed(head, navigation.language_items(catalog, ROOT, words), words)


def issues(catalog: Catalog, filters: Filters, number: int, words: Words) -> bytes:
    page = catalog.selection(filters, number)
    links = [_rss_link(filters.series)] if filters.series else []
    head = FeedHead(
        f"urn:bookstore:issues:{urls.issues(filters)}",
        navigation.selection_title(catalog, filters, words),
        urls.issues(filters, number),
        updated(catalog),
        _ACQ,
        links=links,
    )
    paging = Paging(page.total, number, page.size, lambda n: urls.issues(filters, n))
    facets = facet_links(catalog, filters, words)
    return _catalog_feed(catalog, head, page.ids, words, paging=paging, facets=facets)


def newest(catalog: Catalog, words: Words) -> bytes:
    page = catalog.selection(Filters(), 1)
    head = FeedHead(
        "urn:bookstore:new",
        words.text(N_("Newest issues")),
        f"{ROOT}/new",
        updated(catalog),
        _ACQ,
        links=[_rss_link()],
    )
    return _catalog_feed(catalog, head, page.ids, words)


def search(catalog: Catalog, text: str, number: int, words: Words) -> bytes:
    page = catalog.found(text, number)
    head = FeedHead(
        f"urn:bookstore:search:{quote(text)}",
        navigation.search_title(text, words),
        urls.search(text, number),
        updated(catalog),
        _ACQ,
    )
    paging = Paging(page.total, number, page.size, lambda n: urls.search(text, n))
    return _catalog_feed(catalog, head, page.ids, words, paging=paging)


def entry(catalog: Catalog, issue_id: int, words: Words) -> bytes:
    return entry_document(catalog.issue(issue_id), catalog_acquisitions, words)


def shelf(page: Page, acquisitions: AcquisitionsOf, when: dt.datetime, words: Words) -> bytes:
    title = words.text(N_("My issues"))
    head = FeedHead("urn:bookstore:shelf", title, f"{ROOT}/shelf", when, _ACQ)
    return acquisition_feed(head, page.issues, acquisitions, words)
