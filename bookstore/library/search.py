"""Running a compiled query: ranked by relevance or sorted, one page at a time.

Ranking is tantivy's top-k over every match (block-max WAND skips only documents
that cannot reach the top). tantivy breaks ties in score by its own document order;
we break them by publication date, newest first (then the higher id): ``_ranked``
fetches past the k-th hit until the score drops, so every issue tied with the last
one wanted is among those sorted.
"""

from __future__ import annotations

from enum import StrEnum

import tantivy

from bookstore.library.search_compile import Compiled
from bookstore.library.search_schema import id_of_number_order, id_of_recency


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    NUMBER = "number"


_TIE_MARGIN = 16  # hits fetched beyond the k-th, to see whether the score still ties


def run(
    searcher: tantivy.Searcher, compiled: Compiled, sort: Sort, limit: int, offset: int
) -> list[int]:
    """The ids of one page of results (``limit`` -1: all of them from ``offset`` on)."""
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
        hits = searcher.search(
            compiled.query, wanted, count=False, order_by_field="recency", order=tantivy.Order.Desc
        ).hits
        ids = [id_of_recency(key) for key, _ in hits]
    return ids[offset:wanted]


def count(searcher: tantivy.Searcher, compiled: Compiled) -> int:
    if searcher.num_docs == 0:
        return 0
    return searcher.search(compiled.query, 1, count=True).count or 0


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
