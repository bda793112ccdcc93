"""Renaming a saved search: its query kept, names checked, nothing changed on a refusal."""

from __future__ import annotations

import pytest

from bookstore.errors import BookstoreError, NotFound
from bookstore.library.library import Library
from bookstore.library.saved_searches import rename_search, save_search, saved_searches


def names(library: Library) -> list[tuple[str, str]]:
    return [(s.name, s.query) for s in saved_searches(library)]


def test_a_saved_search_is_renamed_with_its_query(library: Library):
    save_search(library, "Korea", "korea year:2020")
    save_search(library, "Energy", "topic:energy")
    renamed = rename_search(library, "Korea", "  Korean   peninsula ")
    assert (renamed.name, renamed.query) == ("Korean peninsula", "korea year:2020")
    assert names(library) == [("Energy", "topic:energy"), ("Korean peninsula", "korea year:2020")]
    assert rename_search(library, "Energy", "Energy").name == "Energy"  # the same name: kept


@pytest.mark.parametrize(
    ("new_name", "message"),
    [
        ("", "a saved search needs a name"),
        ("x" * 81, "80 characters at most"),
        ("Energy", "there is already a saved search called “Energy”"),
    ],
)
def test_a_rename_that_cannot_be_is_refused_and_changes_nothing(library, new_name, message):
    save_search(library, "Korea", "korea")
    save_search(library, "Energy", "topic:energy")
    with pytest.raises(BookstoreError, match=message):
        rename_search(library, "Korea", new_name)
    assert names(library) == [("Energy", "topic:energy"), ("Korea", "korea")]


def test_renaming_a_search_that_is_gone_says_so(library: Library):
    with pytest.raises(NotFound, match="there is no saved search called “Gone”"):
        rename_search(library, "Gone", "Here")
