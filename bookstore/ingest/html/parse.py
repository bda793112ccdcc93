"""Parsing HTML completely, or not at all.

libxml2 stops descending at 256 levels of nesting unless asked for its "huge" mode,
and its lenient HTML parser then drops everything deeper without an error: a page
would import with sections missing. We parse in huge mode (2,048 levels) and refuse a
page nested deeper still, rather than import part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import lxml.html
from lxml import etree

from bookstore.i18n.messages import say

MAX_DEPTH = 2048


class HtmlTooDeep(ValueError):
    """HTML nested deeper than the parser reads."""


def parse_html(markup: str | bytes, *, remove_comments: bool = False) -> lxml.html.HtmlElement:
    """The document's root element; ValueError (HtmlTooDeep included) with the reason."""
    return _parsed(lxml.html.document_fromstring, markup, remove_comments)


def parse_fragment(markup: str) -> lxml.html.HtmlElement:
    """An HTML fragment (a catalog's summary) inside a ``<div>`` of its own; ValueError
    (HtmlTooDeep included) with the reason."""
    return _parsed(partial(lxml.html.fragment_fromstring, create_parent="div"), markup, False)


def _parsed(
    read: Callable[..., lxml.html.HtmlElement], markup: str | bytes, remove_comments: bool
) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True, remove_comments=remove_comments)
    try:
        root = read(markup, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ValueError(say("is not readable HTML ({error})", error=error)) from error
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise HtmlTooDeep(
            say(
                "nests its elements more than {max_depth} levels deep, more than can be read",
                max_depth=MAX_DEPTH,
            )
        )
    return root
