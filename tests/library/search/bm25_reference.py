"""A brute-force ranking for the search tests: every issue scored from its text with
the formula docs/developers/search-index.md gives, with no index at all.

BM25 as tantivy documents it: per field, idf = ln(1 + (N - n + 0.5) / (n + 0.5)) and
score = idf * (k1 + 1) * tf / (tf + k1 * (1 - b + b * dl / avgdl)), k1 = 1.2, b = 0.75,
dl the field's length rounded down to one of tantivy's 256 length buckets, avgdl the
field's mean length. A phrase uses tf = its occurrences and idf = the sum of its words'.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from bookstore.library.search.folding import fold
from bookstore.library.search.query import And, Field, Node, Not, Or, Term
from bookstore.model import Issue

K1, B = 1.2, 0.75
WEIGHTS = {"title": 10.0, "lead": 5.0, "body": 1.0, "authors": 4.0, "topics": 3.0}
_COLUMN = {"author": "authors", "topic": "topics"}


def _length_buckets() -> list[int]:
    """tantivy keeps lengths up to 40 exactly, then in buckets of 8 per doubling of step."""
    table, value, step = list(range(41)), 40, 2
    while len(table) < 256:
        for _ in range(8):
            value += step
            table.append(value)
        step *= 2
    return table[:256]


_BUCKETS = _length_buckets()


def tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text).lower())


class Corpus:
    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = {issue.id: issue for issue in issues}
        self.n = len(issues)
        self.fields: dict[str, dict[int, list[str]]] = defaultdict(dict)
        for issue in issues:
            texts = {
                "title": issue.title,
                "lead": issue.lead,
                "body": issue.body_text(),
                "authors": " ; ".join(issue.authors),
                "topics": " ; ".join(issue.topics),
            }
            for field, text in texts.items():
                self.fields[field][issue.id] = tokens(text)
        self.avgdl = {f: sum(map(len, d.values())) / self.n for f, d in self.fields.items()}
        self.df = {
            f: Counter(w for t in d.values() for w in set(t)) for f, d in self.fields.items()
        }

    def idf(self, field: str, word: str) -> float:
        n = self.df[field][word]
        return math.log(1 + (self.n - n + 0.5) / (n + 0.5))

    def _bm25(self, field: str, doc: int, idf: float, tf: int) -> float:
        dl = _BUCKETS[bisect.bisect_right(_BUCKETS, len(self.fields[field][doc])) - 1]
        return idf * (K1 + 1) * tf / (tf + K1 * (1 - B + B * dl / self.avgdl[field]))

    def _phrase(self, field: str, words: list[str], weight: float) -> dict[int, float]:
        if any(self.df[field][w] == 0 for w in words):
            return {}
        idf = sum(self.idf(field, w) for w in words)
        scores = {}
        size = len(words)
        for doc, text in self.fields[field].items():
            tf = sum(1 for i in range(len(text) - size + 1) if text[i : i + size] == words)
            if tf:
                scores[doc] = weight * self._bm25(field, doc, idf, tf)
        return scores

    def _text(self, text: str, prefix: bool, weights: dict[str, float]) -> dict[int, float]:
        words = tokens(text)
        total: dict[int, float] = defaultdict(float)
        for field, weight in weights.items():
            if prefix:
                endings = [w for w in self.df[field] if w.startswith(words[-1])]
            else:
                endings = [words[-1]]
            for ending in endings:
                for doc, score in self._phrase(field, [*words[:-1], ending], weight).items():
                    total[doc] += score
        return dict(total)

    def evaluate(self, node: Node) -> dict[int, float]:
        """Every matching issue with its score."""
        if isinstance(node, Term):
            return self._text(node.text, node.prefix, WEIGHTS)
        if isinstance(node, Field):
            if node.name in _COLUMN:
                column = _COLUMN[node.name]
                words = tokens(node.value)
                # as typed: the last word of a name or topic is a prefix unless quoted
                prefix = node.prefix or (not node.phrase and bool(words) and len(words[-1]) >= 2)
                return self._text(node.value, prefix, {column: WEIGHTS[column]})
            return dict.fromkeys(self._filter(node), 0.0)
        if isinstance(node, Not):
            excluded = self.evaluate(node.item)
            return {doc: 0.0 for doc in self.issues if doc not in excluded}
        parts = [self.evaluate(item) for item in node.items]
        if isinstance(node, And):
            docs = set(self.issues)
            for part in parts:
                docs &= set(part)
            return {doc: sum(part[doc] for part in parts) for doc in docs}
        assert isinstance(node, Or)
        docs = set().union(*parts)
        return {doc: sum(part.get(doc, 0.0) for part in parts) for doc in docs}

    def _filter(self, node: Field) -> set[int]:
        value = node.value
        if node.name == "series":
            return {d for d, i in self.issues.items() if i.series.slug.startswith(value)}
        if node.name == "lang":
            return {d for d, i in self.issues.items() if i.language == value}
        if node.name == "owned":
            return {d for d, i in self.issues.items() if i.owned == (value == "yes")}
        low, _, high = value.partition("..")
        if not _:
            high = low
        return {
            d
            for d, i in self.issues.items()
            if (not low or i.year >= int(low)) and (not high or i.year <= int(high))
        }

    def ranking(self, node: Node) -> list[tuple[float, int]]:
        """(score, id) best first; ties newest first, then the higher id."""
        scores = self.evaluate(node)
        return sorted(
            ((score, doc) for doc, score in scores.items()),
            key=lambda item: (-item[0], -self.issues[item[1]].date.toordinal(), -item[1]),
        )
