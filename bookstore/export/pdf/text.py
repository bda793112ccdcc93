"""Text as the PDF prints it: cleaned, cut into pieces and marked up for reportlab,
with the spaces each issue language keeps unbroken."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_SPACE = re.compile(r"\s+")
# One-letter words that Polish and Russian typesetting keep off the end of a line.
_SHORT_WORD = {
    "pl": re.compile(r"(?<![\w\-])([aiouwzAIOUWZ]) "),
    "ru": re.compile(r"(?<![\w\-])([авикосуяАВИКОСУЯ]) "),
}
_DASH = re.compile(r" ([–—])")
# A number keeps its unit or abbreviation: "1963 r.", "1963 г.", "5 mln", "40 %".
_UNIT = re.compile(r"(\d) (?=(?:r\.|tys\.|mln|mld|proc\.|г\.|гг\.|тыс\.|млн|млрд|%))")
NBSP = "\u00a0"
ZWSP = "\u200b"
_WORD_PIECE = 20  # characters; the narrowest column (A5) holds about 40
_LONG_WORD = re.compile(rf"[^\s{ZWSP}]{{{2 * _WORD_PIECE + 1},}}")
# Characters of paragraph text reportlab lays out as one piece (about two thirds of an A4 page).
PIECE_LIMIT = 3000


def break_long_words(text: str) -> str:
    """A word longer than a narrow line (a URL, a chemical name, garbage) gets a
    zero-width space every ``_WORD_PIECE`` characters. reportlab then cuts it where it
    must without first offering it, whole, to the hyphenator (whose work grows with
    the square of the word's length)."""
    return _LONG_WORD.sub(_broken, text)


def _broken(found: re.Match) -> str:
    word = found.group()
    return ZWSP.join(word[at : at + _WORD_PIECE] for at in range(0, len(word), _WORD_PIECE))


def pieces(text: str, limit: int = PIECE_LIMIT) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters: after a sentence if one
    ends in the second half of the piece, else at a space, else inside a word.

    reportlab lays a paragraph out again from where it was split at each page break,
    and cuts an over-long word character by character: a paragraph tens of pages long,
    or one huge word, would take time growing with the square of its length. Pieces
    of bounded length keep it linear; real paragraphs are far shorter and stay whole.
    """
    out = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = window.rfind(". ", limit // 2) + 1 or window.rfind(" ", limit // 2) or limit
        if cut <= 0:
            cut = limit
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    out.append(text)
    return [piece for piece in out if piece]


def clean(text: str) -> str:
    """NFC, no control characters, single spaces (precomposed letters print with the right glyphs)."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return _SPACE.sub(" ", text).strip()


def markup(text: str, language: str) -> str:
    """Cleaned, escaped paragraph text, with no-break spaces where a line must not break."""
    text = escape(break_long_words(clean(text)))
    pattern = _SHORT_WORD.get(language)
    if pattern is not None:
        text = pattern.sub(r"\1" + NBSP, text)
    text = _UNIT.sub(r"\1" + NBSP, text)
    return _DASH.sub(NBSP + r"\1", text)
