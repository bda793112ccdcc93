"""Following a catalog's links the way a reading app does, to reach every feed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
_FOLLOW_ATOM = ("profile=opds-catalog", "opensearchdescription")


def atom_links(body: bytes) -> list[tuple[str, str, str]]:
    """(rel, href, type) of every link in an Atom document."""
    root = etree.fromstring(body)
    return [
        (link.get("rel", ""), link.get("href", ""), link.get("type", ""))
        for link in root.iter(f"{ATOM}link")
    ]


def json_links(document: object) -> Iterator[dict]:
    if isinstance(document, dict):
        if "href" in document and isinstance(document["href"], str):
            yield document
        for value in document.values():
            yield from json_links(value)
    elif isinstance(document, list):
        for value in document:
            yield from json_links(value)


def crawl(client: httpx.Client, start: str, limit: int = 400) -> dict[str, httpx.Response]:
    """Every catalog document reachable from ``start`` (shelf and search templates left out)."""
    seen: dict[str, httpx.Response] = {}
    queue = [start]
    while queue and len(seen) < limit:
        href = queue.pop(0)
        if href in seen:
            continue
        answer = client.get(href)
        assert answer.status_code == 200, f"{href}: {answer.status_code} {answer.text[:200]}"
        seen[href] = answer
        content_type = answer.headers["content-type"]
        if "json" in content_type:
            candidates = [
                link["href"]
                for link in json_links(answer.json())
                if link.get("type", "")
                in ("application/opds+json", "application/opds-publication+json")
                and not link.get("templated")
            ]
        elif "xml" in content_type and "opensearch" not in content_type:
            candidates = [
                href
                for _, href, kind in atom_links(answer.content)
                if any(k in kind for k in _FOLLOW_ATOM)
            ]
        else:
            candidates = []
        for candidate in candidates:
            if candidate.startswith("/") and "shelf" not in candidate and candidate not in seen:
                queue.append(candidate)
    return seen


def parsed_json(answer: httpx.Response) -> object:
    return json.loads(answer.content)
