"""Searches the user saved under a name; the sidebar lists them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bookstore.errors import BookstoreError, NotFound
from bookstore.i18n.messages import say
from bookstore.library.library import Library
from bookstore.library.search.query import parse

MAX_NAME = 80


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str


def saved_searches(library: Library) -> list[SavedSearch]:
    rows = library.db.execute("SELECT name, query FROM saved_search ORDER BY name COLLATE NOCASE")
    return [SavedSearch(name, query) for name, query in rows]


def save_search(library: Library, name: str, query: str) -> SavedSearch:
    """Save ``query`` as ``name`` (replacing a search of that name).

    Raises BookstoreError for an empty or overlong name and QueryError for a query the
    parser cannot read, so that only searches that run are kept.
    """
    name = _clean_name(name)
    parse(query)
    with library.transaction():
        library.db.execute(
            "INSERT INTO saved_search (name, query, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET query = excluded.query",
            (name, query.strip(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        )
    return SavedSearch(name, query.strip())


def delete_search(library: Library, name: str) -> None:
    with library.transaction():
        cursor = library.db.execute("DELETE FROM saved_search WHERE name = ?", (name,))
    if cursor.rowcount == 0:
        raise NotFound(say("there is no saved search called “{name}”", name=name))


def rename_search(library: Library, name: str, new_name: str) -> SavedSearch:
    """Give the saved search ``name`` the name ``new_name``.

    Raises NotFound when there is no such search and BookstoreError for a new name that
    is empty, overlong or another search's.
    """
    new_name = _clean_name(new_name)
    with library.transaction():
        row = library.db.execute(
            "SELECT query FROM saved_search WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise NotFound(say("there is no saved search called “{name}”", name=name))
        if new_name != name:
            taken = library.db.execute(
                "SELECT 1 FROM saved_search WHERE name = ?", (new_name,)
            ).fetchone()
            if taken:
                raise BookstoreError(
                    say("there is already a saved search called “{new_name}”", new_name=new_name)
                )
            library.db.execute("UPDATE saved_search SET name = ? WHERE name = ?", (new_name, name))
    return SavedSearch(new_name, row[0])


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise BookstoreError(say("a saved search needs a name"))
    if len(name) > MAX_NAME:
        raise BookstoreError(
            say("a saved search's name can be {max_name} characters at most", max_name=MAX_NAME)
        )
    return name
