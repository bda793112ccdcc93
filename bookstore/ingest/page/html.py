"""Turning a publisher's HTML page into lines of text plus what its markup says."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from bookstore.ingest.html.classes import field_of, is_chrome
from bookstore.ingest.html.parse import parse_html
from bookstore.ingest.html.walk import text_lines
from bookstore.ingest.lines import Line
from bookstore.ingest.page.layout import PageHints
from bookstore.ingest.page.markup import read_classes
from bookstore.ingest.page.metadata import page_meta

# Elements that never hold the text.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "template")  # fmt: skip
# Class or id words of the site's chrome.
_CHROME_MARKERS = ("breadcrumb", "menu", "navbar", "social", "share", "cookie", "footer",
                   "font-size", "fontsize", "skip-link", "sidebar")  # fmt: skip
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
               "article", "main", "td", "th", "dt", "dd", "figcaption", "pre", "address", "time"}  # fmt: skip
_HEADING_TAGS = {"h2", "h3", "h4"}
_INLINE_TAGS = {"span", "a", "em", "strong", "small", "b", "i", "abbr", "cite", "data"}
_LINE_FIELDS = ("date", "author", "series", "number")


def html_lines(text: str) -> tuple[list[Line], PageHints]:
    root = parse_html(text)
    hints = _hints(root)
    _fields_on_lines_of_their_own(root)
    for element in root.xpath("//*[@class or @id]"):
        marker = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if (
            (any(word in marker for word in _CHROME_MARKERS) or is_chrome(element))
            and element.getparent() is not None
            and not _holds_the_text(element)
        ):
            element.drop_tree()
    for tag in _DROP_TAGS:
        for element in root.iter(tag):
            inside_text = tag in ("header", "footer") and element.xpath("ancestor::article")
            if element.getparent() is not None and not inside_text:
                element.drop_tree()
    for comment in root.iter(etree.Comment):
        if comment.getparent() is not None:
            comment.drop_tree()
    read_classes(root, hints)
    body = root.find("body")
    lines = text_lines(
        body if body is not None else root,
        blocks={*_BLOCK_TAGS, "br"},
        headings=_HEADING_TAGS,
        whole={"h1"},  # the page's title; it comes back through the hints too
    )
    return lines, hints


def _hints(root: lxml.html.HtmlElement) -> PageHints:
    """The page's metadata (see ``metadata``), its h1 as the title, its language,
    canonical address and keywords."""
    hints = page_meta(root)

    def first(xpath: str) -> str | None:
        found = root.xpath(xpath)
        return " ".join(str(found[0]).split()) if found else None

    h1 = root.xpath("//h1")
    if h1 and h1[0].text_content().strip():
        hints.title = " ".join(h1[0].text_content().split())
    language = (
        first("/html/@lang")
        or first("//meta[@http-equiv='content-language']/@content")
        or hints.language
    )
    hints.language = re.split(r"[-_]", language)[0].lower() if language else None
    hints.source_url = (
        first("//link[@rel='canonical']/@href")
        or first("//meta[@property='og:url']/@content")
        or hints.source_url
    )
    keywords = [
        t.strip()
        for value in root.xpath("//meta[@name='keywords']/@content")
        for t in value.split(",")
        if t.strip()
    ]
    hints.topics = keywords or hints.topics
    return hints


def _fields_on_lines_of_their_own(root: lxml.html.HtmlElement) -> None:
    """Inline elements that hold one header field (class "date", "post-author", …)
    end a line, as if they were blocks."""
    for element in root.xpath("//*[@class]"):
        if element.tag in _INLINE_TAGS and field_of(element) in _LINE_FIELDS:
            element.tag = "div"


def _holds_the_text(element: lxml.html.HtmlElement) -> bool:
    """Whether the element holds the issue (a body classed "has-sidebar" does)."""
    return element.tag in ("html", "body", "main", "article") or bool(element.xpath(".//h1"))
