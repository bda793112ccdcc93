"""RSS, Atom and OPDS subscriptions: new items become issues of the library (an issue
the library already holds is updated, not duplicated), and free ones are downloaded
when the subscription asks for it.

Each feed is fetched and read outside any library transaction; a feed that cannot be
reached or read is noted on its subscription and the others go on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.jobs import Job
from bookstore.library import subscriptions as rows
from bookstore.library.library import Library
from bookstore.library.subscriptions import FeedItem, Subscription
from bookstore.store import http
from bookstore.store.accounts import auth_for
from bookstore.store.acquire import Acquired, get_free_entry
from bookstore.store.errors import StoreError
from bookstore.store.feeds.documents import (
    ACCEPT,
    Announcement,
    FeedDocument,
    item_to_entry,
    read_feed_document,
)
from bookstore.store.mapping.issues import entry_to_issue
from bookstore.store.opds.catalog import CatalogClient
from bookstore.store.opds.model import Entry
from bookstore.store.store_api import issue_id_of

_OPDS_ENTRY_PATH = re.compile(r"/opds/issues/\d+$")
MAX_NEW_PER_REFRESH = 1000  # new items one refresh takes; the rest wait for the next


@dataclass
class RefreshReport:
    subscription: Subscription
    new: list[FeedItem] = field(default_factory=list)
    downloaded: list[Acquired] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "feed": self.subscription.to_json(),
            "new": [{"guid": i.guid, "title": i.title, "issue_id": i.issue_id} for i in self.new],
            "downloaded": [a.to_json() for a in self.downloaded],
            "error": self.error,
            "not_modified": self.not_modified,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class _Fetched:
    document: FeedDocument | None  # None: not modified
    etag: str | None
    modified: str | None


class FeedReader:
    """Subscribing and refreshing, with one HTTP client per store met on the way."""

    def __init__(
        self,
        library: Library,
        *,
        timeout: float = http.DEFAULT_TIMEOUT,
        downloads: Path | None = None,
    ) -> None:
        self.library = library
        self.timeout = timeout
        self.downloads = downloads
        self._clients: dict[str, CatalogClient] = {}

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def __enter__(self) -> FeedReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def subscribe(
        self, url: str, download_free: bool = False, job: Job | None = None
    ) -> RefreshReport:
        """Subscribe to the feed at ``url`` (read first: a broken feed is not subscribed)."""
        url = url.strip()
        fetched = self._fetch(url, None)
        assert fetched.document is not None
        title = fetched.document.title or http.host_of(url)
        subscription = rows.add_subscription(self.library, url, title, download_free)
        return self._apply(subscription, fetched, job)

    def refresh_all(self, job: Job | None = None) -> list[RefreshReport]:
        job = job or Job()
        found = rows.subscriptions(self.library)
        reports = []
        for position, subscription in enumerate(found):
            job.report(position / max(1, len(found)), subscription.title)
            reports.append(self.refresh(subscription, job))
        job.report(1.0, "")
        return reports

    def refresh(self, subscription: Subscription, job: Job | None = None) -> RefreshReport:
        """Read one feed; its failure is returned in the report, not raised."""
        try:
            fetched = self._fetch(subscription.url, subscription)
        except BookstoreError as error:
            return self._failed(subscription, str(error))
        except (ValueError, ArithmeticError, LookupError, RecursionError) as error:
            # A feed no reader of ours expected: this feed fails, the others are read.
            reason = " ".join(str(error).split())[:160] or type(error).__name__
            return self._failed(subscription, f"{subscription.url} could not be read ({reason})")
        return self._apply(subscription, fetched, job)

    def _failed(self, subscription: Subscription, error: str) -> RefreshReport:
        rows.record_check(self.library, subscription.id, error=error)
        return RefreshReport(rows.subscription(self.library, subscription.id), error=error)

    # Reading a feed

    def _fetch(self, url: str, subscription: Subscription | None) -> _Fetched:
        client = self._client(url).http
        headers = {"Accept": ACCEPT}
        if subscription is not None and subscription.etag:
            headers["If-None-Match"] = subscription.etag
        if subscription is not None and subscription.modified:
            headers["If-Modified-Since"] = subscription.modified
        fetched = http.fetch(client, url, headers=headers)
        if fetched.status == 304:
            return _Fetched(
                None,
                subscription.etag if subscription else None,
                subscription.modified if subscription else None,
            )
        document = read_feed_document(
            fetched.body, fetched.content_type or "application/xml", fetched.url
        )
        return _Fetched(document, fetched.headers.get("etag"), fetched.headers.get("last-modified"))

    def _apply(
        self, subscription: Subscription, fetched: _Fetched, job: Job | None
    ) -> RefreshReport:
        report = RefreshReport(subscription)
        document = fetched.document
        if document is None:
            rows.record_check(
                self.library, subscription.id, etag=fetched.etag, modified=fetched.modified
            )
            report.not_modified = True
            report.subscription = rows.subscription(self.library, subscription.id)
            return report
        report.notes.extend(document.notes)
        title = document.title or http.host_of(subscription.url)
        to_download = self._add_new(subscription, document, title, report)
        for entry, issue_id in to_download:
            if self._has_file(issue_id):
                continue
            try:
                report.downloaded.append(
                    get_free_entry(
                        self._client(subscription.url),
                        self.library,
                        entry,
                        title,
                        job,
                        self.downloads,
                    )
                )
            except StoreError as error:
                report.notes.append(f"“{entry.title}” could not be downloaded: {error}")
        rows.record_check(
            self.library, subscription.id, title=title, etag=fetched.etag, modified=fetched.modified
        )
        report.subscription = rows.subscription(self.library, subscription.id)
        return report

    def _add_new(
        self, subscription: Subscription, document: FeedDocument, title: str, report: RefreshReport
    ) -> list[tuple[Entry, int]]:
        """Save the feed's new items (at most MAX_NEW_PER_REFRESH; the rest wait for the
        next refresh), committed in chunks; returns the free ones to download."""
        known = rows.known_guids(self.library, subscription.id)
        fresh = []
        for announced in document.announcements:
            if announced.guid not in known:
                known.add(announced.guid)
                fresh.append(announced)
        if len(fresh) > MAX_NEW_PER_REFRESH:
            report.notes.append(
                f"the feed has {len(fresh):,} new items; {MAX_NEW_PER_REFRESH:,} were read "
                "now and the rest come with the next refresh"
            )
            fresh = fresh[:MAX_NEW_PER_REFRESH]
        # Entries first (they may be fetched), so that no write waits on the network.
        entries = [a.entry or self._entry_for(a, document.language, report) for a in fresh]
        to_download = []
        with self.library.chunks() as chunks:
            for announced, entry in zip(fresh, entries, strict=True):
                try:
                    with chunks.item():
                        result = self.library.save(
                            entry_to_issue(
                                entry, self.library, title, series_named_after_store=True
                            )
                        )
                        feed_item = FeedItem(
                            subscription.id,
                            announced.guid,
                            entry.title,
                            announced.link,
                            announced.published,
                            result.id,
                            False,
                        )
                        rows.add_item(self.library, feed_item)
                except BookstoreError as error:
                    report.notes.append(f"“{entry.title}” was left out: {error}")
                    continue
                report.new.append(feed_item)
                if subscription.download_free and entry.is_free:
                    to_download.append((entry, result.id))
        return to_download

    def _entry_for(self, announced: Announcement, language: str, report: RefreshReport) -> Entry:
        """The catalog entry an RSS/Atom item announces: the store's own OPDS entry when
        the item points at one (``bookstore serve``'s RSS), else what the item itself says."""
        link, item = announced.link, announced.item or {}
        guid = announced.guid
        if (
            link
            and link.startswith(("http://", "https://"))
            and (issue_id_of(guid) is not None or _OPDS_ENTRY_PATH.search(link))
        ):
            try:
                entries = self._client(link).open(link).entries
                if entries:
                    return entries[0]
            except StoreError as error:
                report.notes.append(
                    f"the catalog entry of “{announced.title}” could not be read ({error}); "
                    "the feed's own words were used"
                )
        return item_to_entry(item, guid, language)

    def _has_file(self, issue_id: int) -> bool:
        return bool(self.library.get(issue_id).files)

    def _client(self, url: str) -> CatalogClient:
        origin = http.host_of(url)
        if origin not in self._clients:
            self._clients[origin] = CatalogClient(
                timeout=self.timeout, auth=auth_for(url) if url.startswith("http") else None
            )
        return self._clients[origin]
