"""The full-text index: what goes into it for an issue, and snippets from it.

``issue_fts`` is a contentless FTS5 table: we insert folded text and must give the
same folded text back to delete a row, so both go through ``_document``.
"""

from __future__ import annotations

import re
import sqlite3

from bookstore.library.folding import fold, folding_pattern
from bookstore.library.query import And, Field, Node, Or, Term
from bookstore.model import Issue

# bm25 weights per column: title, lead, body, authors, topics.
WEIGHTS = (10.0, 5.0, 1.0, 4.0, 3.0)

_WORD = re.compile(r"\w+")


def _document(issue: Issue) -> tuple[str, str, str, str, str]:
    return (
        fold(issue.title),
        fold(issue.lead),
        fold(issue.body_text()),
        fold(" ; ".join(issue.authors)),
        fold(" ; ".join(issue.topics)),
    )


def index(db: sqlite3.Connection, issue_id: int, issue: Issue) -> None:
    db.execute(
        "INSERT INTO issue_fts (rowid, title, lead, body, authors, topics) VALUES (?, ?, ?, ?, ?, ?)",
        (issue_id, *_document(issue)),
    )


def unindex(db: sqlite3.Connection, issue_id: int, issue: Issue) -> None:
    db.execute(
        "INSERT INTO issue_fts (issue_fts, rowid, title, lead, body, authors, topics) "
        "VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        (issue_id, *_document(issue)),
    )


class Highlighter:
    """Finds a query's words in text and marks them, for snippets."""

    def __init__(self, words: set[str], prefixes: list[str]) -> None:
        alternatives = [folding_pattern(w) + r"\b" for w in sorted(words)]
        alternatives += [folding_pattern(p) + r"\w*" for p in sorted(prefixes)]
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(alternatives) + ")") if alternatives else None
        )

    @classmethod
    def for_query(cls, node: Node) -> Highlighter:
        words: set[str] = set()
        prefixes: list[str] = []
        for term, prefix in _positive_terms(node):
            tokens = _WORD.findall(fold(term))
            if prefix and tokens:
                prefixes.append(tokens.pop())
            words.update(tokens)
        return cls(words, prefixes)

    def mark(self, text: str, start: str = "\x02", end: str = "\x03") -> str:
        """All of ``text`` with every hit marked."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f"{start}{m.group()}{end}", text)

    def snippet(self, text: str, start: str = "\x02", end: str = "\x03", width: int = 220) -> str:
        """About ``width`` characters of ``text`` around the densest run of hits, hits marked."""
        text = " ".join(text.split())
        hits = [m.span() for m in self._pattern.finditer(text)] if self._pattern else []
        begin = _window_start(text, hits, width)
        stop = len(text) if begin + width >= len(text) else _word_end(text, begin + width)
        out = ["… "] if begin > 0 else []
        position = begin
        for hit_start, hit_end in hits:
            if begin <= hit_start and hit_end <= stop:
                out += [text[position:hit_start], start, text[hit_start:hit_end], end]
                position = hit_end
        out.append(text[position:stop])
        if stop < len(text):
            out.append(" …")
        return "".join(out)


def _window_start(text: str, hits: list[tuple[int, int]], width: int) -> int:
    """Where a window of ``width`` characters holding the most hits starts, at a word start."""
    if not hits:
        return 0
    best, best_count, last = hits[0][0], 0, 0
    for first, (hit_start, _) in enumerate(hits):
        last = max(last, first)
        while last + 1 < len(hits) and hits[last + 1][1] - hit_start <= width * 0.7:
            last += 1
        if last - first + 1 > best_count:
            best, best_count = hit_start, last - first + 1
    begin = max(0, best - width // 4)
    if begin == 0:
        return 0
    space = text.find(" ", begin, best)
    return space + 1 if space >= 0 else best


def _word_end(text: str, position: int) -> int:
    space = text.rfind(" ", 0, position)
    return space if space > 0 else position


def _positive_terms(node: Node) -> list[tuple[str, bool]]:
    if isinstance(node, Term):
        return [(node.text, node.prefix)]
    if isinstance(node, Field) and node.name in ("author", "topic"):
        return [(node.value, node.prefix)]
    if isinstance(node, And | Or):
        return [term for item in node.items for term in _positive_terms(item)]
    return []  # Not, and fields that are not text
