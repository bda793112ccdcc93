"""What a subscribed feed announces, whatever it is: RSS or Atom (feedparser), or an
OPDS acquisition feed (read with the catalog client, so series, numbers and prices
come through as they do when browsing the store).

An OPDS navigation feed announces no issues (its entries lead to other catalog
pages): subscribing to it is refused with a sentence naming feeds that would work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import feedparser

from bookstore.i18n.messages import Message, say
from bookstore.ingest.html.text import html_to_text
from bookstore.store.errors import CatalogError, StoreError
from bookstore.store.feeds.items import newest_items
from bookstore.store.opds.catalog import parse_document
from bookstore.store.opds.model import ACQUISITION, Entry, Feed, Link

ACCEPT = (
    "application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, "
    "text/xml;q=0.7, application/opds+json;q=0.6, */*;q=0.1"
)
_OPDS_MARKS = (b"http://opds-spec.org/", b"profile=opds-catalog")
MAX_FEED_ITEMS = 2000  # items of an RSS or Atom feed read at one refresh, from the top


@dataclass(frozen=True)
class Announcement:
    """One item of a feed: the catalog's own entry (OPDS), or the RSS/Atom item."""

    guid: str
    title: str
    link: str | None
    published: str | None
    entry: Entry | None = None
    item: dict | None = None


@dataclass(frozen=True)
class FeedDocument:
    title: str
    language: str
    announcements: list[Announcement]
    notes: list[str] = field(default_factory=list)
    is_catalog: bool = False  # an OPDS acquisition feed


def read_feed_document(body: bytes, content_type: str, url: str) -> FeedDocument:
    """The announcements of the feed at ``url``; StoreError when it is none we can follow."""
    if _looks_like_opds(body, content_type):
        document = _catalog_document(body, content_type, url)
        if document is not None:
            return document
    return _syndication_document(body, content_type, url)


def _looks_like_opds(body: bytes, content_type: str) -> bool:
    kind = content_type.lower()
    if "profile=opds-catalog" in kind or "opds+json" in kind:
        return True
    if kind.split(";")[0].strip() == "application/json" or body.lstrip()[:1] == b"{":
        return True
    head = body[:65536]
    return b"<feed" in head and any(mark in head for mark in _OPDS_MARKS)


def _catalog_document(body: bytes, content_type: str, url: str) -> FeedDocument | None:
    """An OPDS acquisition feed's entries; None when the document turns out to hold
    neither publications nor catalog pages (a plain Atom feed: feedparser reads it)."""
    try:
        feed = parse_document(body, content_type, url)
    except CatalogError:
        if body.lstrip()[:1] == b"{":
            raise
        return None
    publications = feed.publications
    if not publications and feed.navigation_entries:
        raise StoreError(_navigation_refusal(feed, url))
    if not publications and feed.all_entries:
        return None
    return FeedDocument(
        title=feed.title.strip() or "",
        language="",
        announcements=[
            Announcement(
                guid=entry.id,
                title=entry.title,
                link=entry.page_url or _entry_link(entry),
                published=entry.published.isoformat() if entry.published else None,
                entry=entry,
            )
            for entry in publications
        ],
        notes=[f"the catalog page: {warning}" for warning in feed.warnings],
        is_catalog=True,
    )


def _entry_link(entry: Entry) -> str | None:
    for link in entry.links:
        if "type=entry" in link.type.replace(" ", "") or link.rel in ("self", "alternate"):
            return link.href
    return None


