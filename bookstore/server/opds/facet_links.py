"""Facets of a selection: the other languages, years and series it can be narrowed to."""

from __future__ import annotations

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters
from bookstore.server.catalog.words import language_name
from bookstore.server.opds.opds1 import Facet


def facet_links(
    catalog: Catalog, filters: Filters, words: Words, *, root: str = "/opds"
) -> list[Facet]:
    """For each group (Language, Year, Series): "All", then every value that leaves
    issues in the selection, with how many; in the reader's language (``words``)."""
    facets = catalog.facets()
    series = [(s.slug, s.name_in(words.language)) for s in catalog.series()]
    groups = (
        (N_("Language"), "language", [(code, language_name(code)) for code in facets.languages]),
        (N_("Year"), "year", [(year, str(year)) for year in facets.years]),
        (N_("Series"), "series", series),
    )
    every = words.text(N_("All"))
    links = []
    for name, field, values in groups:
        group = words.text(name)
        current = getattr(filters, field)
        cleared = filters.with_(**{field: None})
        links.append(
            Facet(
                group,
                every,
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
