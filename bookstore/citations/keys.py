"""Citation keys that are stable and unique: ``nowak2019nato``, ``nowak2019natoa`` ...

A key is the first author's family name, the year and the title's first word that
says something, in ASCII; issues whose keys clash get a, b, c ... in id order, so the
same selection always gets the same keys.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from string import ascii_lowercase

from unidecode import unidecode

from bookstore.model import Issue

# Words a title's key skips, in the three languages of the briefs.
_SKIPPED = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "and",
        "for",
        "to",
        "at",
        "by",
        "with",
        "from",
        "is",
        "are",
        "after",
        "before",
        "between",
        "o",
        "w",
        "we",
        "z",
        "ze",
        "na",
        "i",
        "oraz",
        "do",
        "dla",
        "po",
        "od",
        "przed",
        "przez",
        "jak",
        "czy",
        "v",
        "vo",
        "s",
        "so",
        "na",
        "i",
        "dlia",
        "po",
        "ot",
        "k",
        "ko",
        "o",
        "ob",
        "pered",
        "posle",
        "kak",
    ]
)


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def base_key(issue: Issue) -> str:
    family = issue.authors[0].rpartition(" ")[2] if issue.authors else issue.series.slug
    words = [_ascii_word(word) for word in re.split(r"[\s\-–—:,.;!?/]+", issue.title)]
    word = next((w for w in words if w and w not in _SKIPPED), "")
    return f"{_ascii_word(family) or 'anon'}{issue.year}{word}"


def citation_keys(issues: Sequence[Issue]) -> dict[int, str]:
    """Each issue's key, by the issue's id (issues without an id are not given one)."""
    by_base: dict[str, list[Issue]] = defaultdict(list)
    for issue in sorted((i for i in issues if i.id is not None), key=lambda i: i.id or 0):
        by_base[base_key(issue)].append(issue)
    keys: dict[int, str] = {}
    for base, clashing in by_base.items():
        for position, issue in enumerate(clashing):
            assert issue.id is not None
            keys[issue.id] = base if len(clashing) == 1 else base + _suffix(position)
    return keys


def _suffix(position: int) -> str:
    """a ... z, then aa, ab ...: as many as are needed."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters
