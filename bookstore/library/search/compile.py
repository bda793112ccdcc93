"""Turn a query's syntax tree into a tantivy query that scores as docs/developers/search-index.md says.

- A word scores in each field where it is found: BM25 (tantivy's, k1 = 1.2, b = 0.75)
  times the field's weight (``search_schema.WEIGHTS``), summed over the fields.
- A phrase scores the same way with the phrase as the term: tf is how often the whole
  phrase occurs in the field, idf the sum of its words' idf (tantivy's phrase query).
  A phrase of common words is read from the word-pair fields with the same score.
- A prefix stands for every word that starts with it: the sum of their scores.
- ``author:`` and ``topic:`` score in their field only, their last word standing
  for every word it begins unless the value is quoted; ``series:``, ``year:``,
  ``lang:`` and ``owned:`` filter and add nothing.
- AND adds up its parts; OR adds up the parts that match; NOT excludes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import tantivy

from bookstore.i18n.messages import say
from bookstore.library.search.folding import fold
from bookstore.library.search.index import SearchIndex
from bookstore.library.search.query import And, Field, Node, Not, Or, QueryError, Term
from bookstore.library.search.schema import PAIRED, WEIGHTS, pair, words

_FIELD_COLUMN = {"author": "authors", "topic": "topics"}
_YEAR = re.compile(r"^(?P<low>\d{4})?(?P<range>\.\.)?(?P<high>\d{4})?$")
_YES = {"yes", "true", "1", "y", "tak", "да"}
_NO = {"no", "false", "0", "n", "nie", "нет"}
_MUST, _SHOULD, _MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


@dataclass(frozen=True)
class FieldValues:
    """What the library holds, for fields whose values are looked up: each series
    slug with its folded names."""

    series: dict[str, str]


@dataclass(frozen=True)
class Compiled:
    query: tantivy.Query
    scored: bool  # False: every match scores 0 (filters and exclusions only)


def compile_query(node: Node, values: FieldValues, index: SearchIndex) -> Compiled:
    return _Compiler(values, index).compile(node)


class _Compiler:
    def __init__(self, values: FieldValues, index: SearchIndex) -> None:
        self.values = values
        self.index = index
        self.schema = index.schema
        self.searcher = index.searcher()

    def compile(self, node: Node) -> Compiled:
        if isinstance(node, Term):
            return Compiled(self.text(node.text, node.prefix, WEIGHTS), True)
        if isinstance(node, Field):
            return self.field(node)
        if isinstance(node, Not):
            return Compiled(_everything_but([self.compile(node.item).query]), False)
        if isinstance(node, And):
            positive = [self.compile(item) for item in node.items if not isinstance(item, Not)]
            clauses = [(_MUST, part.query) for part in positive] or [
                (_MUST, _nothing_scored(tantivy.Query.all_query()))
            ]
            clauses += [
                (_MUST_NOT, self.compile(item.item).query)
                for item in node.items
                if isinstance(item, Not)
            ]
            scored = any(part.scored for part in positive)
            return Compiled(tantivy.Query.boolean_query(clauses), scored)
        parts = [self.compile(item) for item in node.items]
        assert isinstance(node, Or)
        query = tantivy.Query.boolean_query([(_SHOULD, part.query) for part in parts])
        return Compiled(query, any(part.scored for part in parts))

    # Words, phrases and prefixes

    def text(self, text: str, prefix: bool, weights: dict[str, float]) -> tantivy.Query:
        tokens = words(text)
        if not tokens:
            raise QueryError(say("“{text}” has no letters or digits to search for", text=text))
        if prefix and len(tokens[-1]) < 2:
            raise QueryError(
                say("a prefix needs at least two letters: “{text}*” matches too much", text=text)
            )
        clauses = []
        for field, weight in weights.items():
            if prefix:
                expansions = [
                    term for term, _ in self.searcher.terms_with_prefix(field, tokens[-1])
                ]
                clauses += [
                    (_SHOULD, self.phrase(field, [*tokens[:-1], word], weight))
                    for word in expansions
                ]
            else:
                clauses.append((_SHOULD, self.phrase(field, tokens, weight)))
        if not clauses:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(clauses)

    def phrase(self, field: str, tokens: Sequence[str], weight: float) -> tantivy.Query:
        if len(tokens) == 1:
            query = tantivy.Query.term_query(self.schema, field, tokens[0])
        elif field in PAIRED and all(token in self.index.common for token in tokens):
            return self.phrase_from_pairs(field, tokens, weight)
        else:
            query = tantivy.Query.phrase_query(self.schema, field, list(tokens))
        return tantivy.Query.boost_query(query, weight)

    def phrase_from_pairs(self, field: str, tokens: Sequence[str], weight: float) -> tantivy.Query:
        """The phrase read from ``field``'s pairs: the pair field has the same lengths as
        the field, so scaling the pairs' idf to the words' idf gives the phrase score."""
        pairs = [pair(a, b) for a, b in itertools.pairwise(tokens)]
        pair_field = f"{field}_pairs"
        if any(self.searcher.doc_freq(pair_field, p) == 0 for p in pairs):
            return tantivy.Query.empty_query()
        total = self.index.total_docs()
        word_idf = sum(_idf(total, self.searcher.doc_freq(field, t)) for t in tokens)
        pair_idf = sum(_idf(total, self.searcher.doc_freq(pair_field, p)) for p in pairs)
        if len(pairs) == 1:
            query = tantivy.Query.term_query(self.schema, pair_field, pairs[0])
        else:
            query = tantivy.Query.phrase_query(self.schema, pair_field, pairs)
        return tantivy.Query.boost_query(query, weight * word_idf / pair_idf)

    # Fields

    def field(self, node: Field) -> Compiled:
        value = node.value.strip()
        if not value:
            raise QueryError(say("{name}: needs a value", name=node.name))
        if node.name in _FIELD_COLUMN:
            column = _FIELD_COLUMN[node.name]
            tokens = words(value)
            # A name is matched by its beginning, as it is typed ("author:wil" finds
            # Wilk); a quoted value is matched whole.
            prefix = node.prefix or (not node.phrase and bool(tokens) and len(tokens[-1]) >= 2)
            return Compiled(self.text(value, prefix, {column: WEIGHTS[column]}), True)
        if node.name == "series":
            query = self.series(value)
        elif node.name == "year":
            query = self.years(value)
        elif node.name == "lang":
            if not re.fullmatch(r"[A-Za-z]{2,3}", value):
                raise QueryError(
                    say(
                        "lang: expects a language code like en, pl or ru, not “{value}”",
                        value=value,
                    )
                )
            query = tantivy.Query.term_query(self.schema, "lang", value.lower())
        else:
            query = tantivy.Query.term_query(self.schema, "owned", _owned(value))
        return Compiled(_nothing_scored(query), False)

    def series(self, value: str) -> tantivy.Query:
        wanted = fold(value)
        slugs = [
            slug
            for slug, names in self.values.series.items()
            if slug.startswith(wanted) or wanted in names
        ]
        if not slugs:
            raise QueryError(say("series: no series is called “{value}”", value=value))
        return tantivy.Query.term_set_query(self.schema, "series", slugs)

    def years(self, value: str) -> tantivy.Query:
        match = _YEAR.match(value)
        if (
            not match
            or not (match["low"] or match["high"])
            or (not match["range"] and match["high"])
        ):
            raise QueryError(
                say(
                    "year: expects a year like 2019 or a range like 2018..2019, not “{value}”",
                    value=value,
                )
            )
        low = int(match["low"]) if match["low"] else None
        high = int(match["high"]) if match["high"] else None
        if not match["range"]:
            return tantivy.Query.term_query(self.schema, "year", low)
        if low is not None and high is not None and low > high:
            raise QueryError(say("year: the range {value} ends before it starts", value=value))
        return tantivy.Query.range_query(self.schema, "year", tantivy.FieldType.Integer, low, high)


def _owned(value: str) -> bool:
    answer = value.lower()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise QueryError(say("owned: expects yes or no, not “{value}”", value=value))


def _idf(total: float, doc_freq: int) -> float:
    """BM25's idf as tantivy computes it."""
    return math.log(1 + (total - doc_freq + 0.5) / (doc_freq + 0.5))


def _nothing_scored(query: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.const_score_query(query, 0.0)


def _everything_but(excluded: list[tantivy.Query]) -> tantivy.Query:
    everything = _nothing_scored(tantivy.Query.all_query())
    return tantivy.Query.boolean_query(
        [(_MUST, everything), *((_MUST_NOT, query) for query in excluded)]
    )
