"""The catalog's navigation (series, years, topics, languages), shared by OPDS 1.2
and OPDS 2.0; ``root`` is ``/opds`` or ``/opds2``. Titles and summaries are in the
reader's language (``words``), series by the names the library has in it."""

from __future__ import annotations

from urllib.parse import quote

from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Words
from bookstore.server import urls
from bookstore.server.catalog.stock import Catalog, Filters
from bookstore.server.catalog.words import counted, issue_count, language_name
from bookstore.server.opds.opds1 import NavigationItem


def _types(root: str) -> tuple[str, str]:
    if root == "/opds":
        return urls.ATOM_NAVIGATION, urls.ATOM_ACQUISITION
    return urls.OPDS2, urls.OPDS2


def series_name(catalog: Catalog, slug: str, words: Words) -> str:
    return catalog.series_named(slug).name_in(words.language)


def series_items(catalog: Catalog, root: str, words: Words) -> list[NavigationItem]:
    navigation, _ = _types(root)
    counts = catalog.facets().series
    return [
        NavigationItem(
            entry.name_in(words.language),
            f"{root}/series/{entry.slug}",
            navigation,
            counted(words, say_plural("{count} issue, by year", "{count} issues, by year", count)),
            f"urn:bookstore:series:{entry.slug}",
            count,
        )
        for entry in catalog.series()
        for count in (counts.get(entry.slug, 0),)
    ]


def root_items(catalog: Catalog, root: str, words: Words) -> list[NavigationItem]:
    navigation, acquisition = _types(root)
    facets = catalog.facets()
    total = sum(facets.series.values())
    topics, languages = len(facets.topics), len(facets.languages)
    return [
        *series_items(catalog, root, words),
        NavigationItem(
            words.text(N_("Newest")),
            f"{root}/new",
            acquisition,
            words.text(N_("The newest issues of every series")),
            "urn:bookstore:new",
        ),
        NavigationItem(
            words.text(N_("Topics")),
            f"{root}/topics",
            navigation,
            counted(words, say_plural("{count} topic", "{count} topics", topics)),
            "urn:bookstore:topics",
        ),
        NavigationItem(
            words.text(N_("Languages")),
            f"{root}/languages",
            navigation,
            counted(words, say_plural("{count} language", "{count} languages", languages)),
            "urn:bookstore:languages",
        ),
        NavigationItem(
            words.text(N_("All issues")),
            urls.issues(Filters(), root=root),
            acquisition,
            issue_count(words, total),
            "urn:bookstore:all",
            total,
        ),
    ]


def year_items(catalog: Catalog, slug: str, root: str, words: Words) -> list[NavigationItem]:
    _, acquisition = _types(root)
    name = series_name(catalog, slug, words)
    every = Filters(series=slug)
    items = [
        NavigationItem(
            words.say(say("All issues of {series}", series=name)),
            urls.issues(every, root=root),
            acquisition,
            words.text(N_("Newest first")),
            f"urn:bookstore:series:{slug}:all",
            catalog.count(every),
        )
    ]
    for year in catalog.facets().years:
        selection = every.with_(year=year)
        count = catalog.count(selection)
        if count:
            summary = say_plural(
                "{count} issue of {year}", "{count} issues of {year}", count, year=year
            )
            items.append(
                NavigationItem(
                    str(year),
                    urls.issues(selection, root=root),
                    acquisition,
                    counted(words, summary),
                    f"urn:bookstore:series:{slug}:{year}",
                    count,
                )
            )
    return items


def topic_items(catalog: Catalog, root: str, words: Words) -> list[NavigationItem]:
    _, acquisition = _types(root)
    return [
        NavigationItem(
            topic,
            urls.issues(Filters(topic=topic), root=root),
            acquisition,
            issue_count(words, count),
            f"urn:bookstore:topic:{quote(topic)}",
            count,
        )
        for topic, count in catalog.facets().topics.items()
    ]


def language_items(catalog: Catalog, root: str, words: Words) -> list[NavigationItem]:
    _, acquisition = _types(root)
    return [
        NavigationItem(
            language_name(code),
            urls.issues(Filters(language=code), root=root),
            acquisition,
            issue_count(words, count),
            f"urn:bookstore:language:{code}",
            count,
        )
        for code, count in catalog.facets().languages.items()
    ]


def selection_title(catalog: Catalog, filters: Filters, words: Words) -> str:
    parts = []
    if filters.series:
        parts.append(series_name(catalog, filters.series, words))
    if filters.year is not None:
        parts.append(str(filters.year))
    if filters.language:
        parts.append(language_name(filters.language))
    if filters.topic:
        parts.append(filters.topic)
    return ", ".join(parts) or words.text(N_("All issues"))


def search_title(text: str, words: Words) -> str:
    return words.say(say("Search: {text}", text=text))
