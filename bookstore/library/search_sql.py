"""Turn a query's syntax tree into FTS5 MATCH expressions.

Every part of a query becomes a term of one full-text index: words and phrases
search the text columns, ``author:`` and ``topic:`` their columns, and the other
fields match tokens in the hidden ``meta`` column ("langpl", "year2019",
"seriesspotlight", "ownedyes"). One MATCH expression thus answers any mix of AND,
OR and NOT, and FTS5 can hand back the newest matches without touching the
``issue`` table. Only a query made of exclusions alone ("NOT china") needs SQL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bookstore.library.folding import fold
from bookstore.library.query import And, Field, Node, Not, Or, QueryError, Term

HEAD_COLUMNS = "{title lead authors topics}"
_FIELD_COLUMN = {"author": "authors", "topic": "topics"}
_YEAR = re.compile(r"^(?P<low>\d{4})?(?P<range>\.\.)?(?P<high>\d{4})?$")
_YES = {"yes", "true", "1", "y", "tak", "да"}
_NO = {"no", "false", "0", "n", "nie", "нет"}
_NOTHING = 'meta : "nothingmatchesthis"'


@dataclass(frozen=True)
class FieldValues:
    """What the library holds, for fields whose values are looked up: each series
    slug with its folded names, and the years that have issues."""

    series: dict[str, str]
    years: Sequence[int]


@dataclass(frozen=True)
class Compiled:
    """What a query matches, as FTS5 expressions.

    ``fts``: the query itself. ``head``: the same with its words looked for only in
    the heavily weighted columns (to find ranking candidates). ``rank``: an expression
    that every match also matches, cheap for bm25() to score: phrases relaxed to their
    words, filters and exclusions dropped; None when there are no words to rank by.
    ``excluded``: set (and ``fts`` None) when the query only excludes.
    """

    fts: str | None
    head: str | None = None
    rank: str | None = None
    excluded: str | None = None
    rank_terms: tuple[str, ...] | None = None  # set when ``rank`` is the AND of these


@dataclass(frozen=True)
class _Expr:
    full: str
    head: str
    rank: str | None  # None: nothing to rank by (a filter)
    negated: bool = False
    terms: tuple[str, ...] | None = None  # rank as an AND of terms, where it is one


def compile_query(node: Node, values: FieldValues) -> Compiled:
    expr = _compile(node, values)
    if expr.negated:
        return Compiled(None, excluded=expr.full)
    return Compiled(expr.full, expr.head, expr.rank, rank_terms=expr.terms)


def meta_tokens(series: str, year: int, language: str, owned: bool) -> str:
    """The ``meta`` column of an issue: one token per field value."""
    return " ".join(
        (
            _token("series", series),
            _token("year", str(year)),
            _token("lang", language),
            _token("owned", "yes" if owned else "no"),
        )
    )


def _token(field: str, value: str) -> str:
    return field + re.sub(r"[^0-9a-z]", "", fold(value))


def _meta(field: str, value: str) -> str:
    return f'meta : "{_token(field, value)}"'


def _compile(node: Node, values: FieldValues) -> _Expr:
    if isinstance(node, Term):
        term = _quoted(node.text, node.prefix)
        words = _relaxed(node.text, node.prefix)
        return _Expr(term, f"{HEAD_COLUMNS} : {term}", _join(" AND ", words), terms=words)
    if isinstance(node, Field):
        return _compile_field(node, values)
    if isinstance(node, Not):
        inner = _compile(node.item, values)
        if inner.negated:
            return _Expr(inner.full, inner.full, inner.full)
        return _Expr(inner.full, inner.full, None, negated=True)
    parts = [_compile(item, values) for item in node.items]
    positive = [p for p in parts if not p.negated]
    negative = [p for p in parts if p.negated]
    if isinstance(node, And):
        if not positive:
            # NOT a AND NOT b = NOT (a OR b)
            return _Expr(_join(" OR ", [n.full for n in negative]), "", None, negated=True)
        full = _join(" AND ", [p.full for p in positive])
        head = _join(" AND ", [p.head for p in positive])
        for excluded in negative:
            full, head = f"({full} NOT {excluded.full})", f"({head} NOT {excluded.full})"
        ranks = [p.rank for p in positive if p.rank]
        terms = None
        if all(p.terms is not None for p in positive):
            terms = tuple(term for p in positive for term in p.terms or ())
        return _Expr(full, head, _join(" AND ", ranks) if ranks else None, terms=terms)
    assert isinstance(node, Or)
    if negative:
        # p OR NOT n = NOT (n NOT p): an OR with an exclusion is itself an exclusion.
        kept = _join(" AND ", [n.full for n in negative])
        if positive:
            kept = f"({kept} NOT {_join(' OR ', [p.full for p in positive])})"
        return _Expr(kept, "", None, negated=True)
    full = _join(" OR ", [p.full for p in positive])
    head = _join(" OR ", [p.head for p in positive])
    if not any(p.rank for p in positive):
        return _Expr(full, head, None)
    # Every match must match the rank expression, so a filter branch stays in it.
    return _Expr(full, head, _join(" OR ", [p.rank or p.full for p in positive]))


def _join(operator: str, items: list[str]) -> str:
    return items[0] if len(items) == 1 else "(" + operator.join(items) + ")"


def _relaxed(text: str, prefix: bool) -> tuple[str, ...]:
    """A phrase as its words, to be ANDed (bm25 counts phrase matches slowly)."""
    words = re.findall(r"\w+", fold(text))
    if len(words) < 2:
        return (_quoted(text, prefix),)
    quoted = [f'"{word}"' for word in words]
    if prefix:
        quoted[-1] += "*"
    return tuple(quoted)


def _quoted(text: str, prefix: bool) -> str:
    folded = fold(text)
    if not any(char.isalnum() for char in folded):
        raise QueryError(f"“{text}” has no letters or digits to search for")
    if prefix and len(folded.strip()) < 2:
        raise QueryError(f"a prefix needs at least two letters: “{text}*” matches too much")
    return '"' + folded.replace('"', '""') + '"' + ("*" if prefix else "")


def _compile_field(node: Field, values: FieldValues) -> _Expr:
    value = node.value.strip()
    if not value:
        raise QueryError(f"{node.name}: needs a value")
    if node.name in _FIELD_COLUMN:
        term = f"{_FIELD_COLUMN[node.name]} : {_quoted(value, node.prefix)}"
        return _Expr(term, term, term, terms=(term,))
    if node.name == "series":
        expr = _series(value, values)
    elif node.name == "year":
        expr = _years(value, values)
    elif node.name == "lang":
        if not re.fullmatch(r"[A-Za-z]{2,3}", value):
            raise QueryError(f"lang: expects a language code like en, pl or ru, not “{value}”")
        expr = _meta("lang", value)
    else:
        expr = _owned(value)
    return _Expr(expr, expr, None, terms=())


def _series(value: str, values: FieldValues) -> str:
    wanted = fold(value)
    slugs = [
        slug for slug, names in values.series.items() if slug.startswith(wanted) or wanted in names
    ]
    if not slugs:
        raise QueryError(f"series: no series is called “{value}”")
    return _join(" OR ", [_meta("series", slug) for slug in slugs])


def _owned(value: str) -> str:
    answer = value.lower()
    if answer in _YES:
        return _meta("owned", "yes")
    if answer in _NO:
        return _meta("owned", "no")
    raise QueryError(f"owned: expects yes or no, not “{value}”")


def _years(value: str, values: FieldValues) -> str:
    match = _YEAR.match(value)
    if not match or not (match["low"] or match["high"]) or (not match["range"] and match["high"]):
        raise QueryError(
            f"year: expects a year like 2019 or a range like 2018..2019, not “{value}”"
        )
    low = int(match["low"]) if match["low"] else None
    high = int(match["high"]) if match["high"] else None
    if not match["range"]:
        return _meta("year", str(low))
    if low is not None and high is not None and low > high:
        raise QueryError(f"year: the range {value} ends before it starts")
    years = [
        year
        for year in values.years
        if (low is None or year >= low) and (high is None or year <= high)
    ]
    if not years:
        return _NOTHING
    return _join(" OR ", [_meta("year", str(year)) for year in years])
