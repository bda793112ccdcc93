"""OPDS 2.0 documents (JSON): the same catalog as OPDS 1.2, at ``/opds2``.

Checked in the tests against the OPDS 2.0 and Readium Web Publication Manifest
JSON Schemas. Series and position go in ``belongsTo.series``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.catalog.words import series_position
from bookstore.server.opds.opds1 import Facet, NavigationItem
from bookstore.server.shop.offers import AcquisitionsOf

SEARCH_TEMPLATE = "/opds2/search{?query}"


def document_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def feed_links(self_href: str, extra: Sequence[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    return [
        {"rel": "self", "href": self_href, "type": urls.OPDS2},
        {"rel": "start", "href": "/opds2", "type": urls.OPDS2},
        {"rel": "search", "href": SEARCH_TEMPLATE, "type": urls.OPDS2, "templated": True},
        {"rel": "http://opds-spec.org/shelf", "href": "/opds2/shelf", "type": urls.OPDS2},
        *extra,
    ]


def _home(words: Words) -> list[dict[str, Any]]:
    """The one navigation link of a document that would otherwise have none."""
    return [{"href": "/opds2", "title": words.text(N_("Catalog")), "type": urls.OPDS2}]


def navigation_document(
    title: str,
    self_href: str,
    items: Sequence[NavigationItem],
    words: Words,
    extra_links: Sequence[dict] = (),
) -> dict[str, Any]:
    navigation = []
    for item in items:
        link: dict[str, Any] = {"href": item.href, "title": item.title, "type": urls.OPDS2}
        if item.count is not None:
            link["properties"] = {"numberOfItems": item.count}
        navigation.append(link)
    return {
        "metadata": {"title": title},
        "links": feed_links(self_href, extra_links),
        "navigation": navigation or _home(words),
    }


def publications_document(
    title: str,
    self_href: str,
    publications: Sequence[bytes],
    words: Words,
    *,
    total: int | None = None,
    page: int | None = None,
    size: int | None = None,
    paging_links: Sequence[dict[str, Any]] = (),
    facets: Sequence[Facet] = (),
) -> bytes:
    """A feed of publications already written (``publication_bytes``), which may be
    shared by every feed that shows the issue."""
    metadata: dict[str, Any] = {"title": title}
    if total is not None:
        metadata.update(numberOfItems=total, itemsPerPage=size, currentPage=page)
    document: dict[str, Any] = {"metadata": metadata, "links": feed_links(self_href, paging_links)}
    if facets:
        document["facets"] = _facets(facets)
    if not publications:  # the schema wants at least one publication, or else navigation
        document["navigation"] = _home(words)
        return document_bytes(document)
    document["publications"] = []  # the last member: its "[]" is filled below
    written = document_bytes(document)
    assert written.endswith(b"[]}")
    return b"".join((written[:-2], b",".join(publications), b"]}"))


def _facets(facets: Sequence[Facet]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for facet in facets:
        link: dict[str, Any] = {
            "href": facet.href,
            "title": facet.title,
            "type": urls.OPDS2,
            "properties": {"numberOfItems": facet.count},
        }
        if facet.active:
            link["rel"] = "self"
        groups.setdefault(facet.group, []).append(link)
    return [{"metadata": {"title": group}, "links": links} for group, links in groups.items()]


def publication_bytes(issue: Issue, acquisitions: AcquisitionsOf) -> bytes:
    return document_bytes(publication(issue, acquisitions))


def publication(issue: Issue, acquisitions: AcquisitionsOf) -> dict[str, Any]:
    issue_id = issue.id or 0
    metadata: dict[str, Any] = {
        "@type": "http://schema.org/Book",
        "identifier": urls.issue_urn(issue_id),
        "title": issue.title,
        "language": issue.language,
        "published": issue.date.isoformat(),
        "description": issue.lead,
        "belongsTo": {
            "series": [
                {
                    "name": issue.series.name_in(issue.language),
                    "position": series_position(issue),
                    "identifier": issue.series.issn or f"urn:bookstore:series:{issue.series.slug}",
                }
            ]
        },
    }
    if issue.authors:
        metadata["author"] = [{"name": name} for name in issue.authors]
    if issue.topics:
        metadata["subject"] = [
            {"name": topic, "scheme": "urn:bookstore:topic"} for topic in issue.topics
        ]
    links: list[dict[str, Any]] = [
        {"rel": "self", "href": urls.publication(issue_id), "type": urls.OPDS2_PUBLICATION},
        {"rel": "alternate", "href": urls.entry(issue_id), "type": urls.ATOM_ENTRY},
        *(
            {"rel": "describedby", "href": urls.citation(issue_id, extension), "type": media_type}
            for extension, media_type in urls.CITATION_TYPES.items()
        ),
    ]
    for acquisition in acquisitions(issue):
        link: dict[str, Any] = {
            "rel": acquisition.rel,
            "href": acquisition.href,
            "type": acquisition.media_type,
            "title": acquisition.format.upper(),
        }
        properties: dict[str, Any] = {}
        if acquisition.price is not None:
            properties["price"] = {
                "value": float(acquisition.price.amount),
                "currency": acquisition.price.currency,
            }
        if acquisition.indirect:
            properties["indirectAcquisition"] = [{"type": acquisition.file_type}]
        if properties:
            link["properties"] = properties
        links.append(link)
    return {
        "metadata": metadata,
        "links": links,
        "images": [
            {"href": urls.cover(issue_id), "type": "image/png", "width": 1200, "height": 1800},
            {"href": urls.cover(issue_id, True), "type": "image/png", "width": 300, "height": 450},
        ],
    }
