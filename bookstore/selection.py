"""Choosing issues for an export: by id, by a search, or both."""

from __future__ import annotations

from collections.abc import Sequence

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.library.library import Library
from bookstore.model import Issue


def select_issues(
    library: Library, ids: Sequence[int] = (), query: str | None = None, verb: str = "export"
) -> list[Issue]:
    """The issues named by ``ids`` (in that order) followed by those matching ``query``
    (in series, year and number order), each once.

    Raises BookstoreError for an unknown id, a query the parser cannot read, or an
    empty selection.
    """
    chosen: list[int] = list(dict.fromkeys(ids))
    if query is not None:
        found = library.search_ids(query, sort="number")
        seen = set(chosen)
        chosen += [issue_id for issue_id in found if issue_id not in seen]
    if not chosen:
        if query is not None:
            raise BookstoreError(
                say("nothing to {verb}: no issue matches “{query}”", verb=verb, query=query)
            )
        raise BookstoreError(say("nothing to {verb}: name issue ids or give --query", verb=verb))
    return library.get_many(chosen)
