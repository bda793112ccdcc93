"""A listing with a query is read from the search index a range at a time: its count
and every prefix must be exactly what ranking all matches and filtering them gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookstore.library.library import Library
from bookstore.library.listing import Column, Lister, Listing, Scope, listing_ids
from tests.perf.generate import build_library

QUERIES = ("woman", "important OR moment", "woman important", "security", "lang:pl", "owned:no")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    library = build_library(tmp_path_factory.mktemp("ranges") / "library", 400)
    yield library
    library.close()


def _scopes(library: Library) -> list[Scope]:
    some = library.list_issues()[0]
    topic = library.db.execute(
        "SELECT topic FROM issue_topic GROUP BY topic ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    return [
        Scope(),
        Scope(language="pl"),
        Scope(series=some.series.slug),
        Scope(series=some.series.slug, year=some.year),
        Scope(topic=topic),
        Scope(owned=False),
        Scope(recent=True),
    ]


def _expected(library: Library, listing: Listing) -> list[int]:
    """The listing as ranking every match and filtering it in SQL gives it."""
    in_scope = listing_ids(library, Listing(listing.scope))
    if listing.sort is None:
        kept = set(in_scope)
        return [i for i in library.search_ids(listing.query, sort="relevance") if i in kept]
    matching = set(library.search_ids(listing.query, sort="date"))
    order = listing_ids(library, Listing(listing.scope, "", listing.sort, listing.descending))
    return [i for i in order if i in matching]


@pytest.mark.parametrize("query", QUERIES)
def test_every_prefix_and_the_count_are_exact(generated: Library, query: str):
    checked = 0
    for scope in _scopes(generated):
        for sort, descending in ((None, True), (Column.DATE, True), (Column.DATE, False)):
            listing = Listing(scope, query, sort, descending)
            expected = _expected(generated, listing)
            listed = Lister(generated).open(listing)
            assert listed.count == len(expected), listing
            read: list[int] = []
            for stop in (1, 3, 17, 40, len(expected)):
                read = list(listed.prefix(stop))
                assert len(read) >= min(stop, len(expected))
                assert read == expected[: len(read)], (listing, stop)
            assert read == expected
            checked += len(expected)
    assert checked > 0  # the queries match something in the generated library


def test_a_column_sort_with_a_query_holds_every_match_in_the_column_order(generated: Library):
    for scope in _scopes(generated)[:3]:
        for descending in (True, False):
            listing = Listing(scope, "woman OR security", Column.TITLE, descending)
            assert listing_ids(generated, listing) == _expected(generated, listing)


def test_results_stay_those_of_the_snapshot_they_were_read_from(tmp_path: Path):
    library = build_library(tmp_path / "library", 60)
    try:
        listed = Lister(library).open(Listing(query="lang:en"))
        first = list(listed.prefix(2))
        count = listed.count
        victim = listed.prefix(count)[-1]
        library.remove(victim)
        assert list(listed.prefix(count)[:2]) == first  # read on from the same snapshot
        assert Lister(library).open(Listing(query="lang:en")).count == count - 1
    finally:
        library.close()
