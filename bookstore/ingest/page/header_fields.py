"""Header fields that share a line ("PISM Bulletin no. 31 (1277) · 14 March 2019 ·
Jan Kowalski"), put on lines of their own so that the page reader finds each one,
in whatever order the page prints them."""

from __future__ import annotations

import re

from bookstore.ingest.words.dates import find_date

NUMBER_TOKEN = re.compile(
    r"(?<!\w)(?:no\.?|nr\.?|№)\s*\d{1,4}\s*(?:/\s*\d{4}|\(\s*\d{1,6}\s*\))", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s+[·•|/–—]\s+|\s*[·•|]\s*")
_TERMINAL = tuple(".!?…")
HEADER_LINES = 80  # header fields stand near the top; paragraphs below are left alone
MAX_SHARED = 240


def split_shared(texts: list[str], is_field) -> list[list[str]]:
    """For each text, the texts it holds: itself, or its header fields one by one.
    ``is_field(text)`` tells a line that already is one field (a number or a date)."""
    return [
        _split(text) if n < HEADER_LINES and not is_field(text) else [text]
        for n, text in enumerate(texts)
    ]


def shares_a_line(text: str) -> bool:
    """Whether ``text`` holds a date or separated fields besides a series' name."""
    return find_date(text) is not None or len(_SEPARATORS.split(text.strip())) > 1


def _split(text: str) -> list[str]:
    if len(text) > MAX_SHARED:
        return [text]
    has_number = NUMBER_TOKEN.search(text) is not None
    found = find_date(text)
    if not has_number and found is None:
        return [text]
    pieces = [p.strip(" ,;") for p in _SEPARATORS.split(text)]
    separated = len(pieces) > 1
    if not has_number and not separated:
        rest = (text[: found[2].start()] + text[found[2].end() :]).strip(" ,;")
        # A sentence that mentions a date is text, not a header.
        if len(rest) > 80 or rest.endswith(_TERMINAL) or len(rest.split()) > 8:
            return [text]
    out: list[str] = []
    for piece in pieces:
        out += _split_piece(piece)
    return [piece for piece in out if piece]


def _split_piece(piece: str) -> list[str]:
    found = find_date(piece)
    if found is not None and found[2].group(0).strip() != piece:
        match = found[2]
        return [
            *_split_piece(piece[: match.start()].strip(" ,;")),
            match.group(0).strip(),
            *_split_piece(piece[match.end() :].strip(" ,;")),
        ]
    number = NUMBER_TOKEN.search(piece)
    if number is not None and number.end() < len(piece.rstrip()):
        return [piece[: number.end()].strip(), *_split_piece(piece[number.end() :].strip(" ,;"))]
    return [piece] if piece else []
