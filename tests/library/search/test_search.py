import datetime as dt

import pytest

from bookstore.library.library import Library
from bookstore.library.search.query import QueryError
from bookstore.model import Issue, Numbering, Section, Series

SPOTLIGHT = Series("spotlight", {"en": "PISM Spotlight"})
BULLETIN = Series("bulletin", {"en": "PISM Bulletin", "pl": "Biuletyn PISM"}, Numbering.RUNNING)


def _issue(
    number,
    year,
    title,
    lead,
    body="",
    *,
    series=SPOTLIGHT,
    language="en",
    authors=("Anna Nowak",),
    topics=("energy",),
    owned=True,
    day=1,
):
    return Issue(
        series=series, number=number, year=year, title=title, date=dt.date(year, 1, day),
        language=language, lead=lead, sections=(Section("What happened?", (body or "Nothing more.",)),),
        authors=authors, topics=topics, owned=owned,
    )  # fmt: skip


@pytest.fixture
def shelf(empty_library: Library) -> dict[str, int]:
    """A small library whose every issue is there to prove one search feature."""
    issues = {
        "lodz": _issue(1, 2018, "Łódź and its rail hub", "A city in central Poland.", language="pl", series=BULLETIN),
        "hedgehog": _issue(2, 2018, "Ёжик в тумане", "Мультфильм о ёжике.", language="ru", authors=("Юрий Норштейн",)),
        "nuclear": _issue(3, 2019, "Nuclear talks", "Talks on the nuclear programme.", topics=("Korean Peninsula", "security")),
        "nuclei": _issue(4, 2019, "Power plants", "Nuclei and reactors.", "The nuclear plant was in the text only.", authors=("Oskar Pietrewicz",), day=20),
        "north_korea": _issue(5, 2019, "North Korea after the summit", "The summit ended early.", owned=False),
        "korea_north": _issue(6, 2020, "Korea", "North of the border, nothing changed.", topics=("Korean Peninsula",)),
        "sanctions": _issue(7, 2020, "Sanctions on Iran", "New sanctions were announced.", series=BULLETIN),
        "embargo": _issue(8, 2020, "An arms embargo", "The embargo holds."),
    }  # fmt: skip
    return {key: empty_library.save(issue).id for key, issue in issues.items()}


def ids(library: Library, query: str, **options) -> list[int]:
    return [hit.issue.id for hit in library.search(query, **options)]


def test_case_and_diacritics_do_not_matter(empty_library, shelf):
    for query in ("lodz", "ŁÓDŹ", "Lodz", "łódź"):
        assert ids(empty_library, query) == [shelf["lodz"]]
    for query in ("ежик", "ЁЖИК", "ёжик"):
        assert ids(empty_library, query) == [shelf["hedgehog"]]


def test_prefixes(empty_library, shelf):
    assert set(ids(empty_library, "nucl*")) == {shelf["nuclear"], shelf["nuclei"]}
    assert ids(empty_library, "sanct*") == [shelf["sanctions"]]


def test_phrases_keep_word_order(empty_library, shelf):
    assert ids(empty_library, '"north korea"') == [shelf["north_korea"]]
    assert set(ids(empty_library, "north korea")) == {shelf["north_korea"], shelf["korea_north"]}


def test_and_or_not_and_parentheses(empty_library, shelf):
    assert set(ids(empty_library, "sanctions OR embargo")) == {shelf["sanctions"], shelf["embargo"]}
    assert ids(empty_library, "korea AND summit") == [shelf["north_korea"]]
    assert ids(empty_library, "korea NOT summit") == [shelf["korea_north"]]
    assert ids(empty_library, "korea -summit") == [shelf["korea_north"]]
    assert set(ids(empty_library, "(sanctions OR embargo) year:2020")) == {
        shelf["sanctions"],
        shelf["embargo"],
    }
    assert ids(empty_library, "(sanctions OR embargo) series:bulletin") == [shelf["sanctions"]]


def test_lower_case_operators_are_ordinary_words(empty_library, shelf):
    assert ids(empty_library, "sanctions or embargo") == []


def test_a_query_of_only_exclusions_lists_everything_else(empty_library, shelf):
    found = set(ids(empty_library, "NOT korea", limit=100))
    assert shelf["korea_north"] not in found and shelf["north_korea"] not in found
    assert shelf["lodz"] in found


def test_field_filters(empty_library, shelf):
    assert set(ids(empty_library, "series:bulletin")) == {shelf["lodz"], shelf["sanctions"]}
    assert set(ids(empty_library, "series:biuletyn")) == {shelf["lodz"], shelf["sanctions"]}
    assert set(ids(empty_library, "year:2018")) == {shelf["lodz"], shelf["hedgehog"]}
    assert len(ids(empty_library, "year:2018..2019")) == 5
    assert set(ids(empty_library, "year:2020..")) == {
        shelf["korea_north"],
        shelf["sanctions"],
        shelf["embargo"],
    }
    assert ids(empty_library, "author:pietrewicz") == [shelf["nuclei"]]
    assert ids(empty_library, "author:норштейн") == [shelf["hedgehog"]]
    assert ids(empty_library, "lang:pl") == [shelf["lodz"]]
    assert set(ids(empty_library, 'topic:"korean peninsula"')) == {
        shelf["nuclear"],
        shelf["korea_north"],
    }
    assert ids(empty_library, "owned:no") == [shelf["north_korea"]]
    assert shelf["north_korea"] not in ids(empty_library, "owned:yes korea")
    assert ids(empty_library, "owned:yes nuclear author:pietrewicz") == [shelf["nuclei"]]


