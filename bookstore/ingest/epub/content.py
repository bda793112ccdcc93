"""The text of an EPUB's content documents: as headed blocks for any book, and as
whole issues for the pages our own exporter writes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import lxml.html

from bookstore.errors import reason_of
from bookstore.i18n.messages import say
from bookstore.ingest.html.parse import HtmlTooDeep, parse_html
from bookstore.ingest.html.safe_xml import UnsafeXml, local_name
from bookstore.ingest.html.walk import text_lines
from bookstore.ingest.lines import Line

_BLOCKS = {"p", "li", "blockquote", "dd", "dt", "pre", "figcaption", "td", "th", "address",
           "div", "section", "article", "aside", "h1", "h2", "h3", "h4", "h5", "h6"}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "nav", "head", "title", "svg", "math", "img", "figure"}
# Pages that are not part of the text (epub:type in the body or a top section).
_FRONT_TYPES = {"cover", "titlepage", "toc", "landmarks", "copyright-page", "halftitlepage"}
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def parse_xhtml(data: bytes) -> lxml.html.HtmlElement:
    """A content document, read leniently (EPUB 2 books use HTML entities such as
    ``&nbsp;`` that a strict XML parser rejects), but never with entity declarations."""
    if b"<!ENTITY" in data or b"<!entity" in data:
        raise UnsafeXml(
            say("declares XML entities (refused: they can read files or explode in size)")
        )
    try:
        return parse_html(data, remove_comments=True)
    except HtmlTooDeep as error:
        raise UnsafeXml(reason_of(error)) from None
    except ValueError as error:
        raise UnsafeXml(
            say("is not readable XHTML ({reason})", reason=error.__cause__ or error)
        ) from None


def is_front_matter(root: lxml.html.HtmlElement) -> bool:
    body = root.find("body")
    if body is None:
        return True
    for element in [body, *body[:2]]:
        kinds = set((element.get("epub:type") or element.get(_EPUB_TYPE) or "").split())
        if kinds & _FRONT_TYPES or element.get("id", "") in ("cover", "title_page"):
            return True
    return False


def blocks(root: lxml.html.HtmlElement) -> list[Line]:
    """The document's text as paragraphs and headings, in reading order."""
    body = root.find("body")
    if body is None:
        return []
    return text_lines(body, blocks=_BLOCKS, headings=_HEADINGS, skipped=_SKIPPED)


@dataclass(frozen=True)
class OwnPage:
    """An issue page as our exporter writes it (see ``export/epub/content.py``)."""

    record: dict | None  # the catalog record in data-bookstore, when present
    label: str
    title: str
    date: dt.date | None
    language: str | None
    authors: tuple[str, ...]
    lead: str
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]
    topics: tuple[str, ...]
    source_url: str | None


def own_page(root: lxml.html.HtmlElement) -> OwnPage | None:
    """The issue on one of our pages, or None when the page is not one of ours."""
    articles = root.xpath("//article[header/p[@class='series-label']]")
    if not articles:
        return None
    article = articles[0]
    header = article.find("header")
    record = None
    if article.get("data-bookstore"):
        try:
            record = json.loads(article.get("data-bookstore", ""))
        except ValueError:
            record = None
    moment = header.xpath(".//time/@datetime")
    try:
        date = dt.date.fromisoformat(str(moment[0])) if moment else None
    except ValueError:
        date = None
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return OwnPage(
        record=record,
        label=_text(header.xpath("p[@class='series-label']")),
        title=_text(header.xpath("h1")),
        date=date,
        language=language,
        authors=_listed(header.xpath("p[@class='authors']"), "author"),
        lead="\n\n".join(_text([p]) for p in article.xpath("div[@class='lead']/p")),
        sections=_sections(article),
        topics=_listed(article.xpath("footer/p[@class='topics']"), "topic", labelled=True),
        source_url=_source(article.xpath("footer/p[@class='source']")),
    )


def _text(elements: list) -> str:
    return " ".join(elements[0].text_content().split()) if elements else ""


def _listed(elements: list, kind: str, labelled: bool = False) -> tuple[str, ...]:
    if not elements:
        return ()
    spans = elements[0].xpath(f"span[@class='{kind}']")
    if spans:
        return tuple(" ".join(s.text_content().split()) for s in spans)
    text = _text(elements)
    if labelled:
        text = text.partition(":")[2]
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _source(elements: list) -> str | None:
    if not elements:
        return None
    links = elements[0].xpath("a/@href")
    return str(links[0]) if links else _text(elements).partition(":")[2].strip() or None


def _sections(article: lxml.html.HtmlElement) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    sections: list[tuple[str | None, tuple[str, ...]]] = []
    loose: list[str] = []
    for child in article:
        tag = local_name(child)
        if tag == "p":
            loose.append(_text([child]))
            continue
        if loose:
            sections.append((None, tuple(loose)))
            loose = []
        if tag == "section":
            heading = _text(child.xpath("h2"))
            paragraphs = tuple(_text([p]) for p in child.xpath("p"))
            sections.append((heading or None, paragraphs))
    if loose:
        sections.append((None, tuple(loose)))
    return tuple(sections)
