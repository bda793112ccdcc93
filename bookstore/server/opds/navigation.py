"""The catalog's navigation (series, years, topics, languages), shared by OPDS 1.2
and OPDS 2.0; ``root`` is ``/opds`` or ``/opds2``."""

from __future__ import annotations

from urllib.parse import quote

from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters
from bookstore.server.catalog.words import language_name
from bookstore.server.opds.opds1 import NavigationItem


def _types(root: str) -> tuple[str, str]:
    if root == "/opds":
        return urls.ATOM_NAVIGATION, urls.ATOM_ACQUISITION
    return urls.OPDS2, urls.OPDS2


def series_items(catalog: Catalog, root: str) -> list[NavigationItem]:
    navigation, _ = _types(root)
    counts = catalog.facets().series
    return [
        NavigationItem(
            entry.name,
            f"{root}/series/{entry.slug}",
            navigation,
            f"{counts.get(entry.slug, 0)} issues, by year",
            f"urn:bookstore:series:{entry.slug}",
            counts.get(entry.slug, 0),
        )
        for entry in catalog.series()
    ]


def root_items(catalog: Catalog, root: str) -> list[NavigationItem]:
    navigation, acquisition = _types(root)
    facets = catalog.facets()
    total = sum(facets.series.values())
    return [
        *series_items(catalog, root),
        NavigationItem(
            "Newest",
            f"{root}/new",
            acquisition,
            "The newest issues of every series",
            "urn:bookstore:new",
        ),
        NavigationItem(
            "Topics",
            f"{root}/topics",
            navigation,
            f"{len(facets.topics)} topics",
            "urn:bookstore:topics",
        ),
        NavigationItem(
            "Languages",
            f"{root}/languages",
            navigation,
            f"{len(facets.languages)} languages",
            "urn:bookstore:languages",
        ),
        NavigationItem(
            "All issues",
            urls.issues(Filters(), root=root),
            acquisition,
            f"{total} issues",
            "urn:bookstore:all",
            total,
        ),
    ]


def year_items(catalog: Catalog, slug: str, root: str) -> list[NavigationItem]:
    _, acquisition = _types(root)
    series = catalog.series_named(slug)
    every = Filters(series=slug)
    items = [
        NavigationItem(
            f"All issues of {series.name}",
            urls.issues(every, root=root),
            acquisition,
            "Newest first",
            f"urn:bookstore:series:{slug}:all",
            catalog.count(every),
        )
    ]
    for year in catalog.facets().years:
        selection = every.with_(year=year)
        count = catalog.count(selection)
        if count:
            items.append(
                NavigationItem(
                    str(year),
                    urls.issues(selection, root=root),
                    acquisition,
                    f"{count} issues of {year}",
                    f"urn:bookstore:series:{slug}:{year}",
                    count,
                )
            )
    return items


def topic_items(catalog: Catalog, root: str) -> list[NavigationItem]:
    _, acquisition = _types(root)
    return [
        NavigationItem(
            topic,
            urls.issues(Filters(topic=topic), root=root),
            acquisition,
            f"{count} issues",
            f"urn:bookstore:topic:{quote(topic)}",
            count,
        )
        for topic, count in catalog.facets().topics.items()
    ]


def language_items(catalog: Catalog, root: str) -> list[NavigationItem]:
    _, acquisition = _types(root)
    return [
        NavigationItem(
            language_name(code),
            urls.issues(Filters(language=code), root=root),
            acquisition,
            f"{count} issues",
            f"urn:bookstore:language:{code}",
            count,
        )
        for code, count in catalog.facets().languages.items()
    ]


def selection_title(catalog: Catalog, filters: Filters) -> str:
    parts = []
    if filters.series:
        parts.append(catalog.series_named(filters.series).name)
    if filters.year is not None:
        parts.append(str(filters.year))
    if filters.language:
        parts.append(language_name(filters.language))
    if filters.topic:
        parts.append(filters.topic)
    return ", ".join(parts) or "All issues"
