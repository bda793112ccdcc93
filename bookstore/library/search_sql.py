"""Turn a query's syntax tree into an FTS5 MATCH expression plus parameterised SQL.

Text terms, ``author:`` and ``topic:`` go to the full-text index; the other fields are
conditions on the ``issue`` table. Where an OR or a NOT mixes the two, the text part
becomes a sub-select on the index so that any combination stays correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookstore.library.folding import fold
from bookstore.library.query import And, Field, Node, Not, Or, QueryError, Term

_FTS_COLUMN = {"author": "authors", "topic": "topics"}
_YEAR = re.compile(r"^(?P<low>\d{4})?(?P<range>\.\.)?(?P<high>\d{4})?$")
_YES = {"yes", "true", "1", "y", "tak", "да"}
_NO = {"no", "false", "0", "n", "nie", "нет"}


@dataclass(frozen=True)
class Compiled:
    """``fts``: a MATCH expression or None; ``where``: SQL over ``issue``, with ``params``."""

    fts: str | None
    where: str = "1"
    params: tuple = ()
    negated: bool = False  # fts is an exclusion (NOT ...), only meaningful inside an AND


def compile_query(node: Node) -> Compiled:
    compiled = _compile(node)
    if compiled.negated:
        return _as_sql(compiled)
    return compiled


def _compile(node: Node) -> Compiled:
    if isinstance(node, Term):
        return Compiled(_fts_term(node.text, node.prefix))
    if isinstance(node, Field):
        return _compile_field(node)
    if isinstance(node, Not):
        inner = _compile(node.item)
        if inner.negated:
            return Compiled(inner.fts)
        if inner.fts is not None and inner.where == "1":
            return Compiled(inner.fts, negated=True)
        sql = _as_sql(inner)
        return Compiled(None, f"NOT ({sql.where})", sql.params)
    if isinstance(node, And):
        return _compile_and([_compile(item) for item in node.items])
    if isinstance(node, Or):
        parts = [_compile(item) for item in node.items]
        if all(p.fts is not None and p.where == "1" and not p.negated for p in parts):
            return Compiled("(" + " OR ".join(p.fts or "" for p in parts) + ")")
        sqls = [_as_sql(p) for p in parts]
        return Compiled(
            None,
            "(" + " OR ".join(s.where for s in sqls) + ")",
            tuple(param for s in sqls for param in s.params),
        )
    raise TypeError(node)


def _compile_and(parts: list[Compiled]) -> Compiled:
    positive = [p.fts for p in parts if p.fts is not None and not p.negated]
    negative = [p.fts for p in parts if p.fts is not None and p.negated]
    wheres = [p for p in parts if p.where != "1"]
    if not positive and negative:
        wheres += [_as_sql(Compiled(fts, negated=True)) for fts in negative]
        negative = []
    fts = None
    if positive:
        fts = "(" + " AND ".join(f for f in positive if f) + ")"
        for excluded in negative:
            fts = f"({fts} NOT {excluded})"
    if not wheres:
        return Compiled(fts)
    return Compiled(
        fts,
        " AND ".join(w.where for w in wheres),
        tuple(param for w in wheres for param in w.params),
    )


def _as_sql(compiled: Compiled) -> Compiled:
    """The same condition with its full-text part as a sub-select."""
    if compiled.fts is None:
        return compiled
    operator = "NOT IN" if compiled.negated else "IN"
    sub = f"issue.id {operator} (SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?)"
    if compiled.where == "1":
        return Compiled(None, sub, (compiled.fts,))
    return Compiled(None, f"({sub} AND {compiled.where})", (compiled.fts, *compiled.params))


def _fts_term(text: str, prefix: bool, column: str | None = None) -> str:
    folded = fold(text)
    if not any(char.isalnum() for char in folded):
        raise QueryError(f"“{text}” has no letters or digits to search for")
    if prefix and len(folded.strip()) < 2:
        raise QueryError(f"a prefix needs at least two letters: “{text}*” matches too much")
    quoted = '"' + folded.replace('"', '""') + '"' + ("*" if prefix else "")
    return f"{column} : {quoted}" if column else quoted


def _compile_field(node: Field) -> Compiled:
    value = node.value.strip()
    if not value:
        raise QueryError(f"{node.name}: needs a value")
    if node.name in _FTS_COLUMN:
        return Compiled(_fts_term(value, node.prefix, _FTS_COLUMN[node.name]))
    if node.name == "series":
        folded = fold(value)
        return Compiled(
            None,
            "issue.series IN (SELECT slug FROM series WHERE slug LIKE ? || '%' "
            "OR bookstore_fold(names) LIKE '%' || ? || '%')",
            (folded, folded),
        )
    if node.name == "year":
        return _compile_year(value)
    if node.name == "lang":
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", value):
            raise QueryError(f"lang: expects a language code like en, pl or ru, not “{value}”")
        return Compiled(
            None, "(issue.language = ? OR issue.language LIKE ? || '-%')", (value.lower(),) * 2
        )
    if node.name == "owned":
        answer = value.lower()
        if answer in _YES:
            return Compiled(None, "issue.acquired_at IS NOT NULL")
        if answer in _NO:
            return Compiled(None, "issue.acquired_at IS NULL")
        raise QueryError(f"owned: expects yes or no, not “{value}”")
    raise QueryError(f"unknown field “{node.name}:”")


def _compile_year(value: str) -> Compiled:
    match = _YEAR.match(value)
    if not match or not (match["low"] or match["high"]) or (not match["range"] and match["high"]):
        raise QueryError(
            f"year: expects a year like 2019 or a range like 2018..2019, not “{value}”"
        )
    low, high = match["low"], match["high"]
    if not match["range"]:
        return Compiled(None, "issue.year = ?", (int(low),))
    if low and high:
        if int(low) > int(high):
            raise QueryError(f"year: the range {value} ends before it starts")
        return Compiled(None, "issue.year BETWEEN ? AND ?", (int(low), int(high)))
    if low:
        return Compiled(None, "issue.year >= ?", (int(low),))
    return Compiled(None, "issue.year <= ?", (int(high),))
