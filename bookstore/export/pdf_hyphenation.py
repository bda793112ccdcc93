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
_YO = "\u0401\u0451"  # Ё ё


def hyphenator(language: str) -> Hyphenator | None:
    """A callable giving (head, tail) splits of a word, best first; None for other languages."""
    name = _DICTIONARIES.get(language)
    if name is None:
        return None
    left, right = _MINIMA[language]
    return pyphen.Pyphen(lang=name, left=left, right=right).iterate


def allow_yo() -> None:
    """Let reportlab hyphenate Russian words that contain ё.

    reportlab (5.1) only offers a word to the hyphenator if every letter is in its
    ``_hy_letters`` class, which covers А-я but not ё/Ё, so "партнёрство" never
    breaks. This widens the two patterns built from that class; it is idempotent.
    """
    letters = paragraph._hy_letters
    if _YO[0] in letters:
        return
    letters += _YO
    paragraph._hy_letters = letters
    paragraph._hy_letters_pat = re.compile(f"^[{letters}]+$")
    paragraph._hy_shy_letters_pat = re.compile(f"^[{paragraph._hy_shy}{letters}]+$")
