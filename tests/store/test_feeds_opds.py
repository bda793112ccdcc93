"""Subscribing to a store's own OPDS feeds: issues the library holds are updated, not
duplicated; prices stay; a navigation catalog is refused with a sentence."""

from __future__ import annotations

import pytest

from bookstore.library.library import Library
from bookstore.store.errors import StoreError
from bookstore.store.feeds.subscriptions import FeedReader
from tests.store.served import bookstore_serve


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with bookstore_serve(tmp_path_factory.mktemp("serve")) as running:
        yield running


def _shape(library: Library) -> tuple[int, list[str], dict[str, object]]:
    issues = library.list_issues()
    return (
        library.count(),
        sorted(s.slug for s in library.series()),
        {f"{i.series.slug} {i.number}/{i.year} {i.language}": i.price for i in issues},
    )


@pytest.mark.parametrize("path", ["/opds/new", "/opds2/new", "/rss"])
def test_the_stores_own_feeds_update_the_issues_the_library_holds(store, tmp_path, path):
    base, _ = store
    library = Library.open(tmp_path / "reader")  # the sample library: what the store sells
    before = _shape(library)
    with FeedReader(library, timeout=10) as reader:
        report = reader.subscribe(base + path)
    assert report.new, "the feed's issues are listed"
    assert {item.issue_id for item in report.new} <= {i.id for i in library.list_issues()}
    assert _shape(library) == before, "no duplicate, no new series, prices as they were"
    library.close()


def test_priced_issues_keep_their_price_in_an_empty_library(store, tmp_path):
    base, served = store
    with Library.open(served, read_only=True) as publisher:
        prices = {i.title: i.price for i in publisher.list_issues()}
        labels = {i.title: i.label for i in publisher.list_issues()}
        series_prices = {s.slug: s.price for s in publisher.series()}
    library = Library.open(tmp_path / "empty", with_sample=False)
    with FeedReader(library, timeout=10) as reader:
        report = reader.subscribe(base + "/opds/new")
    got = {i.title: i.price for i in library.list_issues()}
    assert len(got) == len(report.new) == len(prices)
    assert got == prices
    assert any(price is not None for price in got.values())
    assert not any(i.owned for i in library.list_issues())
    assert "Newest issues" not in {s.name for s in library.series()}
    assert {s.slug: s.price for s in library.series()} == series_prices, "series priced too"
    assert {i.title: i.label for i in library.list_issues()} == labels, "series named per language"
    library.close()


@pytest.mark.parametrize("path", ["/opds", "/opds2", "/opds/series"])
def test_a_navigation_catalog_is_refused_with_what_to_follow_instead(store, tmp_path, path):
    base, _ = store
    library = Library.open(tmp_path / "reader", with_sample=False)
    known = library.series()  # a new library knows the publisher's series
    with FeedReader(library, timeout=10) as reader, pytest.raises(StoreError) as refused:
        reader.subscribe(base + path)
    message = str(refused.value)
    assert "navigation catalog" in message and "instead" in message
    if path == "/opds":
        assert base + "/rss" in message and base + "/opds/new" in message
    assert library.count() == 0 and library.series() == known
    from bookstore.library.subscriptions import subscriptions

    assert subscriptions(library) == []
    library.close()
