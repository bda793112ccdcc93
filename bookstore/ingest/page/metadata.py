"""What an HTML page says about itself, read by meaning before its text is guessed at:
schema.org JSON-LD and microdata, OpenGraph and ``article:*``, Highwire ``citation_*``
and Dublin Core ``DC.*``; then ``markup`` reads ``<time datetime>`` and class
names. The first source that gives a field wins, in that order."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

from bookstore.ingest.page.layout import PageHints
from bookstore.ingest.words.dates import parse_date

_ARTICLE_TYPES = {"article", "scholarlyarticle", "report", "newsarticle", "blogposting",
                  "creativework", "publicationissue", "analysisnewsarticle"}  # fmt: skip
MAX_JSON_LD = 1024 * 1024


def page_meta(root: lxml.html.HtmlElement) -> PageHints:
    hints = PageHints()
    for node in _json_ld(root):
        _from_schema(hints, node)
    _from_microdata(hints, root)
    _from_meta_tags(hints, root)
    return hints


def _json_ld(root: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        text = script.text or ""
        if len(text) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack[:0] = node
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack[:0] = list(node["@graph"]) if isinstance(node["@graph"], list) else []
                types = node.get("@type", "")
                types = types if isinstance(types, list) else [types]
                if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                    yield node


def _names(value: Any) -> list[str]:
    """Names from a schema.org value: text, a Person/Organization, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name", "")
    text = " ".join(str(value or "").split())
    return [text] if text else []


def _keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for item in value for k in _keywords(item)]
    return [part.strip() for part in re.split(r"[,;]", str(value or "")) if part.strip()]


def _from_schema(hints: PageHints, node: dict[str, Any]) -> None:
    set_hint(hints, "title", _first(_names(node.get("headline") or node.get("name"))))
    set_date(hints, node.get("datePublished") or node.get("dateCreated"))
    if not hints.authors:
        hints.authors = _names(node.get("author") or node.get("creator"))
    language = node.get("inLanguage")
    set_hint(
        hints, "language", language.get("alternateName") if isinstance(language, dict) else language
    )
    part_of = node.get("isPartOf")
    while isinstance(part_of, dict):
        if part_of.get("issueNumber") and not hints.number:
            hints.number = str(part_of["issueNumber"])
        if part_of.get("name"):
            set_hint(hints, "series", part_of["name"])
            break
        part_of = part_of.get("isPartOf")
    if isinstance(part_of, str):
        set_hint(hints, "series", part_of)
    if node.get("issueNumber"):
        set_hint(hints, "number", str(node["issueNumber"]))
    if not hints.topics:
        hints.topics = _keywords(node.get("keywords"))
    set_hint(hints, "source_url", node.get("url") if isinstance(node.get("url"), str) else None)


def _from_microdata(hints: PageHints, root: lxml.html.HtmlElement) -> None:
    def values(prop: str) -> list[str]:
        found = []
        for element in root.xpath(f"//*[@itemprop='{prop}']"):
            names = element.xpath(".//*[@itemprop='name']")
            target = names[0] if names else element
            value = target.get("content") or target.get("datetime") or target.text_content()
            if value and value.strip():
                found.append(" ".join(value.split()))
        return found

    set_hint(hints, "title", _first(values("headline")))
    for value in values("datePublished"):
        set_date(hints, value)
    if not hints.authors:
        hints.authors = values("author")
    set_hint(hints, "language", _first(values("inLanguage")))
    set_hint(hints, "series", _first(values("isPartOf")))
    set_hint(hints, "number", _first(values("issueNumber")))


def _from_meta_tags(hints: PageHints, root: lxml.html.HtmlElement) -> None:
    meta: dict[str, list[str]] = {}
    for element in root.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key:
            meta.setdefault(key, []).append(" ".join(element.get("content", "").split()))

    def first(*keys: str) -> str | None:
        return next((meta[k][0] for k in keys if meta.get(k) and meta[k][0]), None)

    set_hint(hints, "title", first("citation_title", "dc.title", "og:title"))
    set_date(
        hints,
        first("citation_publication_date", "citation_date", "article:published_time",
              "dc.date.issued", "dc.date", "dcterms.issued", "date"),
    )  # fmt: skip
    if not hints.authors:
        for key in ("citation_author", "dc.creator", "article:author", "author"):
            if meta.get(key):
                hints.authors = [a for a in meta[key] if a and not a.startswith("http")]
                break
    set_hint(hints, "language", first("citation_language", "dc.language", "og:locale"))
    set_hint(hints, "series", first("citation_series_title", "citation_journal_title",
                                "dc.relation.ispartof", "dc.source", "article:section"))  # fmt: skip
    set_hint(hints, "number", first("citation_issue"))
    if not hints.topics:
        for key in ("citation_keywords", "article:tag", "dc.subject"):
            if meta.get(key):
                hints.topics = [t for value in meta[key] for t in _keywords(value)]
                break


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def set_hint(hints: PageHints, name: str, value: Any) -> None:
    if getattr(hints, name) is None and isinstance(value, str) and value.strip():
        setattr(hints, name, " ".join(value.split()))


def set_date(hints: PageHints, value: Any) -> None:
    if hints.date is None and isinstance(value, str) and (parsed := parse_date(value)):
        hints.date = parsed[0]
