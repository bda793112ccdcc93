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


def _walk(element, lines, buffer, blocks, headings, skipped, whole) -> None:
    tag = local_name(element).lower()
    if tag in skipped:
        return
    if tag == "br":
        _flush(lines, buffer)
        return
    is_block = tag in blocks
    if is_block or tag in whole:
        _flush(lines, buffer)
    if tag in whole:
        lines.append(Line(" ".join("".join(element.itertext()).split())))
        return
    if element.text:
        buffer.append(element.text)
    for child in element:
        _walk(child, lines, buffer, blocks, headings, skipped, whole)
        if child.tail:
            buffer.append(child.tail)
    if is_block:
        _flush(lines, buffer, heading=tag in headings)


def _flush(lines: list[Line], buffer: list[str], heading: bool = False) -> None:
    text = " ".join("".join(buffer).split())
    buffer.clear()
    if text:
        lines.append(Line(text, heading))