def _navigation_refusal(feed: Feed, url: str) -> Message:
    """Why a navigation catalog cannot be followed, and what could be instead."""
    offers: list[Message] = []
    for link in feed.links:
        if link.rel == "alternate" and ("rss" in link.type or "atom" in link.type):
            if link.title:
                offers.append(say("the {title} feed {href}", title=link.title, href=link.href))
            else:
                offers.append(say("the news feed {href}", href=link.href))
    for entry in feed.navigation_entries:
        target = entry.navigation
        if target is not None and "kind=acquisition" in target.type.replace(" ", ""):
            offers.append(say("“{title}” {href}", title=entry.title, href=target.href))
    if offers:
        hint = say("; subscribe to {offers} instead", offers=_either(offers[:3]))
    else:
        hint = say("; subscribe to one of its pages that list issues instead")
    return say(
        "Not a feed of issues: {url} is an OPDS navigation catalog, whose "
        "{entries} entries lead to other catalog pages{hint}",
        url=url,
        entries=len(feed.navigation_entries),
        hint=hint,
    )


def _either(offers: list[Message]) -> Message:
    """``a or b or c``, each joined in the reader's language."""
    joined = offers[0]
    for offer in offers[1:]:
        joined = say("{first} or {second}", first=joined, second=offer)
    return joined


def _syndication_document(body: bytes, content_type: str, url: str) -> FeedDocument:
    notes = []
    kept = newest_items(body, MAX_FEED_ITEMS)
    if kept is not None:
        body, count = kept
        content_type = content_type.split(";")[0]  # the kept part is UTF-8 now
        notes.append(
            f"the feed lists {count:,} items; only its first {MAX_FEED_ITEMS:,} (the newest) "
            "were read"
        )
    parsed = feedparser.parse(
        body,
        response_headers={
            "content-type": content_type or "application/xml",
            "content-location": url,
        },
    )
    if not parsed.entries and not parsed.feed.get("title"):
        reason = parsed.get("bozo_exception")
        detail = f" ({short_reason(reason)})" if reason else ""
        raise StoreError(say("{url} is not an RSS or Atom feed{detail}", url=url, detail=detail))
    if parsed.get("bozo") and parsed.get("bozo_exception"):
        notes.append(
            f"the feed is not quite well-formed ({short_reason(parsed.bozo_exception)}); "
            "read what could be read"
        )
    return FeedDocument(
        title=(parsed.feed.get("title") or "").strip(),
        language=parsed.feed.get("language", "") or "",
        announcements=[
            Announcement(
                guid=(guid := _guid(item)),
                title=(item.get("title") or "").strip() or guid,
                link=item.get("link") or None,
                published=_published(item),
                item=item,
            )
            for item in parsed.entries
        ],
        notes=notes,
    )


def item_to_entry(item: dict, guid: str, language: str) -> Entry:
    """An RSS/Atom item in the catalog's terms: a plain feed names no prices, so its
    enclosures are taken as free downloads."""
    links = []
    for enclosure in item.get("enclosures", []):
        href = enclosure.get("href")
        if href:
            length = str(enclosure.get("length", "")).strip()
            links.append(
                Link(
                    href=href,
                    rel=ACQUISITION,
                    type=enclosure.get("type", ""),
                    length=int(length) if length.isdigit() else None,
                )
            )
    if page := item.get("link"):
        links.append(Link(href=page, rel="alternate", type="text/html"))
    authors = tuple(a.get("name", "").strip() for a in item.get("authors", []) if a.get("name"))
    summary = item.get("summary", "") or ""
    return Entry(
        id=guid,
        title=(item.get("title") or "").strip() or "Untitled",
        authors=authors,
        summary=html_to_text(summary),
        language=item.get("language", "") or language,
        published=_published_date(item),
        topics=tuple(
            t.get("label") or t.get("term")
            for t in item.get("tags", [])
            if t.get("label") or t.get("term")
        ),
        links=tuple(links),
    )


def _guid(item: dict) -> str:
    for key in ("id", "guid", "link"):
        if item.get(key):
            return str(item[key]).strip()
    text = f"{item.get('title', '')}|{item.get('summary', '')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _published_date(item: dict) -> dt.date | None:
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def _published(item: dict) -> str | None:
    date = _published_date(item)
    return date.isoformat() if date else None


def short_reason(error: object) -> str:
    text = str(getattr(error, "getMessage", lambda: error)()) if error else ""
    return " ".join(text.split())[:160]
