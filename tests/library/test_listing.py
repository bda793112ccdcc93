import datetime as dt

import pytest

from bookstore.library.facets import field_values, library_facets
from bookstore.library.library import Library
from bookstore.library.listing import Column, Listing, Scope, listing_ids
from bookstore.library.search.query import QueryError


def test_every_issue_newest_first_by_default(library: Library):
    ids = listing_ids(library, Listing())
    assert len(ids) == library.count()
    dates = [issue.date for issue in library.get_many(ids)]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("column", "key"),
    [
        (Column.TITLE, lambda i: i.title.lower()),
        (Column.DATE, lambda i: i.date),
        (Column.LANGUAGE, lambda i: i.language),
        (Column.SERIES, lambda i: (i.series.slug, i.year, i.number)),
        (Column.AUTHORS, lambda i: (i.authors[0] if i.authors else "").lower()),
    ],
)
def test_sorting_by_a_column_both_ways(library: Library, column, key):
    up = library.get_many(listing_ids(library, Listing(sort=column, descending=False)))
    down = library.get_many(listing_ids(library, Listing(sort=column, descending=True)))
    assert [key(i) for i in up] == sorted(key(i) for i in up)
    assert [key(i) for i in down] == sorted((key(i) for i in down), reverse=True)


def test_scope_narrows_by_series_year_topic_language_and_owned(library: Library):
    issues = library.list_issues()
    some = issues[0]
    by_series = library.get_many(listing_ids(library, Listing(Scope(series=some.series.slug))))
    assert by_series and all(i.series.slug == some.series.slug for i in by_series)
    assert len(by_series) == sum(1 for i in issues if i.series.slug == some.series.slug)
    scope = Scope(series=some.series.slug, year=some.year)
    assert {i.id for i in library.get_many(listing_ids(library, Listing(scope)))} == {
        i.id for i in issues if i.series.slug == some.series.slug and i.year == some.year
    }
    topic = some.topics[0]
    assert set(listing_ids(library, Listing(Scope(topic=topic)))) == {
        i.id for i in issues if topic in i.topics
    }
    assert set(listing_ids(library, Listing(Scope(language="pl")))) == {
        i.id for i in issues if i.language == "pl"
    }
    assert set(listing_ids(library, Listing(Scope(owned=False)))) == {
        i.id for i in issues if not i.owned
    }


def test_recently_added_holds_new_issues(library: Library):
    assert len(listing_ids(library, Listing(Scope(recent=True)))) == library.count()
    _where, params = Scope(recent=True).conditions(today=dt.date(2999, 1, 1))
    assert params == ["2998-12-02"]


def test_a_query_ranks_then_the_scope_and_a_column_apply(library: Library):
    ranked = listing_ids(library, Listing(query="nuclear OR energy"))
    assert ranked == library.search_ids("nuclear OR energy", sort="relevance")
    english = listing_ids(library, Listing(Scope(language="en"), query="nuclear OR energy"))
    assert english == [i for i in ranked if library.get(i).language == "en"]
    by_title = library.get_many(
        listing_ids(
            library, Listing(query="nuclear OR energy", sort=Column.TITLE, descending=False)
        )
    )
    assert {i.id for i in by_title} == set(ranked)
    assert [i.title.lower() for i in by_title] == sorted(i.title.lower() for i in by_title)


def test_an_unreadable_query_raises_its_reason(library: Library):
    with pytest.raises(QueryError, match="never closed"):
        listing_ids(library, Listing(query="(nuclear"))


def test_facets_count_what_the_sidebar_shows(library: Library):
    facets = library_facets(library)
    issues = library.list_issues()
    assert facets.total == len(issues)
    assert facets.owned == sum(i.owned for i in issues)
    for facet in facets.series:
        assert facet.count == sum(1 for i in issues if i.series.slug == facet.series.slug)
        assert [y for y, _ in facet.years] == sorted({y for y, _ in facet.years}, reverse=True)
    assert dict(facets.languages) == {
        lang: sum(1 for i in issues if i.language == lang) for lang in {"en", "pl", "ru"}
    }
    assert sum(n for _, n in facets.topics) == sum(len(i.topics) for i in issues)


def test_field_values_complete_by_prefix_then_inside(library: Library):
    author = library.list_issues()[0].authors[0]
    found = field_values(library, "author", author[:3].lower())
    assert author in found
    assert all(v.casefold().startswith(author[:3].casefold()) for v in found[:1])
    assert field_values(library, "owned") == ["no", "yes"]
    assert field_values(library, "nonsense") == []


def test_list_rows_match_the_issues(library: Library):
    from bookstore.library.list_rows import issue_rows

    ids = listing_ids(library, Listing())[:7]
    rows = issue_rows(library, [*ids, 999999])
    issues = library.get_many(ids)
    assert [r.id for r in rows] == ids
    for row, issue in zip(rows, issues, strict=True):
        assert (row.label, row.title, row.authors, row.date, row.language, row.owned) == (
            issue.label,
            issue.title,
            issue.authors,
            issue.date,
            issue.language,
            issue.owned,
        )
        assert row.price == issue.price


def test_field_values_read_elsewhere_are_kept_only_if_nothing_changed(library: Library):
    from bookstore.library.facets import FieldValues, all_field_values

    values = FieldValues(library)
    before = values.version()
    offered = {**all_field_values(library), "author": ["Only Offered"]}
    assert values.offer(offered, before)
    assert values("author", "only") == ["Only Offered"]  # kept: served without a read
    issue = library.list_issues()[0]
    library.remove(issue.id)
    assert not values.offer(offered, before)  # read before the change: dropped
    assert "Only Offered" not in values("author", "")  # read again from the library
    assert values("author", "") == field_values(library, "author", "")
