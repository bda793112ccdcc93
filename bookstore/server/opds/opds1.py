"""OPDS 1.2 catalog documents (Atom): navigation and acquisition feeds, entries.

Documents are written as text, as the EPUB pages are (``bookstore.export.xhtml``):
a feed of 30 entries is written about ten times faster than with an element tree,
and every piece of text passes through ``text()`` or ``attr()``. The tests check
every document against the OPDS 1.2 RELAX NG grammar. Links are absolute paths,
resolved against the feed's address.

An acquisition feed is its frame (head, paging, facets; ``acquisition_frame``)
around entries that do not depend on the feed (``entry_xml``), so an entry written
once can be put in any feed that shows the issue (``feed_pieces``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bookstore.export.xhtml import attr, text
from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.catalog.words import series_position
from bookstore.server.shop.offers import FORMAT_TITLES, AcquisitionsOf

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
THR = "http://purl.org/syndication/thread/1.0"
SCHEMA = "http://schema.org/"
# Readium's r2-opds-js (Thorium) knows schema.org without the slash: the series is
# said in that namespace too, so that both kinds of reader find it.
SCHEMA_NO_SLASH = "http://schema.org"
XHTML = "http://www.w3.org/1999/xhtml"
# Every document declares these on its root; entries and links use the prefixes.
_NAMESPACES = (
    f' xmlns="{ATOM}" xmlns:dc="{DC}" xmlns:opds="{OPDS}" xmlns:opensearch="{OPENSEARCH}"'
    f' xmlns:thr="{THR}" xmlns:schema="{SCHEMA}" xmlns:schemaorg="{SCHEMA_NO_SLASH}"'
)
_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"

TOPIC_SCHEME = "urn:bookstore:topic"
# A free issue's entry in a feed carries its text up to this many characters (nearly
# every brief whole); its entry document (the "alternate" link) carries all of it.
# A priced issue's entry carries its lead only: its text is what is sold.
FEED_CONTENT_LIMIT = 20_000
PRICED_NOTE = N_("The whole text comes with the bought issue (EPUB and PDF).")
CUT_NOTE = N_("[…] The whole text is in the full entry.")
FACET = "http://opds-spec.org/facet"
FEED_END = b"</feed>"


@dataclass(frozen=True)
class Link:
    rel: str
    href: str
    type: str
    title: str | None = None


@dataclass(frozen=True)
class NavigationItem:
    title: str
    href: str
    type: str
    summary: str
    id: str
    count: int | None = None


@dataclass(frozen=True)
class Facet:
    group: str
    title: str
    href: str
    count: int
    active: bool


@dataclass(frozen=True)
class FeedHead:
    id: str
    title: str
    self_href: str
    updated: dt.datetime
    kind: str  # urls.ATOM_NAVIGATION or urls.ATOM_ACQUISITION
    links: Sequence[Link] = ()
    subtitle: str | None = None


@dataclass(frozen=True)
class Paging:
    total: int
    page: int
    size: int
    href: object  # callable: page number -> URL

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.size))


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(link: Link, extra: str = "", children: str = "") -> str:
    """A ``<link>``; ``extra`` are further attributes (written, with their leading
    space), ``children`` its content."""
    title = "" if link.title is None else f' title="{attr(link.title)}"'
    start = (
        f'<link rel="{attr(link.rel)}" href="{attr(link.href)}" type="{attr(link.type)}"'
        f"{title}{extra}"
    )
    return f"{start}>{children}</link>" if children else f"{start}/>"


def _feed_start(head: FeedHead, words: Words) -> str:
    parts = [
        f"{_XML_DECLARATION}<feed{_NAMESPACES}><id>{text(head.id)}</id>",
        f"<title>{text(head.title)}</title>",
    ]
    if head.subtitle:
        parts.append(f"<subtitle>{text(head.subtitle)}</subtitle>")
    parts.append(f"<updated>{_time(head.updated)}</updated><author><name>Bookstore</name></author>")
    parts += (
        _link(link)
        for link in (
            Link("self", head.self_href, head.kind),
            Link("start", "/opds", urls.ATOM_NAVIGATION, words.text(N_("Catalog"))),
            Link("search", "/opds/opensearch.xml", urls.OPENSEARCH, words.text(N_("Search"))),
            Link(
                "http://opds-spec.org/shelf",
                "/opds/shelf",
                urls.ATOM_ACQUISITION,
                words.text(N_("My issues")),
            ),
            *head.links,
        )
    )
    return "".join(parts)


def navigation_feed(head: FeedHead, items: Iterable[NavigationItem], words: Words) -> bytes:
    updated = _time(head.updated)
    parts = [_feed_start(head, words)]
    for item in items:
        count = "" if item.count is None else f' thr:count="{item.count}"'
        parts.append(
            f"<entry><title>{text(item.title)}</title><id>{text(item.id)}</id>"
            f'<updated>{updated}</updated><content type="text">{text(item.summary)}</content>'
            f"{_link(Link('subsection', item.href, item.type), count)}</entry>"
        )
    parts.append("</feed>")
    return "".join(parts).encode()


def acquisition_frame(
    head: FeedHead, words: Words, *, paging: Paging | None = None, facets: Sequence[Facet] = ()
) -> bytes:
    """An acquisition feed up to its first entry; ``FEED_END`` closes it."""
    parts = [_feed_start(head, words)]
    if paging is not None:
        parts.append(_paging(paging, head.kind))
    for facet in facets:
        active = ' opds:activeFacet="true"' if facet.active else ""
        extra = f' opds:facetGroup="{attr(facet.group)}" thr:count="{facet.count}"{active}'
        parts.append(_link(Link(FACET, facet.href, head.kind, facet.title), extra))
    return "".join(parts).encode()


def acquisition_feed(
    head: FeedHead,
    issues: Sequence[Issue],
    acquisitions: AcquisitionsOf,
    words: Words,
    *,
    paging: Paging | None = None,
    facets: Sequence[Facet] = (),
) -> bytes:
    entries = (
        entry_xml(issue, acquisitions, words, content_limit=FEED_CONTENT_LIMIT).encode()
        for issue in issues
    )
    frame = acquisition_frame(head, words, paging=paging, facets=facets)
    return b"".join((frame, *entries, FEED_END))


def entry_document(issue: Issue, acquisitions: AcquisitionsOf, words: Words) -> bytes:
    return (_XML_DECLARATION + entry_xml(issue, acquisitions, words, standalone=True)).encode()


def _paging(paging: Paging, kind: str) -> str:
    href = paging.href
    links = [Link("first", href(1), kind), Link("last", href(paging.last), kind)]  # type: ignore[operator]
    if paging.page > 1:
        links.append(Link("previous", href(min(paging.page, paging.last + 1) - 1), kind))  # type: ignore[operator]
    if paging.page < paging.last:
        links.append(Link("next", href(paging.page + 1), kind))  # type: ignore[operator]
    return (
        f"<opensearch:totalResults>{paging.total}</opensearch:totalResults>"
        f"<opensearch:itemsPerPage>{paging.size}</opensearch:itemsPerPage>"
        f"<opensearch:startIndex>{(paging.page - 1) * paging.size + 1}</opensearch:startIndex>"
        + "".join(_link(link) for link in links)
    )


def entry_xml(
    issue: Issue,
    acquisitions: AcquisitionsOf,
    words: Words,
    *,
    content_limit: int | None = None,
    standalone: bool = False,
) -> str:
    """An issue's ``<entry>``: inside a feed (which declares the namespaces), or
    ``standalone`` as the root of an entry document. The issue's own words stay in its
    language; the catalog's (link titles, notes) are in the reader's (``words``)."""
    issue_id = issue.id or 0
    urn = urls.issue_urn(issue_id)
    issued = issue.date.isoformat()
    day = f"{issued}T00:00:00Z"
    series = issue.series
    series_name = attr(series.name_in(issue.language))
    position = series_position(issue)
    issn = f' schema:issn="{attr(series.issn)}"' if series.issn else ""
    parts = [
        f"<entry{_NAMESPACES if standalone else ''}><title>{text(issue.title)}</title>"
        f"<id>{urn}</id><updated>{day}</updated><published>{day}</published>",
        *(f"<author><name>{text(name)}</name></author>" for name in issue.authors),
        f"<dc:identifier>{urn}</dc:identifier><dc:language>{text(issue.language)}</dc:language>"
        f"<dc:issued>{issued}</dc:issued><dc:isPartOf>{series_name}</dc:isPartOf>"
        # NYPL's opds-feed-parser reads the name from an unprefixed attribute.
        f'<schema:Series schema:name="{series_name}" name="{series_name}"'
        f' schema:position="{position}" schema:identifier="{attr(series.slug)}"{issn}/>'
        f'<schemaorg:Series schemaorg:name="{series_name}" schemaorg:position="{position}"/>',
    ]
    for topic in issue.topics:
        term = attr(topic)
        parts.append(f'<category term="{term}" label="{term}" scheme="{TOPIC_SCHEME}"/>')
    parts.append(f'<summary type="text">{text(issue.lead)}</summary>')
    parts.append(_content(issue, content_limit, words))
    parts.append(_link(Link("http://opds-spec.org/image", urls.cover(issue_id), "image/png")))
    parts.append(
        _link(Link("http://opds-spec.org/image/thumbnail", urls.cover(issue_id, True), "image/png"))
    )
    parts.append(
        _link(
            Link("alternate", urls.entry(issue_id), urls.ATOM_ENTRY, words.text(N_("Full entry")))
        )
    )
    cited = words.text(N_("Citation"))
    for extension, media_type in urls.CITATION_TYPES.items():
        citation = Link("describedby", urls.citation(issue_id, extension), media_type, cited)
        parts.append(_link(citation))
    for acquisition in acquisitions(issue):
        link = Link(
            acquisition.rel,
            acquisition.href,
            acquisition.media_type,
            FORMAT_TITLES[acquisition.format],
        )
        extra = children = ""
        if acquisition.price is not None:
            amount = f"{acquisition.price.amount:.2f}"
            currency = attr(acquisition.price.currency)
            children = f'<opds:price currencycode="{currency}">{amount}</opds:price>'
            # Generic Atom readers (feedparser) keep a link's attributes but drop the
            # text of opds:price, so the price is also said in schema.org's words.
            extra = f' schema:price="{amount}" schema:priceCurrency="{currency}"'
        if acquisition.indirect:
            children += f'<opds:indirectAcquisition type="{attr(acquisition.file_type)}"/>'
        parts.append(_link(link, extra, children))
    parts.append("</entry>")
    return "".join(parts)


def _content(issue: Issue, limit: int | None, words: Words) -> str:
    """The issue's text as XHTML: label (the client reads it from the first
    paragraph), authors, lead, then a free issue's sections until ``limit`` characters."""
    parts = [f'<content type="xhtml"><div xmlns="{XHTML}"><p>{text(issue.label)}</p>']
    if issue.authors:
        parts.append(f"<p>{text(', '.join(issue.authors))}</p>")
    parts.append(f"<p>{text(issue.lead)}</p>")
    if not issue.is_free:
        parts.append(f"<p>{text(words.text(PRICED_NOTE))}</p></div></content>")
        return "".join(parts)
    used = 0
    for section in issue.sections:
        pieces = [("h3", section.heading)] if section.heading else []
        pieces += [("p", paragraph) for paragraph in section.paragraphs]
        for tag, value in pieces:
            used += len(value)
            if limit is not None and used > limit:
                parts.append(f"<p>{text(words.text(CUT_NOTE))}</p></div></content>")
                return "".join(parts)
            parts.append(f"<{tag}>{text(value)}</{tag}>")
    parts.append("</div></content>")
    return "".join(parts)
