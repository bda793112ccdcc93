"""Reading OPDS 1.2 catalogs (Atom) into Feed records, surviving the broken ones.

Elements are matched by local name, so a feed in a wrong or missing namespace is
still read (with a warning). Broken XML is recovered as far as libxml2 can, and an
entry that cannot be read is skipped with a warning naming it.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

from lxml import etree

from bookstore.i18n.messages import say
from bookstore.ingest.html.text import element_text, html_to_text, normalise
from bookstore.model import Price
from bookstore.store.errors import CatalogError
from bookstore.store.mapping.authors import split_authors
from bookstore.store.opds.model import (
    MAX_COUNT,
    MAX_NESTING,
    Entry,
    Feed,
    Group,
    Link,
    SeriesInfo,
    distinct_ids,
    read_date,
    read_price,
    sane_position,
)

ATOM = "http://www.w3.org/2005/Atom"
GROUP = "http://opds-spec.org/group"
_DATE_ELEMENTS = ("issued", "date", "published")  # best first
BOOKSTORE = "urn:x-bookstore:opds"
# calibre writes an entry's series into its content as "SERIES: Name [2]".
_CALIBRE_SERIES = re.compile(r"^SERIES:\s*(?P<name>.+?)\s*\[(?P<position>\d+(?:\.\d+)?)\]\s*$")
_CALIBRE_TAGS = re.compile(r"^TAGS:\s*(?P<tags>.+)$")
_CALIBRE_RATING = re.compile(r"^RATING:\s*[★☆½]*\s*$")


def parse_atom(body: bytes, url: str) -> Feed:
    warnings: list[str] = []
    root = _parse_xml(body, url, warnings)
    name = _local(root)
    if name == "html":
        raise CatalogError(say("{url} is a web page, not an OPDS catalog", url=url))
    if name not in ("feed", "entry"):
        raise CatalogError(
            say(
                "{url} is not an OPDS catalog: its document is <{name}>, not an Atom feed",
                url=url,
                name=name,
            )
        )
    namespace = etree.QName(root).namespace
    if namespace != ATOM:
        found = f"the namespace {namespace}" if namespace else "no namespace"
        warnings.append(f"the feed's elements are in {found} instead of Atom's; read them anyway")
    calibre = _made_by_calibre(root)
    if name == "entry":  # a single entry document
        entry = _entry_or_warning(root, 1, url, warnings, calibre)
        return Feed(
            url=url,
            title=entry.title if entry else "",
            entries=(entry,) if entry else (),
            warnings=tuple(warnings),
        )
    title, feed_id, subtitle = "", "", ""
    links: list[Link] = []
    entries: list[Entry] = []
    total = per_page = None
    for child in root:
        kind = _local(child)
        if kind == "entry":
            entry = _entry_or_warning(child, len(entries) + 1, url, warnings, calibre)
            if entry is not None:
                entries.append(entry)
        elif kind == "title":
            title = _text_construct(child)
        elif kind == "subtitle":
            subtitle = _text_construct(child)
        elif kind == "id":
            feed_id = _text(child)
        elif kind == "link":
            link = _link(child, warnings)
            if link is not None:
                links.append(link)
        elif kind == "totalResults":
            total = _int(_text(child))
        elif kind == "itemsPerPage":
            per_page = _int(_text(child))
    if not title:
        warnings.append("the feed has no title")
    entries = distinct_ids(entries, warnings)
    return Feed(
        url=url,
        title=title,
        id=feed_id,
        subtitle=subtitle,
        entries=tuple(entries),
        groups=_groups(entries),
        links=tuple(links),
        total_results=total,
        items_per_page=per_page,
        warnings=tuple(warnings),
    )


def _parse_xml(body: bytes, url: str, warnings: list[str]) -> etree._Element:
    if not body.strip():
        raise CatalogError(say("{url} is empty: the server sent no catalog", url=url))
    strict = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(body, strict, base_url=url)
    except etree.XMLSyntaxError as error:
        reason = f"{error.msg} (line {error.lineno})" if error.lineno else error.msg
    lenient = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(body, lenient, base_url=url)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise CatalogError(
            say("{url} is not a catalog: it is not XML ({reason})", url=url, reason=reason)
        )
    warnings.append(f"the feed is not well-formed XML: {reason}; read what could be recovered")
    return root


def _made_by_calibre(root: etree._Element) -> bool:
    """Whether the feed names calibre as its author, as calibre's content server does."""
    for child in root:
        if _local(child) == "author":
            name, uri = _child_text(child, "name").lower(), _child_text(child, "uri").lower()
            if name == "calibre" or "calibre-ebook.com" in uri:
                return True
    return False


