"""Walking an (X)HTML element tree in document order, its text as pieces and the ends
of its blocks: the one walk behind a page's lines (``text_lines``) and a catalog
summary's plain text (``text.element_text``)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import chain

from lxml import etree

from bookstore.ingest.html.safe_xml import local_name
from bookstore.ingest.lines import Line


@dataclass(frozen=True)
class Break:
    """A block starts or ends here: the text before it is a line of its own."""

    heading: bool = False  # the block that ends here is a heading


LINE_BREAK = Break()
HEADING_BREAK = Break(heading=True)


def pieces(
    root: etree._Element,
    *,
    blocks: Collection[str],
    headings: Collection[str] = (),
    skipped: Collection[str] = (),
    whole: Collection[str] = (),
) -> Iterator[str | Break]:
    """The text under ``root`` in document order, with a Break where an element named
    in ``blocks`` starts and ends. Elements in ``skipped`` are left out (their tails
    are not); those in ``whole`` become one piece of their own however they nest.
    Comments and processing instructions give no text."""
    # A stack of its own, not recursion: HTML may nest deeper than Python recurses.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        tag = local_name(element).lower()
        if leaving:
            if tag in blocks:
                yield HEADING_BREAK if tag in headings else LINE_BREAK
        elif tag in skipped:
            pass
        elif tag in whole:
            yield LINE_BREAK
            yield " ".join("".join(element.itertext()).split())
            yield LINE_BREAK
        else:
            if tag in blocks:
                yield LINE_BREAK
            if tag and element.text:
                yield element.text
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        if element is not root and element.tail:
            yield element.tail


def text_lines(
    element: etree._Element,
    *,
    blocks: Collection[str],
    headings: Collection[str],
    skipped: Collection[str] = (),
    whole: Collection[str] = (),
) -> list[Line]:
    """The text under ``element`` as lines, spaces collapsed: each element named in
    ``blocks`` (and every ``<br>``) ends a line, those in ``headings`` make heading
    lines, and the rest is as ``pieces`` says."""
    lines: list[Line] = []
    buffer: list[str] = []
    walk = pieces(element, blocks={*blocks, "br"}, headings=headings, skipped=skipped, whole=whole)
    for piece in chain(walk, [LINE_BREAK]):
        if isinstance(piece, str):
            buffer.append(piece)
            continue
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            lines.append(Line(text, piece.heading))
    return lines
