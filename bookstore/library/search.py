"""Running a compiled query: candidates from the index, ranked or sorted, in pages.

Ranking every match with bm25() costs about 5 µs a row, so a common word that
matches 17,000 of 100,000 issues would take ~90 ms. We rank a bounded candidate
set instead: the newest matches of the whole query, and the newest matches in the
heavily weighted columns (title, lead, authors, topics), at most ``CANDIDATES``
each. Below that many matches the ranking is exact; above it, older issues that
match only in their body text are left out of the ranking.
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum

from bookstore.library.fulltext import WEIGHTS
from bookstore.library.search_sql import Compiled

CANDIDATES = 500
_HEAD_COLUMNS = "{title lead authors topics}"


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    NUMBER = "number"


_ORDER = {
    Sort.DATE: "issue.date DESC, issue.id DESC",
    Sort.NUMBER: "issue.series, issue.year DESC, issue.number DESC, issue.language",
}


def run(db: sqlite3.Connection, query: Compiled, sort: Sort, limit: int, offset: int) -> list[int]:
    """The ids of one page of results."""
    if query.fts is not None and sort is Sort.RELEVANCE:
        return _ranked(db, query, limit, offset)
    order = _ORDER.get(sort, _ORDER[Sort.DATE])
    if query.fts is None:
        sql = f"SELECT issue.id FROM issue WHERE {query.where} ORDER BY {order} LIMIT ? OFFSET ?"
        return [row[0] for row in db.execute(sql, (*query.params, limit, offset))]
    sql = (
        "SELECT issue.id FROM issue_fts JOIN issue ON issue.id = issue_fts.rowid "
        f"WHERE issue_fts MATCH ? AND {query.where} ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute(sql, (query.fts, *query.params, limit, offset))]


def count(db: sqlite3.Connection, query: Compiled) -> int:
    if query.fts is None:
        sql = f"SELECT count(*) FROM issue WHERE {query.where}"
        return db.execute(sql, query.params).fetchone()[0]
    sql = (
        "SELECT count(*) FROM issue_fts JOIN issue ON issue.id = issue_fts.rowid "
        f"WHERE issue_fts MATCH ? AND {query.where}"
    )
    return db.execute(sql, (query.fts, *query.params)).fetchone()[0]


def _ranked(db: sqlite3.Connection, query: Compiled, limit: int, offset: int) -> list[int]:
    join = "" if query.where == "1" else "JOIN issue ON issue.id = issue_fts.rowid "
    candidate_sql = (
        f"SELECT issue_fts.rowid AS id FROM issue_fts {join}"
        f"WHERE issue_fts MATCH ? AND {query.where} ORDER BY issue_fts.rowid DESC LIMIT ?"
    )
    arms = [candidate_sql]
    params: list = [query.fts, *query.params, CANDIDATES]
    # Nested column filters are not allowed, so queries with author:/topic: skip the head arm.
    if " : " not in query.fts:
        arms.append(candidate_sql)
        params += [f"{_HEAD_COLUMNS} : {query.fts}", *query.params, CANDIDATES]
    candidates = " UNION ".join(f"SELECT id FROM ({arm})" for arm in arms)
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = (
        f"WITH candidate(id) AS ({candidates}) "
        f"SELECT rowid FROM issue_fts WHERE issue_fts MATCH ? "
        f"AND +rowid IN (SELECT id FROM candidate) "
        f"ORDER BY bm25(issue_fts, {weights}), rowid DESC LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute(sql, (*params, query.fts, limit, offset))]
