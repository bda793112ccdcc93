"""What an element's class names say it holds, each class name read as words.

Themes name their parts in many ways: ``pub-authors``, ``article__lead``,
``entry-summary``, ``post-author``, ``c-byline``, ``postAuthor``. A class name is
split into its words (at hyphens, underscores and a change from lower to upper
case) and the words are looked up in ``vocabulary.CLASS_FIELDS``.
"""

from __future__ import annotations

import re

from lxml import etree

from bookstore.ingest.words.vocabulary import CHROME_WORDS, CLASS_FIELDS, CLASS_NOT_FIELDS

_WORD_BREAK = re.compile(r"[^0-9a-zA-Z\u00C0-\u024F\u0400-\u04FF]+|(?<=[a-z])(?=[A-Z])")


def class_words(element: etree._Element) -> list[list[str]]:
    """The words of each of the element's class names, in lower case."""
    return [name_words(name) for name in str(element.get("class") or "").split()]


def name_words(name: str) -> list[str]:
    """The words of one class name or id, in lower case."""
    return [word.lower() for word in _WORD_BREAK.split(name) if word]


def is_chrome(element: etree._Element) -> bool:
    """Whether a class name or the id says the element is the site's, not the text's
    (comments, related posts, a newsletter box)."""
    names = [*class_words(element), name_words(str(element.get("id") or ""))]
    return any(CHROME_WORDS.intersection(words) for words in names)


def holds(element: etree._Element, field: str) -> bool:
    """Whether a class name of ``element`` says it holds ``field`` (a key of
    ``CLASS_FIELDS``) and does not say it is something else: ``author-avatar`` and
    ``date-updated`` do not; ``entry-date`` in "entry-date published updated" does."""
    excluded = CLASS_NOT_FIELDS.get(field, frozenset())
    return any(
        CLASS_FIELDS[field].intersection(words) and not excluded.intersection(words)
        for words in class_words(element)
    )


def field_of(element: etree._Element) -> str | None:
    """The field a class name says ``element`` holds, if any."""
    return next((field for field in CLASS_FIELDS if holds(element, field)), None)
