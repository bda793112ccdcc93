"""Case and diacritics folding that keeps every character in place.

Text is folded before it is indexed and before it is searched, mapping each character
to exactly one character, so that an offset in the folded text is the same offset in
the original (snippets rely on this).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters with no Unicode decomposition to a base letter.
_EXTRA = {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŀ": "l"}
# Letters that look decomposable but are letters of their own in their language.
_KEEP = {"й"}


# The blocks our languages write in: Latin (with Extended-A/B and Additional) and Cyrillic.
_BLOCKS = ((0x0000, 0x0250), (0x0400, 0x0530), (0x1E00, 0x1F00))


def _fold_char(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:
        return char
    if lower in _KEEP:
        return lower
    if lower in _EXTRA:
        return _EXTRA[lower]
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalnum() else lower


@cache
def _table() -> dict[int, str]:
    return {code: _fold_char(chr(code)) for start, end in _BLOCKS for code in range(start, end)}


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, keeping its length.

    Characters outside the blocks above are left as they are (the index's tokenizer
    still lower-cases them).
    """
    if text.isascii():
        return text.lower()
    return text.translate(_table())


@cache
def _variants() -> dict[str, str]:
    """For each folded character, every character that folds to it."""
    variants: dict[str, list[str]] = {}
    for code, folded in _table().items():
        variants.setdefault(folded, []).append(chr(code))
    return {folded: "".join(chars) for folded, chars in variants.items()}


def folding_pattern(folded_word: str) -> str:
    """A regular expression matching every spelling of ``folded_word`` that folds to it,
    so that original text can be searched without folding it first."""
    variants = _variants()
    parts = []
    for char in folded_word:
        chars = variants.get(char, char)
        parts.append("[" + re.escape(chars) + "]" if len(chars) > 1 else re.escape(chars))
    return "".join(parts)
