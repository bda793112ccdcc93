"""Turning a publisher's HTML page into lines of text plus what its markup says."""

from __future__ import annotations

import lxml.html
from lxml import etree

from bookstore.ingest.html_walk import text_lines
from bookstore.ingest.page_layout import Line, PageHints

# Elements that never hold the text.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "template")  # fmt: skip
# Class or id words of the site's chrome.
_CHROME_MARKERS = ("breadcrumb", "menu", "navbar", "social", "share", "cookie", "footer",
                   "font-size", "fontsize", "skip-link", "sidebar")  # fmt: skip
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
               "article", "main", "td", "th", "dt", "dd", "figcaption", "pre", "address", "time"}  # fmt: skip
_HEADING_TAGS = {"h2", "h3", "h4"}


def html_lines(text: str) -> tuple[list[Line], PageHints]:
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ValueError(f"is not readable HTML ({error})") from error
    hints = _hints(root)
    for element in root.xpath("//*[@class or @id]"):
        marker = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if any(word in marker for word in _CHROME_MARKERS) and element.getparent() is not None:
            element.drop_tree()
    for tag in _DROP_TAGS:
        for element in root.iter(tag):
            if element.getparent() is not None:
                element.drop_tree()
    for comment in root.iter(etree.Comment):
        if comment.getparent() is not None:
            comment.drop_tree()
    body = root.find("body")
    lines = text_lines(
        body if body is not None else root,
        blocks={*_BLOCK_TAGS, "br"},
        headings=_HEADING_TAGS,
        whole={"h1"},  # the page's title; it comes back through the hints too
    )
    return lines, hints


def _hints(root: lxml.html.HtmlElement) -> PageHints:
    def first(xpath: str) -> str | None:
        found = root.xpath(xpath)
        return " ".join(str(found[0]).split()) if found else None

    language = first("/html/@lang") or first("//meta[@http-equiv='content-language']/@content")
    title = first("//h1")
    if title is None:
        title = first("//h1//text()")
    h1 = root.xpath("//h1")
    if h1:
        title = " ".join(h1[0].text_content().split())
    return PageHints(
        title=title or None,
        language=language.split("-")[0].lower() if language else None,
        source_url=first("//link[@rel='canonical']/@href")
        or first("//meta[@property='og:url']/@content"),
        authors=[
            " ".join(a.split()) for a in root.xpath("//meta[@name='author']/@content") if a.strip()
        ],
        topics=[
            t.strip()
            for keywords in root.xpath("//meta[@name='keywords']/@content")
            for t in keywords.split(",")
            if t.strip()
        ],
    )
