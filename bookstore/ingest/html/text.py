"""Turning the HTML of a catalog's summaries into plain text, paragraphs kept."""

from __future__ import annotations

import re

from lxml import etree

from bookstore.ingest.html.parse import parse_fragment
from bookstore.ingest.html.walk import pieces

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "pre", "tr", "table", "section", "article", "dd", "dt"}
)  # fmt: skip
_SKIPPED = frozenset({"script", "style", "head", "title"})
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, blocks as lines, scripts and styles
    gone. Markup nested deeper than the parser reads, or none it can read, gives its
    text with the tags taken out."""
    if "<" not in markup and "&" not in markup:
        return normalise(markup)
    try:
        root = parse_fragment(markup)
    except ValueError:
        return normalise(_TAG.sub(" ", markup))
    return element_text(root)


def element_text(root: etree._Element) -> str:
    """The text of an (X)HTML element tree, blocks as lines."""
    walk = pieces(root, blocks=_BLOCKS, skipped=_SKIPPED)
    return normalise("".join(piece if isinstance(piece, str) else "\n" for piece in walk))


def normalise(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines).strip()
    # One blank line between paragraphs; single line breaks inside one become spaces.
    paragraphs = [" ".join(p.split("\n")) for p in _BLANK_LINES.split(joined)]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
