"""Parsing XML from files people bring, without the XML features that attack the reader.

Entity declarations (external entities, "billion laughs" expansion) are refused
outright rather than tolerated: no EPUB needs them. DTDs are never loaded and
nothing is fetched from the network.
"""

from __future__ import annotations

import re

from lxml import etree

from bookstore.i18n.messages import say

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# Predefined XML entities plus the HTML ones that XHTML 1.1 EPUBs (EPUB 2) use.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


class UnsafeXml(ValueError):
    """XML that is malformed or uses features refused for safety; the message says which."""


def parse_xml(data: bytes) -> etree._Element:
    """The root element of ``data``; raises UnsafeXml with the reason."""
    if _ENTITY_DECLARATION.search(data):
        raise UnsafeXml(
            say("declares XML entities (refused: they can read files or explode in size)")
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnsafeXml(say("is not well-formed XML ({reason})", reason=error.msg)) from None
    if root is None:
        raise UnsafeXml(say("is empty"))
    return root


def local_name(element: etree._Element) -> str:
    """The tag without its namespace ("{http://…}p" → "p"); "" for comments and the like."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
