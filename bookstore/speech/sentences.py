"""An issue's text cut into sentences, each with where it is in the text, for reading
aloud one at a time and highlighting the one being read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookstore.speech.abbreviations import BEFORE_NAME, BEFORE_NUMBER

# A sentence's end: full stops, question and exclamation marks or an ellipsis, the
# quotation marks and brackets that close on it, then a space.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
# The word written just before a full stop ("no", "т.е", "m.in").
_WORD_BEFORE = re.compile(r"(\S+?)\.*$")
# Characters that are not text: objects (images) and the frame marks Qt leaves.
_AS_SPACE = {ord(c): " " for c in "\ufffc\ufdd0\ufdd1"}


@dataclass(frozen=True)
class Sentence:
    """``text`` (its spaces made single) is ``source[start:end]`` of the text it came from."""

    start: int
    end: int
    text: str


def split_sentences(text: str, language: str) -> list[Sentence]:
    """The sentences of ``text``; a line (a heading, a paragraph) never runs into the next."""
    found: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        found += _line_sentences(line, offset, language)
        offset += len(line) + 1
    return found


def _line_sentences(line: str, offset: int, language: str) -> list[Sentence]:
    found = []
    begin = 0
    for end in _END.finditer(line):
        if _ends_sentence(line, end.start(), end.end(), language):
            found.append(_sentence(line, begin, end.end(), offset))
            begin = end.end()
    found.append(_sentence(line, begin, len(line), offset))
    return [sentence for sentence in found if sentence.text]


def _ends_sentence(line: str, mark: int, after: int, language: str) -> bool:
    following = line[after:].lstrip()
    if not following:
        return True
    first = following.lstrip("\"'“„«‘(").strip()[:1]
    if not first or first.islower() or first in ",;:–—-":
        return False  # "т.е. это", "etc., and", "… and so"
    if line[mark] != ".":
        return True
    word = _WORD_BEFORE.search(line[:mark])
    before = word.group(1).lower().lstrip("(\"'“„«") if word else ""
    if before in BEFORE_NAME.get(language, BEFORE_NAME["en"]):
        return False
    if first.isdigit() and before in BEFORE_NUMBER.get(language, BEFORE_NUMBER["en"]):
        return False
    initial = len(before) == 1 and before.isalpha() and bool(word) and word.group(1).isupper()
    return not initial  # an initial ("J. Smith") does not end a sentence


def _sentence(line: str, begin: int, end: int, offset: int) -> Sentence:
    piece = line[begin:end].translate(_AS_SPACE)
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    spoken = " ".join(piece.split())
    return Sentence(offset + begin + lead, offset + end - trail, spoken)
