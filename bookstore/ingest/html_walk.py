"""Turning an HTML element tree into lines of text, one per block element."""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from bookstore.ingest.page_layout import Line
from bookstore.ingest.safe_xml import local_name


def text_lines(
    element: etree._Element,
    *,
    blocks: Collection[str],
    headings: Collection[str],
    skipped: Collection[str] = (),
    whole: Collection[str] = (),
) -> list[Line]:
    """The text under ``element`` in document order: each element named in ``blocks``
    ends a line, those in ``headings`` make heading lines, those in ``skipped`` are
    left out, and those in ``whole`` become one line of their own however they nest."""
    lines: list[Line] = []
    _walk(element, lines, [], blocks, headings, skipped, whole)
    _flush(lines, [])
    return lines


def _walk(root, lines, buffer, blocks, headings, skipped, whole) -> None:
    """Depth-first with a stack of its own: HTML may nest deeper than Python recurses."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        tag = local_name(element).lower()
        if leaving:
            if tag in blocks:
                _flush(lines, buffer, heading=tag in headings)
        elif tag in skipped:
            pass
        elif tag == "br":
            _flush(lines, buffer)
        elif tag in whole:
            _flush(lines, buffer)
            lines.append(Line(" ".join("".join(element.itertext()).split())))
        else:
            if tag in blocks:
                _flush(lines, buffer)
            if element.text:
                buffer.append(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        if element is not root and element.tail:
            buffer.append(element.tail)


def _flush(lines: list[Line], buffer: list[str], heading: bool = False) -> None:
    text = " ".join("".join(buffer).split())
    buffer.clear()
    if text:
        lines.append(Line(text, heading))
