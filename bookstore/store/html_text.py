"""Turning the HTML of a catalog's summaries into plain text, paragraphs kept."""

from __future__ import annotations

import re

from lxml import etree, html

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "dd",
        "dt",
    ]
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, blocks as lines, scripts and styles gone."""
    if "<" not in markup and "&" not in markup:
        return normalise(markup)
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise(re.sub(r"<[^>]*>", " ", markup))
    return element_text(root)


def element_text(root: etree._Element) -> str:
    """The text of an (X)HTML element tree, blocks as lines."""
    parts: list[str] = []
    _walk(root, parts)
    return normalise("".join(parts))


def _walk(root: etree._Element, parts: list[str]) -> None:
    """Collect text in document order without recursion (content can nest thousands deep)."""
    # Each step is an element to open, or a string (a block's closing newline, a tail).
    stack: list[etree._Element | str] = [root]
    while stack:
        step = stack.pop()
        if isinstance(step, str):
            parts.append(step)
            continue
        element = step
        tag = element.tag if isinstance(element.tag, str) else ""
        name = etree.QName(tag).localname.lower() if tag else ""
        tail = element.tail if element is not root else None
        if name in ("script", "style", "head", "title"):
            if tail:
                parts.append(tail)
            continue
        block = name in _BLOCKS
        if block:
            parts.append("\n")
        if tag and element.text:
            parts.append(element.text)
        if tail:
            stack.append(tail)
        if block:
            stack.append("\n")
        stack.extend(reversed(list(element)))


def normalise(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines).strip()
    # One blank line between paragraphs; single line breaks inside one become spaces.
    paragraphs = [" ".join(p.split("\n")) for p in _BLANK_LINES.split(joined)]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
