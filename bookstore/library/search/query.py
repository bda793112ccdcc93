"""The search language: query text -> tokens -> syntax tree.

    nuclear korea             both words (AND is implied)
    nucl*                     a prefix
    "north korea"             a phrase
    sanctions OR embargo      either; NOT / a leading "-" excludes; ( ) groups
    series:spotlight year:2018..2019 author:pietrewicz lang:pl topic:energy owned:yes

Operators are upper case; lower-case "and", "or", "not" are ordinary words.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say

FIELDS = ("series", "year", "author", "lang", "topic", "owned")
# Bounds that keep any query quick to parse and to run (and the parser's recursion shallow).
MAX_LENGTH = 1000  # characters
MAX_TERMS = 100  # words, phrases and fields
MAX_DEPTH = 20  # nested parentheses and NOTs
# Characters no query holds: controls (tab and newline are spaces) and lone surrogates,
# which is how Python carries bytes that were not valid UTF-8 (a command-line argument).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class QueryError(BookstoreError, ValueError):
    """A query the parser cannot read; the message says where and why."""


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Term | Field | Not | And | Or

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<field>[A-Za-z]+):(?=\S)
  | (?P<phrase>"(?P<phrase_text>[^"]*)"(?P<phrase_star>\*)?)
  | (?P<quote>")
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # open, close, field, phrase, word, and, or, not, minus
    text: str
    position: int
    star: bool = False


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start = match.start()
        if kind == "space":
            continue
        if kind == "quote":
            raise QueryError(
                say("the quote at position {position} is never closed", position=start + 1)
            )
        if kind == "phrase":
            star = bool(match.group("phrase_star"))
            tokens.append(_Token("phrase", match.group("phrase_text"), start, star))
        elif kind == "field":
            tokens.append(_Token("field", match.group("field").lower(), start))
        elif kind == "word":
            word = match.group()
            if word in ("AND", "OR", "NOT"):
                tokens.append(_Token(word.lower(), word, start))
            elif word.startswith("-") and len(word) > 1:
                tokens.append(_Token("minus", "-", start))
                tokens.append(_word_token(word[1:], start + 1))
            else:
                tokens.append(_word_token(word, start))
        else:
            tokens.append(_Token(kind or "", match.group(), start))
    return tokens


def _word_token(word: str, position: int) -> _Token:
    star = word.endswith("*") and len(word) > 1
    return _Token("word", word.rstrip("*") if star else word, position, star)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0
        terms = sum(1 for token in self.tokens if token.kind in ("word", "phrase", "field"))
        if terms > MAX_TERMS:
            raise QueryError(
                say(
                    "the query has {terms} terms; at most {max_terms} are searched",
                    terms=terms,
                    max_terms=MAX_TERMS,
                )
            )

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            raise QueryError(
                say(
                    "unexpected “{text}” at position {position}",
                    text=token.text,
                    position=token.position + 1,
                )
            )
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            items.append(self.parse_and(after=token))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self, after: _Token | None = None) -> Node:
        items = [self.parse_unary(after)]
        while (token := self.peek()) is not None and token.kind not in ("or", "close"):
            if token.kind == "and":
                self.take()
                items.append(self.parse_unary(after=token))
            else:
                items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self, after: _Token | None = None) -> Node:
        token = self.peek()
        if token is None or token.kind in ("or", "and", "close"):
            if after is not None:
                raise QueryError(
                    say(
                        "{text} at position {position} needs a term after it",
                        text=after.text,
                        position=after.position + 1,
                    )
                )
            if token is None:
                raise QueryError(say("the query is empty"))
            if token.kind == "close":
                raise QueryError(
                    say("the “)” at position {position} has no “(”", position=token.position + 1)
                )
            raise QueryError(
                say(
                    "{text} at position {position} needs a term before it",
                    text=token.text,
                    position=token.position + 1,
                )
            )
        if token.kind in ("not", "minus"):
            self.take()
            with self.nested(token):
                return Not(self.parse_unary(after=token))
        return self.parse_primary()

    @contextlib.contextmanager
    def nested(self, token: _Token) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(
                say(
                    "the query nests too deeply at position {position} (at most "
                    "{max_depth} levels of parentheses and NOT)",
                    position=token.position + 1,
                    max_depth=MAX_DEPTH,
                )
            )
        try:
            yield
        finally:
            self.depth -= 1

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "open":
            if (next_token := self.peek()) is None:
                raise QueryError(
                    say(
                        "the “(” at position {position} is never closed",
                        position=token.position + 1,
                    )
                )
            if next_token.kind == "close":
                raise QueryError(
                    say(
                        "the parentheses at position {position} are empty",
                        position=token.position + 1,
                    )
                )
            with self.nested(token):
                node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise QueryError(
                    say(
                        "the “(” at position {position} is never closed",
                        position=token.position + 1,
                    )
                )
            self.take()
            return node
        if token.kind == "field":
            return self.parse_field(token)
        if token.kind == "phrase":
            return Term(token.text, prefix=token.star, phrase=True)
        return Term(token.text, prefix=token.star)

    def parse_field(self, token: _Token) -> Field:
        if token.text not in FIELDS:
            known = ", ".join(f"{name}:" for name in FIELDS)
            raise QueryError(
                say(
                    "unknown field “{text}:” at position {position}; the fields are {known}",
                    text=token.text,
                    position=token.position + 1,
                    known=known,
                )
            )
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase"):
            raise QueryError(
                say(
                    "{text}: at position {position} needs a value",
                    text=token.text,
                    position=token.position + 1,
                )
            )
        self.take()
        return Field(token.text, value.text, prefix=value.star, phrase=value.kind == "phrase")


def parse(text: str) -> Node:
    """Parse a query; raise QueryError with a readable reason when it cannot."""
    if not text.strip():
        raise QueryError(say("the query is empty"))
    if len(text) > MAX_LENGTH:
        raise QueryError(
            say(
                "the query is {length} characters long; at most {max_length} are searched",
                length=format(len(text), ","),
                max_length=format(MAX_LENGTH, ","),
            )
        )
    if found := _NOT_TEXT.search(text):
        char = found.group()
        what = (
            "bytes that are not valid UTF-8 text"
            if "\ud800" <= char <= "\udfff"
            else f"a control character (U+{ord(char):04X})"
        )
        raise QueryError(
            say(
                "the query holds {what} at position {position}",
                what=what,
                position=found.start() + 1,
            )
        )
    return _Parser(text).parse()
