"""Ranking is exact: the top 10 and 50 of every kind of query equal a brute-force ranking
of all matches (``bm25_reference``), ties aside; pages follow one another."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bookstore.library.library import Library
from bookstore.library.search.query import parse
from bookstore.model import Issue, Section, Series
from tests.library.search.bm25_reference import Corpus
from tests.perf.generate import SERIES, IssueGenerator

ISSUES = 3000
_NEAR = 1e-5  # relative: scores this close are ties (tantivy scores in 32-bit floats)


def _queries(generator: IssueGenerator, author: str) -> list[str]:
    en, pl, ru = generator.words["en"], generator.words["pl"], generator.words["ru"]
    return [
        # words, common to rare
        en[0], en[1], en[60], en[400], pl[0], pl[80], ru[40],
        f"{en[0]} {en[60]}", f"{en[3]} AND {en[30]}",
        # OR, NOT, groups
        f"{en[120]} OR {en[200]}", f"{en[60]} -{en[0]}", f"{en[60]} NOT {en[5]}",
        f"({en[120]} OR {en[200]}) -{en[0]}", f"NOT {en[0]}",
        # phrases: of common words (read from word pairs), mixed, of three words
        f'"{en[0]} {en[1]}"', f'"{en[1]} {en[0]}"', f'"{en[0]} {en[1]} {en[0]}"',
        f'"{en[2]} {en[60]}"', f'"{pl[0]} {pl[1]}"',
        # prefixes, alone and in phrases
        en[60][:4] + "*", en[200][:3] + "*", pl[100][:4] + "*", f'"{en[0]} {en[1][:3]}"*',
        # fields and filters
        f"author:{author}", 'topic:"topic 5"', "topic:topi*",
        f"{en[60]} series:bulletin", f"{en[5]} year:2000..2005 lang:en",
        f"{en[60]} owned:yes", f"{en[30]} year:2010", f"{en[30]} year:..1998",
        # combinations, and ORs where some matches score nothing
        f'{en[60][:4]}* "{en[0]} {en[1]}"', f"{en[400]} OR lang:ru",
        f"({en[120]} OR series:report) -{en[3]}",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """A library of ISSUES generated issues over 25 years; rankings from its first index
    (no common words: phrases read from word positions) are kept before the index is
    rebuilt with the common words' pairs."""
    generator = IssueGenerator(SERIES)
    folder: Path = tmp_path_factory.mktemp("ranked")
    with Library.open(folder, with_sample=False) as library:
        with library.transaction():
            for series in SERIES:
                library.put_series(series)
            for n in range(ISSUES):
                library.save(generator.issue(n * 33))
        author = library.get(17).authors[0].split()[-1]
        queries = _queries(generator, author)
        before = {query: library.search_ids(query, "relevance", 50) for query in queries}
        library.rebuild_search_index()
        assert library.search_engine.index.common, "a library this size has common words"
        corpus = Corpus(library.get_many(library.all_issue_ids()))
        yield library, corpus, queries, before


def _assert_same_ranking(found: list[int], expected: list[tuple[float, int]], query: str) -> None:
    """Position by position, the issue found scores what the expected one does (so they
    are the same issue, or tie)."""
    scores = dict((doc, score) for score, doc in expected)
    assert len(found) == min(len(expected), len(found)), query
    for position, (doc, (score, _)) in enumerate(zip(found, expected, strict=False)):
        assert doc in scores, f"{query}: {doc} does not match"
        assert abs(scores[doc] - score) <= _NEAR * max(score, 1e-9), (
            f"{query}: at {position + 1}, issue {doc} scores {scores[doc]}, expected {score}"
        )


def test_top_10_and_50_equal_a_brute_force_ranking_of_every_match(generated):
    library, corpus, queries, _ = generated
    for query in queries:
        expected = corpus.ranking(parse(query))
        assert library.search_count(query) == len(expected), query
        for k in (10, 50):
            found = library.search_ids(query, "relevance", k)
            assert len(found) == min(k, len(expected)), query
            _assert_same_ranking(found, expected[:k], query)


def test_the_queries_cover_common_and_rare_matches(generated):
    library, _, queries, _ = generated
    counts = [library.search_count(query) for query in queries]
    assert max(counts) > ISSUES // 2  # words in most issues
    assert any(0 < count < 20 for count in counts)  # rare ones
    phrase = f'"{queries[0]} {queries[1]}"'
    assert all(word in library.search_engine.index.common for word in (queries[0], queries[1]))
    assert library.search_count(phrase) > ISSUES // 4  # a phrase read from pairs


def test_phrases_from_word_pairs_rank_as_phrases_from_positions(generated):
    library, corpus, queries, before = generated
    for query in queries:
        after = library.search_ids(query, "relevance", 50)
        expected = corpus.ranking(parse(query))
        _assert_same_ranking(before[query], expected[:50], query)
        _assert_same_ranking(after, expected[:50], query)


def test_exact_ties_go_newest_first(empty_library: Library):
    def issue(number: int, day: int) -> Issue:
        return Issue(
            series=Series("spotlight", {"en": "PISM Spotlight"}), number=number, year=2020,
            title="Grid security", date=dt.date(2020, 1, day), language="en",
            lead="The same lead.", sections=(Section("Why?", ("The same text.",)),),
        )  # fmt: skip

    days = [5, 20, 1, 13, 28, 9]
    ids = {day: empty_library.save(issue(n + 1, day)).id for n, day in enumerate(days)}
    newest_first = [ids[day] for day in sorted(days, reverse=True)]
    assert empty_library.search_ids("grid", "relevance", 10) == newest_first
    assert empty_library.search_ids("grid", "relevance", 3) == newest_first[:3]
    assert [hit.issue.id for hit in empty_library.search("grid", limit=2, offset=2)] == (
        newest_first[2:4]
    )


@pytest.mark.parametrize("sort", ["relevance", "date", "number"])
def test_page_two_follows_page_one(generated, sort):
    library, _, queries, _ = generated
    common, rare = queries[0], queries[5]
    for query in (common, rare, f'"{queries[0]} {queries[1]}"', "series:spotlight"):
        everything = library.search_ids(query, sort)
        assert len(everything) == library.search_count(query)
        pages = [
            [hit.issue.id for hit in library.search(query, sort, limit=10, offset=offset)]
            for offset in (0, 10)
        ]
        assert pages[0] + pages[1] == everything[:20], (query, sort)
        assert library.search_ids(query, sort, 20) == everything[:20]


def test_sorting_by_date_means_the_issues_date(generated):
    library, corpus, queries, _ = generated
    found = library.search_ids(queries[0], "date")
    dates = [corpus.issues[doc].date for doc in found]
    assert dates == sorted(dates, reverse=True)
    assert len(found) == library.search_count(queries[0])


def test_a_changed_issue_is_found_by_its_new_words_only(library: Library):
    issue = library.get(3)
    library.save(dataclasses.replace(issue, title="Zyzzyva quarterly", id=None))
    assert library.search_ids("zyzzyva") == [3]
    library.save(dataclasses.replace(issue, id=None))
    assert library.search_ids("zyzzyva") == []
    assert library.search_count("lang:en OR lang:pl OR lang:ru") == library.count()
