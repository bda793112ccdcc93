"""The catalog's OPDS 2.0 documents, one function per kind of URL (as OPDS 1.2's)."""

from __future__ import annotations

from typing import Any

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


def root(catalog: Catalog) -> bytes:
    extra = [
        {"rel": "alternate", "href": urls.rss(), "type": urls.RSS, "title": "RSS"},
        {
            "rel": "http://opds-spec.org/auth/document",
            "href": "/opds/authentication",
            "type": urls.AUTHENTICATION,
        },
    ]
    items = navigation.root_items(catalog, ROOT)
    return document_bytes(navigation_document("Bookstore catalog", ROOT, items, extra))


def series_list(catalog: Catalog) -> bytes:
    items = navigation.series_items(catalog, ROOT)
    return document_bytes(navigation_document("Series", f"{ROOT}/series", items))


def series_years(catalog: Catalog, slug: str) -> bytes:
    items = navigation.year_items(catalog, slug, ROOT)
    extra = [{"rel": "alternate", "href": urls.rss(slug), "type": urls.RSS, "title": "RSS"}]
    name = catalog.series_named(slug).name
    return document_bytes(navigation_document(name, f"{ROOT}/series/{slug}", items, extra))


def topics(catalog: Catalog) -> bytes:
    items = navigation.topic_items(catalog, ROOT)
    return document_bytes(navigation_document("Topics", f"{ROOT}/topics", items))


def languages(catalog: Catalog) -> bytes:
    items = navigation.language_items(catalog, ROOT)
    return document_bytes(navigation_document("Languages", f"{ROOT}/languages", items))


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


def issues(catalog: Catalog, filters: Filters, number: int) -> bytes:
    page = catalog.selection(filters, number)

    def href(n: int) -> str:
        return urls.issues(filters, n, root=ROOT)

    return publications_document(
        navigation.selection_title(catalog, filters),
        href(number),
        _written(catalog, page.ids),
        total=page.total,
        page=number,
        size=page.size,
        paging_links=_paging_links(href, page),
        facets=facet_links(catalog, filters, root=ROOT),
    )


def newest(catalog: Catalog) -> bytes:
    page = catalog.selection(Filters(), 1)
    return publications_document("Newest issues", f"{ROOT}/new", _written(catalog, page.ids))


def search(catalog: Catalog, text: str, number: int) -> bytes:
    page = catalog.found(text, number)

    def href(n: int) -> str:
        return urls.search(text, n, root=ROOT)

    return publications_document(
        f"Search: {text}",
        href(number),
        _written(catalog, page.ids),
        total=page.total,
        page=number,
        size=page.size,
        paging_links=_paging_links(href, page),
    )


def entry(catalog: Catalog, issue_id: int) -> bytes:
    return publication_bytes(catalog.issue(issue_id), catalog_acquisitions)


def shelf(page: Page, acquisitions: AcquisitionsOf) -> bytes:
    publications = [publication_bytes(issue, acquisitions) for issue in page.issues]
    return publications_document("My issues", f"{ROOT}/shelf", publications)
