"""Facets of a selection: the other languages, years and series it can be narrowed to."""

from __future__ import annotations

from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters
from bookstore.server.catalog.words import language_name
from bookstore.server.opds.opds1 import Facet


def facet_links(catalog: Catalog, filters: Filters, *, root: str = "/opds") -> list[Facet]:
    """For each group (Language, Year, Series): "All", then every value that leaves
    issues in the selection, with how many."""
    facets = catalog.facets()
    groups = (
        ("Language", "language", [(code, language_name(code)) for code in facets.languages]),
        ("Year", "year", [(year, str(year)) for year in facets.years]),
        ("Series", "series", [(s.slug, s.name) for s in catalog.series()]),
    )
    links = []
    for group, field, values in groups:
        current = getattr(filters, field)
        cleared = filters.with_(**{field: None})
        links.append(
            Facet(
                group,
                "All",
                urls.issues(cleared, root=root),
                catalog.count(cleared),
                current is None,
            )
        )
        for value, title in values:
            narrowed = filters.with_(**{field: value})
            count = catalog.count(narrowed)
            if count or value == current:
                links.append(
                    Facet(group, title, urls.issues(narrowed, root=root), count, value == current)
                )
    return links