def _groups(entries: list[Entry]) -> tuple[Group, ...]:
    """OPDS 1.2 groups: entries that link the same group page, under its title, in the
    order the page first names them."""
    groups: dict[tuple[str, str], tuple[Link, list[Entry]]] = {}
    for entry in entries:
        for link in entry.links_with(GROUP):
            groups.setdefault((link.href, link.title), (link, []))[1].append(entry)
            break
    return tuple(
        Group(title=link.title or link.href, entries=tuple(members), link=link)
        for link, members in groups.values()
    )


def _entry_or_warning(
    element: etree._Element, position: int, url: str, warnings: list[str], calibre: bool = False
) -> Entry | None:
    try:
        return _entry(element, position, url, warnings, calibre)
    except (ValueError, TypeError, AttributeError, ArithmeticError) as error:
        warnings.append(f"skipped entry {position}: it could not be read ({error})")
        return None
    except RecursionError:
        warnings.append(f"skipped entry {position}: its content is nested too deeply")
        return None


def _entry(
    element: etree._Element, position: int, url: str, warnings: list[str], calibre: bool
) -> Entry:
    fields: dict = {"authors": [], "topics": [], "identifiers": [], "links": []}
    summary = content = ""
    dates: dict[str, tuple[dt.date, bool]] = {}
    series: SeriesInfo | None = None
    for child in element:
        kind = _local(child)
        if kind == "title":
            fields["title"] = _text_construct(child)
        elif kind == "id":
            fields["id"] = _text(child)
        elif kind == "author":
            name = _child_text(child, "name") or _text(child)
            if name:
                fields["authors"].append(name)
        elif kind == "creator":
            if _text(child):
                fields["authors"].append(_text(child))
        elif kind == "summary":
            summary = _text_construct(child)
        elif kind == "content":
            content = _text_construct(child)
        elif kind == "description" and not summary:
            summary = _text_construct(child)
        elif kind == "language":
            fields["language"] = _text(child).lower()
        elif kind in _DATE_ELEMENTS:
            date, year_only = read_date(_text(child))
            if date and kind not in dates:
                dates[kind] = (date, year_only)
        elif kind == "updated":
            fields["updated"] = _datetime(_text(child))
        elif kind == "publisher":
            fields["publisher"] = _text(child)
        elif kind in ("category", "subject"):
            topic = child.get("label") or child.get("term") or _text(child)
            if topic:
                fields["topics"].append(topic.strip())
        elif kind == "identifier":
            if _text(child):
                fields["identifiers"].append(_text(child))
        elif kind == "link":
            link = _link(child, warnings)
            if link is not None:
                fields["links"].append(link)
        elif kind == "issue" and etree.QName(child).namespace == BOOKSTORE:
            series = _bookstore_series(child)
        elif kind == "Series" and series is None:
            series = _schema_series(child)
    # The book's own date (dcterms:issued, dc:date) before the entry's (atom:published,
    # which calibre fills with the day the book was added).
    kind = next((kind for kind in _DATE_ELEMENTS if kind in dates), None)
    if kind is not None:
        fields["published"], fields["year_only"] = dates[kind]
    text, calibre_series, calibre_tags = _calibre_lines(summary or content)
    fields["content"] = _calibre_lines(content)[0] if summary and content else ""
    series = series or calibre_series
    if not fields["topics"]:
        fields["topics"] = calibre_tags
    if not fields.get("title"):
        fields["title"] = "Untitled"
        warnings.append(f"entry {position} has no title; shown as “Untitled”")
    if not fields.get("id"):
        first = next((link.href for link in fields["links"]), None)
        fields["id"] = first or f"{url}#entry-{position}"
        warnings.append(
            f"entry {position} (“{fields['title']}”) has no id; its first link stands in"
        )
    return Entry(
        id=fields["id"],
        title=fields["title"],
        authors=tuple(dict.fromkeys(split_authors(fields["authors"], calibre))),
        summary=text,
        content=fields["content"],
        language=fields.get("language", ""),
        published=fields.get("published"),
        year_only=fields.get("year_only", False),
        updated=fields.get("updated"),
        publisher=fields.get("publisher", ""),
        topics=tuple(dict.fromkeys(fields["topics"])),
        series=series,
        identifiers=tuple(fields["identifiers"]),
        links=tuple(fields["links"]),
    )


