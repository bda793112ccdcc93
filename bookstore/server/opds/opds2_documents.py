"""The catalog's OPDS 2.0 documents, one function per kind of URL (as OPDS 1.2's), each
in the reader's language (``words``). A publication has no words of the catalog's, so
one written publication serves every language."""

from __future__ import annotations

from typing import Any

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters, IdPage, Page
from bookstore.server.opds import navigation
from bookstore.server.opds.facet_links import facet_links
from bookstore.server.opds.opds2 import (
    document_bytes,
    navigation_document,
    publication_bytes,
    publications_document,
)
from bookstore.server.shop.offers import AcquisitionsOf, catalog_acquisitions

ROOT = "/opds2"


def root(catalog: Catalog, words: Words) -> bytes:
    extra = [
        {"rel": "alternate", "href": urls.rss(), "type": urls.RSS, "title": "RSS"},
        {
            "rel": "http://opds-spec.org/auth/document",
            "href": "/opds/authentication",
            "type": urls.AUTHENTICATION,
        },
    ]
    items = navigation.root_items(catalog, ROOT, words)
    title = words.text(N_("Bookstore catalog"))
    return document_bytes(navigation_document(title, ROOT, items, words, extra))


def series_list(catalog: Catalog, words: Words) -> bytes:
    items = navigation.series_items(catalog, ROOT, words)
    title = words.text(N_("Series"))
    return document_bytes(navigation_document(title, f"{ROOT}/series", items, words))


def series_years(catalog: Catalog, slug: str, words: Words) -> bytes:
    items = navigation.year_items(catalog, slug, ROOT, words)
    extra = [{"rel": "alternate", "href": urls.rss(slug), "type": urls.RSS, "title": "RSS"}]
    name = navigation.series_name(catalog, slug, words)
    document = navigation_document(name, f"{ROOT}/series/{slug}", items, words, extra)
    return document_bytes(document)


def topics(catalog: Catalog, words: Words) -> bytes:
    items = navigation.topic_items(catalog, ROOT, words)
    title = words.text(N_("Topics"))
    return document_bytes(navigation_document(title, f"{ROOT}/topics", items, words))


def languages(catalog: Catalog, words: Words) -> bytes:
    items = navigation.language_items(catalog, ROOT, words)
    title = words.text(N_("Languages"))
    return document_bytes(navigation_document(title, f"{ROOT}/languages", items, words))


def _catalog_publication(issue: Issue) -> bytes:
    return publication_bytes(issue, catalog_acquisitions)


def _written(catalog: Catalog, ids: list[int]) -> list[bytes]:
    """Catalog publications, written once (see ``WrittenEntries``)."""
    return catalog.entries("opds2", ids, _catalog_publication)


def _paging_links(href, page: IdPage) -> list[dict[str, Any]]:
    links = [
        {"rel": "first", "href": href(1), "type": urls.OPDS2},
        {"rel": "last", "href": href(page.last), "type": urls.OPDS2},
    ]
    if page.number > 1:
        links.append(
            {
                "rel": "previous",
                "href": href(min(page.number, page.last + 1) - 1),
                "type": urls.OPDS2,
            }
        )
    if page.number < page.last:
        links.append({"rel": "next", "href": href(page.number + 1), "type": urls.OPDS2})
    return links


def issues(catalog: Catalog, filters: Filters, number: int, words: Words) -> bytes:
    page = catalog.selection(filters, number)

    def href(n: int) -> str:
        return urls.issues(filters, n, root=ROOT)

    return publications_document(
        navigation.selection_title(catalog, filters, words),
        href(number),
        _written(catalog, page.ids),
        words,
        total=page.total,
        page=number,
        size=page.size,
        paging_links=_paging_links(href, page),
        facets=facet_links(catalog, filters, words, root=ROOT),
    )


def newest(catalog: Catalog, words: Words) -> bytes:
    page = catalog.selection(Filters(), 1)
    title = words.text(N_("Newest issues"))
    return publications_document(title, f"{ROOT}/new", _written(catalog, page.ids), words)


def search(catalog: Catalog, text: str, number: int, words: Words) -> bytes:
    page = catalog.found(text, number)

    def href(n: int) -> str:
        return urls.search(text, n, root=ROOT)

    return publications_document(
        navigation.search_title(text, words),
        href(number),
        _written(catalog, page.ids),
        words,
        total=page.total,
        page=number,
        size=page.size,
        paging_links=_paging_links(href, page),
    )


def entry(catalog: Catalog, issue_id: int, words: Words) -> bytes:
    return publication_bytes(catalog.issue(issue_id), catalog_acquisitions)


def shelf(page: Page, acquisitions: AcquisitionsOf, words: Words) -> bytes:
    publications = [publication_bytes(issue, acquisitions) for issue in page.issues]
    title = words.text(N_("My issues"))
    return publications_document(title, f"{ROOT}/shelf", publications, words)
