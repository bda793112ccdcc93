"""Running a compiled query: ranked by relevance or sorted, one page at a time.

Ranking every match with bm25() costs a few µs a row, so a common word that
matches 60,000 of 100,000 issues would take hundreds of milliseconds. We rank a
bounded candidate set instead, with two cheap rowid-ordered look-ups:

1. the newest ``CANDIDATES`` matches of the whole query, ranked exactly;
2. older issues whose title, lead, authors or topics match (the newest
   ``CANDIDATES`` of them), ranked by those columns alone (a slight under-estimate,
   since body hits are not counted; the body weighs least).

With fewer matches than ``CANDIDATES`` the ranking is exact. Beyond that, older
issues that match only in their body text are left out of the ranking; the range
conditions on rowid keep FTS5 from visiting any other match.
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum

from bookstore.library.fulltext import WEIGHTS
from bookstore.library.search_sql import Compiled

CANDIDATES = 500
_BM25 = f"bm25(issue_fts, {', '.join(str(w) for w in WEIGHTS)})"


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    NUMBER = "number"


_ORDER = {
    Sort.DATE: "issue.date DESC, issue.id DESC",
    Sort.NUMBER: "issue.series, issue.year DESC, issue.number DESC, issue.language",
}


def run(db: sqlite3.Connection, query: Compiled, sort: Sort, limit: int, offset: int) -> list[int]:
    """The ids of one page of results (``limit`` -1: all of them)."""
    if query.fts is not None and query.has_text and sort is Sort.RELEVANCE:
        return _ranked(db, query, limit, offset)
    order = _ORDER.get(sort, _ORDER[Sort.DATE])
    if query.fts is None:
        sql = (
            "SELECT issue.id FROM issue WHERE issue.id NOT IN "
            "(SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?) "
            f"ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return _ids(db, sql, (query.excluded, limit, offset))
    sql = (
        "SELECT issue.id FROM issue_fts JOIN issue ON issue.id = issue_fts.rowid "
        f"WHERE issue_fts MATCH ? ORDER BY {order} LIMIT ? OFFSET ?"
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


def _ranked(db: sqlite3.Connection, query: Compiled, limit: int, offset: int) -> list[int]:
    newest = _ids(
        db,
        "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        (query.fts, CANDIDATES),
    )
    if len(newest) < CANDIDATES:
        sql = (
            f"SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? "
            f"ORDER BY {_BM25}, rowid DESC LIMIT ? OFFSET ?"
        )
        return _ids(db, sql, (query.fts, limit, offset))
    wanted = -1 if limit < 0 else limit + offset
    floor = newest[-1]
    score_sql = (
        f"SELECT rowid, {_BM25} FROM issue_fts WHERE issue_fts MATCH ? "
        "AND rowid >= ? AND rowid < ? ORDER BY 2 LIMIT ?"
    )
    scores = dict(db.execute(score_sql, (query.fts, floor, newest[0] + 1, wanted)))
    older_heads = _ids(
        db,
        "SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? AND rowid < ? "
        "ORDER BY rowid DESC LIMIT ?",
        (query.head, floor, CANDIDATES),
    )
    if older_heads:
        for rowid, score in db.execute(score_sql, (query.head, older_heads[-1], floor, wanted)):
            scores.setdefault(rowid, score)
    ranked = sorted(scores, key=lambda rowid: (scores[rowid], -rowid))
    return ranked[offset:] if limit < 0 else ranked[offset : offset + limit]
