"""Reading a store's catalog: pages, search, pagination, finding an entry, images.

One ``CatalogClient`` per store holds one HTTP connection pool (and the store's
sign-in, if any); it is used from one thread at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import httpx

from bookstore.i18n.messages import say
from bookstore.store import http
from bookstore.store.errors import CatalogError, StoreError
from bookstore.store.opds.atom_reader import parse_atom
from bookstore.store.opds.json_reader import parse_json
from bookstore.store.opds.model import Entry, Feed
from bookstore.store.opds.opensearch import fill_template, is_description, template_from_description

ACCEPT = (
    "application/atom+xml;profile=opds-catalog;q=1.0, application/opds+json;q=0.9, "
    "application/atom+xml;q=0.8, application/json;q=0.5, */*;q=0.1"
)
MAX_FEEDS_WALKED = 100  # how far ``find_entry`` looks through a catalog
MAX_PAGES = 1000  # how many pages ``pages`` follows


class CatalogClient:
    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        timeout: float = http.DEFAULT_TIMEOUT,
        auth: httpx.Auth | None = None,
    ) -> None:
        self.http = client or http.new_client(timeout=timeout, auth=auth)
        self._owns_client = client is None
        self._search_templates: dict[str, str] = {}

    def close(self) -> None:
        if self._owns_client:
            self.http.close()

    def __enter__(self) -> CatalogClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def open(self, url: str) -> Feed:
        """The catalog page at ``url`` (OPDS 1.2 Atom or OPDS 2.0 JSON)."""
        document = http.fetch(self.http, url, ACCEPT)
        return parse_document(document.body, document.content_type, document.url)

    def next_page(self, feed: Feed) -> Feed | None:
        return self.open(feed.next.href) if feed.next else None

    def pages(self, url: str, limit: int = MAX_PAGES) -> Iterator[Feed]:
        """The page at ``url`` and the pages after it (``next``), stopping at a loop or
        after ``limit`` pages (then the last page still has a ``next``)."""
        seen: set[str] = set()
        next_url: str | None = url
        while next_url and next_url not in seen and len(seen) < limit:
            seen.add(next_url)
            feed = self.open(next_url)
            yield feed
            next_url = feed.next.href if feed.next else None

    def can_search(self, feed: Feed) -> bool:
        return feed.search is not None

    def search_url(self, feed: Feed, terms: str) -> str:
        link = feed.search
        if link is None:
            raise CatalogError(say("the catalog at {url} offers no search", url=feed.url))
        if is_description(link.type) or (
            "{" not in link.href and "opensearch" in link.type.lower()
        ):
            template = self._search_templates.get(link.href)
            if template is None:
                document = http.fetch(self.http, link.href, "application/opensearchdescription+xml")
                template = template_from_description(document.body, document.url)
                self._search_templates[link.href] = template
            return fill_template(template, terms)
        if "{" in link.href:
            return fill_template(link.href, terms)
        raise CatalogError(
            say("the catalog at {url} has a search link that takes no words", url=feed.url)
        )

    def search(self, feed: Feed, terms: str) -> Feed:
        return self.open(self.search_url(feed, terms))

    def find_entry(self, url: str, entry_id: str) -> Entry:
        """The entry with this id, looked for in the page at ``url``, the pages after it
        and the catalog pages it leads to (breadth first, at most MAX_FEEDS_WALKED pages)."""
        queue, seen = deque([url]), set()
        while queue and len(seen) < MAX_FEEDS_WALKED:
            page_url = queue.popleft()
            if page_url in seen:
                continue
            seen.add(page_url)
            try:
                feed = self.open(page_url)
            except StoreError:
                if page_url == url:
                    raise
                continue
            for entry in feed.all_entries:
                if entry.id == entry_id and entry.is_publication:
                    return entry
            if feed.next:
                queue.appendleft(feed.next.href)
            for entry in feed.navigation_entries:
                if entry.navigation:
                    queue.append(entry.navigation.href)
        raise CatalogError(
            say(
                "there is no entry “{entry_id}” in the catalog at {url} "
                "(looked through {pages} pages)",
                entry_id=entry_id,
                url=url,
                pages=len(seen),
            )
        )

    def image(self, url: str, limit: int = http.MAX_DOCUMENT_BYTES) -> bytes:
        """A cover's bytes, at most ``limit`` of them (else a StoreError)."""
        return http.fetch(self.http, url, "image/*", limit=limit).body


def parse_document(body: bytes, content_type: str, url: str) -> Feed:
    """A catalog page from its bytes, by its declared type or, failing that, its first byte."""
    kind = content_type.split(";")[0].strip().lower()
    start = body.lstrip()[:1]
    if kind in ("application/opds+json", "application/json") or kind.endswith("+json"):
        return parse_json(body, url)
    if kind == "text/html" and b"<feed" not in body[:2048]:
        raise CatalogError(say("{url} is a web page, not an OPDS catalog", url=url))
    if start == b"{":
        return parse_json(body, url)
    return parse_atom(body, url)
