"""Reading OPDS 2.0 catalogs (JSON) into Feed records, skipping what cannot be read."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin

from bookstore.i18n.messages import say
from bookstore.ingest.html.text import html_to_text
from bookstore.model import Price
from bookstore.store.errors import CatalogError
from bookstore.store.mapping.authors import split_authors
from bookstore.store.opds.model import (
    FACET,
    IMAGE,
    MAX_COUNT,
    MAX_NESTING,
    THUMBNAIL,
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

OPDS_JSON = "application/opds+json"


def parse_json(body: bytes, url: str) -> Feed:
    if not body.strip():
        raise CatalogError(say("{url} is empty: the server sent no catalog", url=url))
    try:
        # NaN and Infinity stay words (no price is made of them); depth is Python's limit.
        data = json.loads(body, parse_constant=str)
    except (ValueError, UnicodeDecodeError) as error:
        raise CatalogError(
            say("{url} is not a catalog: its JSON cannot be read ({error})", url=url, error=error)
        ) from None
    except RecursionError:
        raise CatalogError(
            say("{url} is not a catalog: its JSON is nested too deeply", url=url)
        ) from None
    if not isinstance(data, dict):
        raise CatalogError(say("{url} is not an OPDS 2 catalog: it is not a JSON object", url=url))
    warnings: list[str] = []
    metadata = _object(data.get("metadata"))
    if not any(key in data for key in ("publications", "navigation", "groups")) and (
        _looks_like_publication(data)
    ):  # a single publication document
        entry = _publication(data, url, 1, warnings)
        return Feed(
            url=url,
            title=entry.title if entry else "",
            entries=(entry,) if entry else (),
            warnings=tuple(warnings),
        )
    links = _links(data.get("links"), url, warnings)
    links += _facets(data.get("facets"), url, warnings)
    entries = _navigation(data.get("navigation"), url, warnings)
    entries += _publications(data.get("publications"), url, warnings)
    groups = [_group(_object(group), url, warnings) for group in _list(data.get("groups"))]
    # Ids made distinct over the page and its groups at once, so that each names one entry.
    named = iter(distinct_ids([*entries, *(e for g in groups for e in g.entries)], warnings))
    entries = [next(named) for _ in entries]
    groups = [replace(g, entries=tuple(next(named) for _ in g.entries)) for g in groups]
    title = _string(metadata.get("title"))
    if not title:
        warnings.append("the feed has no title")
    return Feed(
        url=url,
        title=title,
        id=_string(metadata.get("identifier")),
        subtitle=_string(metadata.get("subtitle")),
        entries=tuple(entries),
        links=tuple(links),
        groups=tuple(groups),
        total_results=_int(metadata.get("numberOfItems")),
        items_per_page=_int(metadata.get("itemsPerPage")),
        warnings=tuple(warnings),
    )


def _group(group: dict, base: str, warnings: list[str]) -> Group:
    members = _navigation(group.get("navigation"), base, warnings)
    members += _publications(group.get("publications"), base, warnings)
    more = next(
        (
            replace(link, type=link.type or OPDS_JSON)
            for link in _links(group.get("links"), base, warnings)
            if link.rel == "self"
        ),
        None,
    )
    title = _string(_object(group.get("metadata")).get("title"))
    return Group(title=title, entries=tuple(members), link=more)


def _looks_like_publication(data: dict) -> bool:
    return any("acquisition" in " ".join(_rels(link)) for link in _list(data.get("links")))


def _navigation(items: Any, base: str, warnings: list[str]) -> list[Entry]:
    entries = []
    for link in _links(items, base, warnings):
        rel = link.rel if link.rel not in ("", "alternate") else "subsection"
        entries.append(
            Entry(id=link.href, title=link.title or link.href, links=(_replace_rel(link, rel),))
        )
    return entries


def _replace_rel(link: Link, rel: str) -> Link:
    kind = link.type or OPDS_JSON
    return replace(link, rel=rel, type=kind)


def _publications(items: Any, base: str, warnings: list[str]) -> list[Entry]:
    found = []
    for position, item in enumerate(_list(items), start=1):
        try:
            entry = _publication(item, base, position, warnings)
        except (ValueError, TypeError, ArithmeticError) as error:
            warnings.append(f"skipped publication {position}: it could not be read ({error})")
            continue
        if entry is not None:
            found.append(entry)
    return found


def _publication(item: Any, base: str, position: int, warnings: list[str]) -> Entry | None:
    if not isinstance(item, dict):
        warnings.append(f"skipped publication {position}: it is not a JSON object")
        return None
    metadata = _object(item.get("metadata"))
    title = _string(metadata.get("title"))
    links = _links(item.get("links"), base, warnings)
    links += _images(item.get("images"), base, warnings)
    if not title:
        title = "Untitled"
        warnings.append(f"publication {position} has no title; shown as “Untitled”")
    identifier = _string(metadata.get("identifier"))
    if not identifier:
        identifier = next((link.href for link in links if link.rel == "self"), "") or (
            links[0].href if links else f"{base}#publication-{position}"
        )
        warnings.append(f"publication {position} (“{title}”) has no identifier; a link stands in")
    description = _string(metadata.get("description"))
    published, year_only = _date(metadata.get("published"))
    return Entry(
        id=identifier,
        title=title,
        authors=tuple(dict.fromkeys(split_authors(_names(metadata.get("author"))))),
        summary=html_to_text(description) if description else "",
        language=next(iter(_strings(metadata.get("language"))), "").lower(),
        published=published,
        year_only=year_only,
        updated=_datetime(metadata.get("modified")),
        publisher=", ".join(_names(metadata.get("publisher"))),
        topics=tuple(_names(metadata.get("subject"))),
        series=_series(_object(metadata.get("belongsTo")).get("series")),
        links=tuple(links),
    )


def _images(items: Any, base: str, warnings: list[str]) -> list[Link]:
    """A publication's images as cover and thumbnails: by the sizes the catalog gives
    (the largest is the cover, the smallest the thumbnail), else by their order. An
    image with a rel of its own keeps it."""
    found = [
        (link, _area(item)) for item in _list(items) for link in _links([item], base, warnings)
    ]
    given = [link for link, _ in found if link.rel]
    unnamed = [(link, area) for link, area in found if not link.rel]
    if any(area is not None for _, area in unnamed):
        # Sized ones by size, largest first; unsized ones after them in their order.
        unnamed.sort(key=lambda pair: -(pair[1] or 0))
        if len(unnamed) > 1:  # the smallest is the thumbnail; the others follow it
            smallest = min(
                range(len(unnamed)),
                key=lambda i: unnamed[i][1] if unnamed[i][1] is not None else MAX_COUNT,
            )
            unnamed.insert(1, unnamed.pop(smallest))
    named = [
        replace(link, rel=IMAGE if index == 0 else THUMBNAIL)
        for index, (link, _) in enumerate(unnamed)
    ]
    return given + named


def _area(item: Any) -> int | None:
    if not isinstance(item, dict):
        return None
    width, height = _int(item.get("width")), _int(item.get("height"))
    return width * height if width and height and width > 0 and height > 0 else None


def _series(value: Any) -> SeriesInfo | None:
    first = (_list(value) or [None])[0]
    if isinstance(first, str):
        return SeriesInfo(first)
    if isinstance(first, dict) and _string(first.get("name")):
        position = sane_position(first.get("position"))
        number = int(position) if position is not None and position == int(position) else None
        return SeriesInfo(
            _string(first.get("name")), position, _string(first.get("identifier")), number
        )
    return None


def _links(items: Any, base: str, warnings: list[str]) -> list[Link]:
    links = []
    for item in _list(items):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("href"), str)
            or not item["href"].strip()
        ):
            warnings.append("skipped a link without an address")
            continue
        properties = _object(item.get("properties"))
        rels = _rels(item)
        links.append(
            Link(
                href=urljoin(base, item["href"].strip()),
                rel=rels[0] if rels else "",
                type=_string(item.get("type")),
                title=_string(item.get("title")),
                price=_price(properties.get("price"), warnings),
                length=_int(properties.get("length") or item.get("length")),
                indirect_types=tuple(_indirect(properties.get("indirectAcquisition"))),
                count=_int(properties.get("numberOfItems")),
                templated=item.get("templated") is True,
            )
        )
    return links


def _facets(items: Any, base: str, warnings: list[str]) -> list[Link]:
    found = []
    for group in _list(items):
        group = _object(group)
        name = _string(_object(group.get("metadata")).get("title"))
        for link in _links(group.get("links"), base, warnings):
            found.append(
                replace(link, rel=FACET, facet_group=name, active_facet=link.rel == "self")
            )
    return found


def _rels(item: dict) -> list[str]:
    rel = item.get("rel")
    return [r for r in _list(rel) if isinstance(r, str)]


def _indirect(value: Any) -> list[str]:
    """The types of nested indirect acquisitions, at most MAX_NESTING levels deep."""
    found: list[str] = []
    level = _list(value)
    for _ in range(MAX_NESTING):
        children: list = []
        for item in level:
            if isinstance(item, dict):
                if isinstance(item.get("type"), str):
                    found.append(item["type"])
                children += _list(item.get("child"))
        if not children:
            break
        level = children[: 4 * MAX_NESTING]
    return found


def _price(value: Any, warnings: list[str]) -> Price | None:
    if not isinstance(value, dict):
        return None
    return read_price(value.get("value"), _string(value.get("currency")), warnings)


def _names(value: Any) -> list[str]:
    names = []
    for item in _list(value):
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
        elif isinstance(item, dict):
            name = _string(item.get("name"))
            if name:
                names.append(name)
    return names


def _strings(value: Any) -> list[str]:
    return [item.strip() for item in _list(value) if isinstance(item, str) and item.strip()]


def _string(value: Any) -> str:
    """A string, or the first value of a language map."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in ("en", "und"):
            if isinstance(value.get(key), str):
                return value[key].strip()
        return next((v.strip() for v in value.values() if isinstance(v, str)), "")
    return ""


def _object(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) <= MAX_COUNT else None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
        return int(value)
    return None


def _date(value: Any) -> tuple[dt.date | None, bool]:
    """The date, and whether the catalog gave its year alone."""
    if not isinstance(value, str):
        return None, False
    return read_date(value)


def _datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
