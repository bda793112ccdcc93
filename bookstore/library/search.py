"""Running a compiled query: ranked by relevance or sorted, one page at a time.

Ranking every match with bm25() costs a few µs a row, so a common word that
matches 60,000 of 100,000 issues would take hundreds of milliseconds. We rank a
bounded candidate set instead, found with two cheap rowid-ordered look-ups:

1. the newest ``CANDIDATES`` matches of the query;
2. older issues whose title, lead, authors or topics match (the newest
   ``CANDIDATES`` of them).

With fewer matches than ``CANDIDATES`` every match is ranked. Beyond that, older
issues that match only in their body text are left out of the ranking. bm25() also
reads every match of each phrase once per query to weigh it, so it scores a cheaper
expression (``Compiled.rank``: phrases relaxed to their words) on the candidates.
"""

from __future__ import annotations

import json
import sqlite3
from enum import StrEnum

from bookstore.library.fulltext import WEIGHTS
from bookstore.library.search_sql import HEAD_COLUMNS, Compiled

CANDIDATES = 500
_WINDOWS, _WINDOW = 16, 128  # how _density samples the library
_TIERS = ("{title}", "{lead}", "{authors topics}")
_BM25 = f"bm25(issue_fts, {', '.join(str(w) for w in WEIGHTS)})"


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    NUMBER = "number"


_ORDER = {
    Sort.DATE: "issue.date DESC, issue.id DESC",
    Sort.NUMBER: "issue.series, issue.year DESC, issue.number DESC, issue.language",
}


def run(
    db: sqlite3.Connection,
    query: Compiled,
    sort: Sort,
    limit: int,
    offset: int,
    density: dict[str, float] | None = None,
) -> list[int]:
    """The ids of one page of results (``limit`` -1: all of them).

    ``density`` is a cache of how common each word is; the caller empties it when the
    library changes.
    """
    density = {} if density is None else density
    order = _ORDER.get(sort, _ORDER[Sort.DATE])
    if query.fts is None:
        sql = (
            "SELECT issue.id FROM issue WHERE issue.id NOT IN "
            "(SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?) "
            f"ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return _ids(db, sql, (query.excluded, limit, offset))
    newest = _ids(
        db,
        "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        (query.fts, CANDIDATES),
    )
    if query.rank is not None and sort is Sort.RELEVANCE:
        return _ranked(db, query, newest, limit, offset, density)
    if len(newest) < CANDIDATES:
        # Few matches: sort just them.
        sql = f"SELECT issue.id FROM issue WHERE issue.id IN (SELECT value FROM json_each(?)) ORDER BY {order} LIMIT ? OFFSET ?"
        return _ids(db, sql, (json.dumps(newest), limit, offset))
    # Many matches: walk the issues in order (an index) and keep the matching ones;
    # the "+" keeps SQLite from looking each match up and sorting them all instead.
    sql = (
        "SELECT issue.id FROM issue WHERE +issue.id IN "
        "(SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?) "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return _ids(db, sql, (query.fts, limit, offset))


def count(db: sqlite3.Connection, query: Compiled) -> int:
    if query.fts is None:
        sql = (
            "SELECT count(*) FROM issue WHERE id NOT IN "
            "(SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?)"
        )
        return db.execute(sql, (query.excluded,)).fetchone()[0]
    sql = "SELECT count(*) FROM issue_fts WHERE issue_fts MATCH ?"
    return db.execute(sql, (query.fts,)).fetchone()[0]


def _ids(db: sqlite3.Connection, sql: str, params: tuple) -> list[int]:
    return [row[0] for row in db.execute(sql, params)]


def _ranked(
    db: sqlite3.Connection,
    query: Compiled,
    newest: list[int],
    limit: int,
    offset: int,
    density: dict[str, float],
) -> list[int]:
    candidates = newest  # fewer than CANDIDATES: every match
    if len(newest) == CANDIDATES:
        candidates = newest + _ids(
            db,
            "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? AND rowid < ? "
            "ORDER BY rowid DESC LIMIT ?",
            (query.head, newest[-1], CANDIDATES),
        )
    if not candidates:
        return []
    rank = _informative(db, query, density)
    if rank is None:
        if limit >= 0:
            return _by_column(db, query, limit, offset)
        rank = query.rank
    # bm25() scores the rank expression (cheap to score) on the candidates only; the
    # rowid bound keeps FTS5 from walking matches older than the oldest candidate.
    sql = (
        f"SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? AND rowid >= ? "
        f"AND +rowid IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {_BM25}, rowid DESC LIMIT ? OFFSET ?"
    )
    ranked = _ids(db, sql, (rank, candidates[-1], json.dumps(candidates), limit, offset))
    if limit >= 0:
        return ranked
    # Every match was asked for: those left out of the ranking follow, newest first.
    every = "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? ORDER BY rowid DESC"
    seen = set(ranked)
    return ranked + [rowid for rowid in _ids(db, every, (query.fts,)) if rowid not in seen]


def _informative(db: sqlite3.Connection, query: Compiled, density: dict[str, float]) -> str | None:
    """The rank expression without the words that are in more than half of the issues,
    or None when every word is.

    bm25 weighs such a word next to nothing (its IDF is clamped to almost zero), yet
    weighing a word reads its whole list of matches, which for common words is most of
    the time a search takes. ``density`` caches the estimates.
    """
    if query.rank_terms is None:
        return query.rank
    kept = [term for term in query.rank_terms if _density(db, term, density) <= 0.5]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else "(" + " AND ".join(kept) + ")"


def _by_column(db: sqlite3.Connection, query: Compiled, limit: int, offset: int) -> list[int]:
    """Rank a query of common words only by where they stand, as bm25's column weights
    would: title matches first, then the lead, authors and topics, then the text;
    newest first within each."""
    wanted = limit + offset
    order: dict[int, None] = {}
    tiers = [query.head.replace(HEAD_COLUMNS, tier) for tier in _TIERS] if query.head else []
    sql = "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    for expression in [*tiers, query.fts]:
        if len(order) >= wanted:
            break
        order.update(dict.fromkeys(_ids(db, sql, (expression, wanted))))
    return list(order)[offset : offset + limit]


def _density(db: sqlite3.Connection, term: str, cache: dict[str, float]) -> float:
    """About what share of the issues hold ``term``: counted in a few rowid windows
    spread over the library (FTS5 seeks to each window, so this stays cheap)."""
    if term not in cache:
        top = db.execute("SELECT max(rowid) FROM issue").fetchone()[0] or 0
        width = max(1, min(_WINDOW, top // _WINDOWS))
        starts = [1 + (top - width) * i // max(1, _WINDOWS - 1) for i in range(_WINDOWS)]
        sql = "SELECT count(*) FROM issue_fts WHERE issue_fts MATCH ? AND rowid BETWEEN ? AND ?"
        found = sum(db.execute(sql, (term, a, a + width - 1)).fetchone()[0] for a in starts)
        cache[term] = found / (width * _WINDOWS)
    return cache[term]
