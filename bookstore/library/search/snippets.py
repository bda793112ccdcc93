"""Snippets: a query's words found in the original text and marked, whatever their
case and diacritics (``folding.folding_pattern``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bookstore.library.search.folding import fold, folding_pattern
from bookstore.library.search.query import And, Field, Node, Or, Term

_WORD = re.compile(r"\w+")


class Highlighter:
    """Finds a query's words in text and marks them, for snippets."""

    def __init__(self, words: set[str], prefixes: list[str]) -> None:
        alternatives = [folding_pattern(w) + r"\b" for w in sorted(words)]
        alternatives += [folding_pattern(p) + r"\w*" for p in sorted(prefixes)]
        # No leading \b: it keeps the regex engine from skipping ahead to a possible
        # first letter (three times slower); word starts are checked in _hits instead.
        self._pattern = re.compile("|".join(alternatives)) if alternatives else None

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

    def _hits(self, text: str) -> Iterator[re.Match]:
        if self._pattern is None:
            return
        position = 0
        while (match := self._pattern.search(text, position)) is not None:
            at = match.start()
            if at == 0 or not text[at - 1].isalnum():
                yield match
                position = match.end()
            else:
                position = at + 1

    def mark(self, text: str, start: str = "\x02", end: str = "\x03") -> str:
        """All of ``text`` with every hit marked."""
        out, position = [], 0
        for hit in self._hits(text):
            out += [text[position : hit.start()], start, hit.group(), end]
            position = hit.end()
        out.append(text[position:])
        return "".join(out)

    def snippet(self, text: str, start: str = "\x02", end: str = "\x03", width: int = 220) -> str:
        """About ``width`` characters of ``text`` from just before its first hit, hits marked.

        Only the window is scanned after the first hit, so long texts cost little.
        """
        first = next(self._hits(text), None)
        begin = 0
        if first is not None and first.start() > width // 4:
            space = text.find(" ", first.start() - width // 4, first.start())
            begin = space + 1 if space >= 0 else first.start()
        stop = min(len(text), begin + width)
        if stop < len(text):
            space = text.rfind(" ", begin, stop)
            stop = space if space > begin else stop
        window = " ".join(self.mark(text[begin:stop], start, end).split())
        return ("… " if begin > 0 else "") + window + (" …" if stop < len(text) else "")


def _positive_terms(node: Node) -> list[tuple[str, bool]]:
    if isinstance(node, Term):
        return [(node.text, node.prefix)]
    if isinstance(node, Field) and node.name in ("author", "topic"):
        return [(node.value, node.prefix)]
    if isinstance(node, And | Or):
        return [term for item in node.items for term in _positive_terms(item)]
    return []  # Not, and fields that are not text
