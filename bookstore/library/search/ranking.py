"""Running a compiled query: ranked by relevance or sorted, one page at a time.

Ranking is tantivy's top-k over every match (block-max WAND skips only documents
that cannot reach the top). tantivy breaks ties in score by its own document order;
we break them by publication date, newest first (then the higher id): ``_ranked``
fetches past the k-th hit until the score drops, so every issue tied with the last
one wanted is among those sorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import tantivy

from bookstore.library.search.compile import Compiled
from bookstore.library.search.schema import id_of_number_order, id_of_recency


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    NUMBER = "number"


_TIE_MARGIN = 16  # hits fetched beyond the k-th, to see whether the score still ties


def run(
    searcher: tantivy.Searcher,
    compiled: Compiled,
    sort: Sort,
    limit: int,
    offset: int,
    descending: bool = True,
) -> list[int]:
    """The ids of one page of results (``limit`` -1: all of them from ``offset`` on).

    ``descending`` False turns the date order around (oldest first); relevance is
    always best first."""
    total = searcher.num_docs
    if limit == 0 or total == 0 or offset >= total:
        return []
    wanted = total if limit < 0 else min(total, offset + limit)
    if sort is Sort.RELEVANCE and compiled.scored:
        ids = _ranked(searcher, compiled.query, wanted, total)
    elif sort is Sort.NUMBER:
        hits = searcher.search(
            compiled.query,
            wanted,
            count=False,
            order_by_field="number_order",
            order=tantivy.Order.Asc,
        ).hits
        ids = [id_of_number_order(key) for key, _ in hits]
    else:
        # By date; also relevance when nothing is scored (every score is 0: all tie).
        order = tantivy.Order.Desc if descending else tantivy.Order.Asc
        hits = searcher.search(
            compiled.query, wanted, count=False, order_by_field="recency", order=order
        ).hits
        ids = [id_of_recency(key) for key, _ in hits]
    return ids[offset:wanted]


def count(searcher: tantivy.Searcher, compiled: Compiled) -> int:
    if searcher.num_docs == 0:
        return 0
    return searcher.search(compiled.query, 1, count=True).count or 0


@dataclass(frozen=True)
class Only:
    """Keeps a search to the issues that have each property given (None: any). Like
    the query language's ``series:``, ``year:``, ``lang:`` and ``owned:``, it adds
    nothing to a score, so the ranking among the issues kept is unchanged."""

    series: str | None = None
    year: int | None = None
    language: str | None = None
    owned: bool | None = None
    ids: frozenset[int] | None = None  # only these issues (chosen in SQL by the caller)

    def restrict(self, compiled: Compiled, schema: tantivy.Schema) -> Compiled:
        term = tantivy.Query.term_query
        kept = []
        if self.series is not None:
            kept.append(term(schema, "series", self.series))
        if self.year is not None:
            kept.append(term(schema, "year", self.year))
        if self.language is not None:
            kept.append(term(schema, "lang", self.language.lower()))
        if self.owned is not None:
            kept.append(term(schema, "owned", self.owned))
        if self.ids is not None:
            kept.append(tantivy.Query.term_set_query(schema, "id", sorted(self.ids)))
        if not kept:
            return compiled
        clauses = [(tantivy.Occur.Must, compiled.query)]
        clauses += [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in kept]
        return Compiled(tantivy.Query.boolean_query(clauses), compiled.scored)


class Results:
    """The matches of one query in one order, read from one snapshot of the index (a
    tantivy searcher never changes, whatever is committed later): the exact count at
    once, the ids from the top down only as far as they are asked for. A longer
    prefix asked later starts with the shorter one (the order has no ties), so a list
    can show the first rows at once and read on as it scrolls."""

    def __init__(
        self, searcher: tantivy.Searcher, compiled: Compiled, sort: Sort, descending: bool = True
    ) -> None:
        self._searcher = searcher
        self._compiled = compiled
        self._sort = sort
        self._descending = descending
        self.count = count(searcher, compiled)
        self._head: list[int] = []

    def prefix(self, stop: int) -> Sequence[int]:
        """The ids read so far, at least the first ``stop`` (all when fewer match)."""
        stop = min(stop, self.count)
        if len(self._head) < stop:
            self._head = run(self._searcher, self._compiled, self._sort, stop, 0, self._descending)
        return self._head


def _ranked(searcher: tantivy.Searcher, query: tantivy.Query, wanted: int, total: int) -> list[int]:
    fetch = min(total, wanted + _TIE_MARGIN)
    while True:
        hits = searcher.search(query, fetch, count=False).hits
        if len(hits) < fetch or len(hits) <= wanted or fetch >= total:
            break  # every match is here
        if hits[-1][0] < hits[wanted - 1][0]:
            break  # the score dropped: every issue tied with the last wanted is here
        fetch = min(total, fetch * 4)
    recencies = searcher.fast_field_values("recency", [address for _, address in hits])
    ranked = sorted(zip((score for score, _ in hits), recencies, strict=True), reverse=True)
    return [id_of_recency(value) for _, value in ranked[:wanted]]
