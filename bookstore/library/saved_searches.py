"""Searches the user saved under a name; the sidebar lists them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bookstore.errors import BookstoreError, NotFound
from bookstore.library.library import Library
from bookstore.library.query import parse

MAX_NAME = 80


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str


def saved_searches(library: Library) -> list[SavedSearch]:
    rows = library._db.execute("SELECT name, query FROM saved_search ORDER BY name COLLATE NOCASE")
    return [SavedSearch(name, query) for name, query in rows]


def save_search(library: Library, name: str, query: str) -> SavedSearch:
    """Save ``query`` as ``name`` (replacing a search of that name).

    Raises BookstoreError for an empty or overlong name and QueryError for a query the
    parser cannot read, so that only searches that run are kept.
    """
    name = " ".join(name.split())
    if not name:
        raise BookstoreError("a saved search needs a name")
    if len(name) > MAX_NAME:
        raise BookstoreError(f"a saved search's name can be {MAX_NAME} characters at most")
    parse(query)
    with library.transaction():
        library._db.execute(
            "INSERT INTO saved_search (name, query, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET query = excluded.query",
            (name, query.strip(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        )
    return SavedSearch(name, query.strip())


def delete_search(library: Library, name: str) -> None:
    with library.transaction():
        cursor = library._db.execute("DELETE FROM saved_search WHERE name = ?", (name,))
    if cursor.rowcount == 0:
        raise NotFound(f"there is no saved search called “{name}”")
