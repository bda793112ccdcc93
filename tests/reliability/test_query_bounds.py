"""Queries of any shape: a sentence for what cannot be searched, never a traceback."""

from __future__ import annotations

import re

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.library.search.query import QueryError


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("(" * 400 + "nuclear" + ")" * 400, "nests too deeply at position 21"),
        ("NOT " * 200 + "nuclear", "nests too deeply"),
        (" OR ".join(["nuclear"] * 1250), "13,746 characters long; at most 1,000"),
        (" OR ".join(["a"] * 150), "150 terms; at most 100"),
        ("nuclear\x00korea", "a control character (U+0000) at position 8"),
        ("caf\udcff", "bytes that are not valid UTF-8 text at position 4"),
    ],
)
def test_queries_beyond_the_bounds_are_one_sentence(library: Library, query: str, reason: str):
    with pytest.raises(QueryError, match=re.escape(reason)):
        library.search(query)


def test_a_query_of_invalid_utf8_on_the_command_line_is_one_line(tmp_path, capsys):
    code = main(["--library", str(tmp_path / "lib"), "search", "caf\udcff"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "not valid UTF-8" in err and "Traceback" not in err


def test_queries_within_the_bounds_still_work(library: Library):
    assert library.search("(" * 10 + "lodz" + ")" * 10)
    assert library.search(" OR ".join(["lodz", "nuclear", "energy"] * 20))
