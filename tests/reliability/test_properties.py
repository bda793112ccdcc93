"""Property-based tests: any query, any page bytes, any text to typeset.

Each gives a result or the library's own error with a sentence, never another
exception. The example counts keep the whole file to a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookstore.errors import BookstoreError
from bookstore.ingest.page.layout import LayoutError
from bookstore.ingest.page.reading import parse_page
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.library.library import Library

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
QUERY_PIECES = st.sampled_from(
    ["(", ")", '"', "*", "-", ":", "OR", "AND", "NOT", "series:", "year:", "author:", "lang:",
     "topic:", "owned:", "..", "2019", "nucl", "łódź", "ёж", " ", "\t", "\x00", "\udcff", "^",
     "NEAR", "{", "}", "+", "'", "year:2018..", "series:spotlight", "\\"]
)  # fmt: skip
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(QUERY_PIECES, st.text(max_size=4)), max_size=30).map("".join),
)
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory):
    with Library.open(tmp_path_factory.mktemp("properties")) as library:
        yield library


@SETTINGS
@given(query=QUERIES)
def test_any_query_gives_results_or_a_sentence(sample_library: Library, query: str):
    try:
        hits = sample_library.search(query, limit=5)
        count = sample_library.search_count(query)
    except BookstoreError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert len(hits) <= 5 and count >= len(hits)


def _mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """A real page cut, spliced with noise, or with bytes flipped."""
    return st.one_of(
        st.integers(0, len(data)).map(lambda n: data[:n]),
        st.tuples(st.integers(0, len(data)), st.binary(max_size=40)).map(
            lambda cut: data[: cut[0]] + cut[1] + data[cut[0] :]
        ),
        st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=8).map(
            lambda flips: _flip(data, flips)
        ),
    )


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    changed = bytearray(data)
    for at, value in flips:
        changed[at] = value
    return bytes(changed)


PAGE_BYTES = st.one_of(
    st.binary(max_size=2000),
    *(_mutations((PAGES / name).read_bytes()) for name in sorted(p.name for p in PAGES.iterdir())),
)


@SETTINGS
@given(data=PAGE_BYTES)
def test_any_bytes_give_an_issue_or_a_reason(sample_library: Library, data: bytes):
    names = SeriesNames(sample_library.series())
    try:
        issue = parse_page(data, names)
    except LayoutError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert issue.title and (issue.lead or issue.sections)