def test_an_author_or_topic_matches_as_it_is_typed(empty_library, shelf):
    assert ids(empty_library, "author:pietr") == [shelf["nuclei"]]
    assert ids(empty_library, "author:норш") == [shelf["hedgehog"]]
    assert ids(empty_library, 'author:"pietr"') == []  # quoted: the whole name only
    assert set(ids(empty_library, "topic:kore")) >= {shelf["nuclear"], shelf["korea_north"]}
    assert ids(empty_library, "author:p") == []  # one letter is not a prefix


def test_or_across_text_and_fields(empty_library, shelf):
    assert set(ids(empty_library, "embargo OR lang:ru")) == {shelf["embargo"], shelf["hedgehog"]}


def test_relevance_puts_title_matches_before_body_matches(empty_library, shelf):
    assert ids(empty_library, "nuclear") == [shelf["nuclear"], shelf["nuclei"]]


def test_sorting_by_date_and_by_number(empty_library, shelf):
    by_date = [hit.issue for hit in empty_library.search("nuclear", sort="date")]
    assert [issue.date for issue in by_date] == sorted((i.date for i in by_date), reverse=True)
    assert ids(empty_library, "nuclear", sort="date") == [shelf["nuclei"], shelf["nuclear"]]
    by_number = [
        hit.issue for hit in empty_library.search("series:spotlight", sort="number", limit=100)
    ]
    keys = [(issue.year, issue.number) for issue in by_number]
    assert keys == sorted(keys, reverse=True)


def test_limit_and_offset_page_through_results(empty_library, shelf):
    everything = ids(empty_library, "year:2018..2020", sort="date", limit=100)
    assert ids(empty_library, "year:2018..2020", sort="date", limit=3, offset=2) == everything[2:5]
    assert empty_library.search_count("year:2018..2020") == len(everything) == 8


def test_snippets_mark_the_hits_in_the_original_spelling(empty_library, shelf):
    [hit] = empty_library.search("lodz")
    assert hit.title == "\x02Łódź\x03 and its rail hub"
    [hit] = empty_library.search("plant")
    assert "\x02plant\x03" in hit.snippet
    [hit] = empty_library.search("ежике")
    assert "\x02ёжике\x03" in hit.snippet


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("(nuclear", "never closed"),
        ("(", "never closed"),
        ("nuclear)", "unexpected"),
        ('"north korea', "never closed"),
        ("nuclear OR", "needs a term after it"),
        ("AND nuclear", "needs a term before it"),
        ("()", "empty"),
        ("colour:red", "unknown field"),
        ("year:twenty", "year: expects"),
        ("year:2020..2018", "ends before it starts"),
        ("owned:maybe", "owned: expects yes or no"),
        ("lang:english!", "lang: expects"),
        ("n*", "at least two letters"),
        ("–", "no letters or digits"),
    ],
)
def test_queries_the_parser_cannot_read_get_a_clear_error(empty_library, query, message):
    with pytest.raises(QueryError, match=message):
        empty_library.search(query)


def test_the_sample_catalog_is_searchable_across_languages(library: Library):
    assert any("Łódź" in hit.issue.body_text() + hit.issue.lead for hit in library.search("lodz"))
    assert library.search("lang:ru ещё")
    assert library.search("series:spotlight year:2019")


def test_filters_inside_or_and_not_combine_with_words(empty_library, shelf):
    assert set(ids(empty_library, "lang:ru OR series:bulletin")) == {
        shelf["hedgehog"],
        shelf["lodz"],
        shelf["sanctions"],
    }
    assert ids(empty_library, "sanctions -series:spotlight") == [shelf["sanctions"]]
    assert shelf["lodz"] not in ids(empty_library, "NOT lang:pl", limit=100)
    assert set(ids(empty_library, "embargo OR NOT year:2018..2020", limit=100)) == {
        shelf["embargo"]
    }


def test_ownership_changes_are_searchable(empty_library, shelf):
    import dataclasses

    issue = empty_library.get(shelf["north_korea"])
    empty_library.save(dataclasses.replace(issue, owned=True, id=None))
    assert ids(empty_library, "owned:no") == []


def test_issues_dated_before_1970_are_searched_and_sorted_by_date(tmp_path):
    """An old date (an archive's first issues) once made the index unwritable and every
    later command on the library fail."""
    folder = tmp_path / "archive"
    with Library.open(folder, with_sample=False) as library:
        with library.transaction():
            library.put_series(SPOTLIGHT)
        old = library.save(_issue(1, 1965, "Détente in Europe", "The first issue."))
        oldest = library.save(_issue(1, 1850, "A century of treaties", "Treaties and Europe."))
        new = library.save(_issue(2, 2020, "Europe today", "Europe again."))
    with Library.open(folder, with_sample=False) as library:
        assert library.search_index_problem is None
        assert ids(library, "europe", sort="date") == [new.id, old.id, oldest.id]
        assert library.search_count("year:1800..1970") == 2
