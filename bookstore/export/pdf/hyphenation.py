"""Hyphenation for justified text, per issue language, with pyphen's dictionaries."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyphen
from reportlab.platypus import paragraph

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

_DICTIONARIES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}
# Fewest letters left on a line and carried to the next, as each language's printers set them.
_MINIMA = {"en": (2, 3), "pl": (2, 2), "ru": (2, 2)}
NBSP = "\u00a0"
_EXTRA_LETTERS = "\u0401\u0451" + NBSP  # Ё ё, and the no-break space of bound words


def hyphenator(language: str) -> Hyphenator | None:
    """A callable giving (head, tail) splits of a word, best first; None for other languages.

    A word bound to the one before it by a no-break space ("w\u00a0Brukseli") is
    split only inside its last part, never at the space.
    """
    name = _DICTIONARIES.get(language)
    if name is None:
        return None
    left, right = _MINIMA[language]
    iterate = pyphen.Pyphen(lang=name, left=left, right=right).iterate

    def split(word: str) -> Iterator[tuple[str, str]]:
        bound, _, last = word.rpartition(NBSP)
        prefix = bound + NBSP if bound else ""
        for head, tail in iterate(last):
            yield prefix + head, tail

    return split


def widen_hyphenation_letters() -> None:
    """Let reportlab offer more words to the hyphenator.

    reportlab (5.1) only hyphenates a word if every character is in its
    ``_hy_letters`` class, which covers А-я but not ё/Ё ("партнёрство" never
    breaks), nor the no-break space that binds a one-letter word to the next.
    This widens the two patterns built from that class; it is idempotent.
    """
    # reportlab offers no public setting for these: its own names are the only way in.
    letters = paragraph._hy_letters  # noqa: SLF001
    if _EXTRA_LETTERS[0] in letters:
        return
    letters += _EXTRA_LETTERS
    paragraph._hy_letters = letters  # noqa: SLF001
    paragraph._hy_letters_pat = re.compile(f"^[{letters}]+$")  # noqa: SLF001
    shy = paragraph._hy_shy  # noqa: SLF001
    paragraph._hy_shy_letters_pat = re.compile(f"^[{shy}{letters}]+$")  # noqa: SLF001
