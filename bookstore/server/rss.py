"""RSS 2.0 feeds of new issues: one for every series together, one per series.

Store clients subscribe to them (issue 12). Links are absolute, as RSS wants. A
free issue's item carries its EPUB as the enclosure, with the file's real length in
bytes (RSS 2.0: "length says how big it is in bytes"), so the feed's maker makes the
files it points to, as a subscriber's reader will fetch them anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.utils import format_datetime

from lxml import etree

from bookstore.export.xhtml import xml_safe
from bookstore.i18n.messages import say
from bookstore.i18n.words import Words
from bookstore.model import Issue
from bookstore.server import urls

DC = "http://purl.org/dc/elements/1.1/"
ATOM = "http://www.w3.org/2005/Atom"
ITEMS = 50


def channel(
    base_url: str,
    title: str,
    self_path: str,
    issues: list[Issue],
    built: dt.datetime,
    epub_length: Callable[[Issue], int],
    words: Words,
) -> bytes:
    """The channel of ``issues``; ``epub_length`` gives a free issue's EPUB size. The
    channel's words are in the reader's language (``words``), the issues' in their own."""
    base = base_url.rstrip("/")
    rss = etree.Element("rss", version="2.0", nsmap={"dc": DC, "atom": ATOM})
    head = etree.SubElement(rss, "channel")

    def add(parent: etree._Element, tag: str, text: str | None = None, **attributes: str):
        element = etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attributes.items()})
        if text is not None:
            element.text = xml_safe(text)
        return element

    add(head, "title", title)
    add(head, "link", f"{base}/opds")
    add(head, "description", words.say(say("New issues: {title}", title=title)))
    add(head, "language", words.language)
    add(head, "lastBuildDate", format_datetime(built))
    add(head, "generator", "Bookstore")
    add(head, f"{{{ATOM}}}link", rel="self", href=f"{base}{self_path}", type=urls.RSS)
    for issue in issues[:ITEMS]:
        issue_id = issue.id or 0
        item = add(head, "item")
        add(item, "title", f"{issue.label}: {issue.title}")
        add(item, "link", f"{base}{urls.entry(issue_id)}")
        add(item, "guid", urls.issue_urn(issue_id), isPermaLink="false")
        add(item, "description", issue.lead)
        moment = dt.datetime.combine(issue.date, dt.time(), dt.UTC)
        add(item, "pubDate", format_datetime(moment))
        for author in issue.authors:
            add(item, f"{{{DC}}}creator", author)
        add(item, f"{{{DC}}}language", issue.language)
        add(item, "category", issue.series.name_in(issue.language), domain="urn:bookstore:series")
        for topic in issue.topics:
            add(item, "category", topic)
        if issue.is_free:
            add(
                item,
                "enclosure",
                url=f"{base}{urls.file(issue_id, 'epub')}",
                type=urls.FORMATS["epub"],
                length=str(epub_length(issue)),
            )
    return etree.tostring(rss, xml_declaration=True, encoding="utf-8")