def _link(element: etree._Element, warnings: list[str]) -> Link | None:
    href = (element.get("href") or "").strip()
    if not href:
        warnings.append("skipped a link without an address")
        return None
    base = element.base or ""
    price = None
    indirect: list[str] = []
    facet_group = element.get(f"{{{_OPDS}}}facetGroup") or _attribute(element, "facetGroup")
    active = (
        element.get(f"{{{_OPDS}}}activeFacet") or _attribute(element, "activeFacet")
    ) == "true"
    count = _int(element.get(f"{{{_THREAD}}}count") or _attribute(element, "count"))
    for child in element:
        kind = _local(child)
        if kind == "price" and price is None:
            price = _price(child, warnings)
        elif kind == "indirectAcquisition":
            indirect += _indirect_types(child)
    return Link(
        href=_absolute(base, href),
        rel=(element.get("rel") or "alternate").strip(),
        type=(element.get("type") or "").strip(),
        title=(element.get("title") or "").strip(),
        price=price,
        length=_int(element.get("length")),
        indirect_types=tuple(indirect),
        facet_group=facet_group or "",
        active_facet=active,
        count=count,
    )


_OPDS = "http://opds-spec.org/2010/catalog"
_THREAD = "http://purl.org/syndication/thread/1.0"


def _attribute(element: etree._Element, local_name: str) -> str | None:
    """An attribute by local name in any namespace (feeds get the namespace wrong)."""
    for key, value in element.attrib.items():
        if key == local_name or key.endswith("}" + local_name):
            return value
    return None


def _indirect_types(element: etree._Element) -> list[str]:
    """The types of nested indirect acquisitions, outermost first, at most MAX_NESTING
    levels deep (a hostile catalog nests thousands)."""
    found: list[str] = []
    stack = [(element, 0)]
    while stack and len(found) < 4 * MAX_NESTING:
        level, depth = stack.pop()
        found.append(level.get("type") or "")
        if depth + 1 < MAX_NESTING:
            children = [c for c in level if _local(c) == "indirectAcquisition"]
            stack.extend((child, depth + 1) for child in reversed(children))
    return [kind for kind in found if kind]


def _price(element: etree._Element, warnings: list[str]) -> Price | None:
    currency = element.get("currencycode") or element.get("currencyCode") or ""
    return read_price(_text(element), currency, warnings)


def _bookstore_series(element: etree._Element) -> SeriesInfo | None:
    slug = (element.get("series") or "").strip()
    name = (element.get("series-name") or "").strip() or slug
    if not name:
        return None
    number = _int(element.get("number"))
    return SeriesInfo(
        name=name,
        slug=slug,
        number=number,
        year=_int(element.get("year")),
        running_number=_int(element.get("running-number")),
        position=float(number) if number is not None else None,
    )


def _schema_series(element: etree._Element) -> SeriesInfo | None:
    """schema.org's Series as an element with attributes (what ``bookstore serve`` writes)."""
    name = (_attribute(element, "name") or _text(element)).strip()
    if not name:
        return None
    position = sane_position(_attribute(element, "position") or "")
    return SeriesInfo(
        name=name, position=position, slug=(_attribute(element, "identifier") or "").strip()
    )


def _calibre_lines(text: str) -> tuple[str, SeriesInfo | None, list[str]]:
    """Split calibre's "SERIES: x [n]" and "TAGS: a, b" lines from a summary."""
    series, tags, kept = None, [], []
    for line in text.split("\n"):
        if match := _CALIBRE_SERIES.match(line.strip()):
            series = SeriesInfo(match["name"], sane_position(match["position"]))
        elif match := _CALIBRE_TAGS.match(line.strip()):
            tags = [tag.strip() for tag in match["tags"].split(",") if tag.strip()]
        elif not _CALIBRE_RATING.match(line.strip()):
            kept.append(line)
    return normalise("\n".join(kept)), series, tags


def _text_construct(element: etree._Element) -> str:
    """An Atom text construct (type text, html or xhtml) as plain text."""
    kind = (element.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        return element_text(element)
    if kind in ("html", "text/html"):
        return html_to_text(element.text or "")
    if len(element):  # markup where text was declared: read its text anyway
        return element_text(element)
    return normalise(element.text or "")


def _text(element: etree._Element) -> str:
    return "".join(element.itertext()).strip()


def _child_text(element: etree._Element, name: str) -> str:
    for child in element:
        if _local(child) == name:
            return _text(child)
    return ""


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _absolute(base: str, href: str) -> str:
    joined = urljoin(base, href) if base else href
    return joined


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(str(text).strip()[:20])
    except ValueError:
        return None
    return value if abs(value) <= MAX_COUNT else None


def _datetime(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
