"""Feed subscriptions kept in the library: the feeds, the items they showed, unread counts.

Only the rows: fetching and reading feeds is ``bookstore.store.feeds.subscriptions``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bookstore.errors import NotFound
from bookstore.i18n.messages import say
from bookstore.library.ids import storable
from bookstore.library.library import Library


@dataclass(frozen=True)
class Subscription:
    id: int
    url: str
    title: str
    download_free: bool
    checked_at: str | None
    error: str | None
    unread: int
    items: int
    etag: str | None = None
    modified: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "download_free": self.download_free,
            "checked_at": self.checked_at,
            "error": self.error,
            "unread": self.unread,
            "items": self.items,
        }


@dataclass(frozen=True)
class FeedItem:
    feed_id: int
    guid: str
    title: str
    link: str | None
    published: str | None
    issue_id: int | None
    seen: bool


_SELECT = (
    "SELECT f.id, f.url, f.title, f.download_free, f.checked_at, f.error, "
    "(SELECT count(*) FROM feed_item i WHERE i.feed_id = f.id AND NOT i.seen), "
    "(SELECT count(*) FROM feed_item i WHERE i.feed_id = f.id), f.etag, f.modified FROM feed f"
)


def subscriptions(library: Library) -> list[Subscription]:
    rows = library.db.execute(_SELECT + " ORDER BY f.title COLLATE NOCASE, f.id")
    return [_subscription(row) for row in rows]


def subscription(library: Library, key: str | int) -> Subscription:
    """A subscription by id or by address."""
    if isinstance(key, int) or str(key).isdigit():
        number = int(key)
        row = (
            storable(number)
            and library.db.execute(_SELECT + " WHERE f.id = ?", (number,)).fetchone()
        )
    else:
        row = library.db.execute(_SELECT + " WHERE f.url = ?", (str(key).strip(),)).fetchone()
    if not row:
        raise NotFound(say("there is no subscription to “{key}” in this library", key=key))
    return _subscription(row)


def add_subscription(library: Library, url: str, title: str, download_free: bool) -> Subscription:
    """Subscribe (or change the title and download choice of an existing subscription)."""
    with library.transaction():
        library.db.execute(
            "INSERT INTO feed (url, title, download_free, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET title = excluded.title, "
            "download_free = excluded.download_free",
            (url, title, int(download_free), _now()),
        )
    return subscription(library, url)


def remove_subscription(library: Library, key: str | int) -> Subscription:
    """Forget a subscription and its items (issues it brought stay in the library)."""
    found = subscription(library, key)
    with library.transaction():
        library.db.execute("DELETE FROM feed WHERE id = ?", (found.id,))
    return found


def record_check(
    library: Library,
    feed_id: int,
    *,
    title: str | None = None,
    error: str | None = None,
    etag: str | None = None,
    modified: str | None = None,
) -> None:
    """Note when a feed was checked and how it went (``error`` None: it was read)."""
    with library.transaction():
        library.db.execute(
            "UPDATE feed SET checked_at = ?, error = ?, title = coalesce(?, title), "
            "etag = CASE WHEN ? IS NULL THEN ? ELSE etag END, "
            "modified = CASE WHEN ? IS NULL THEN ? ELSE modified END WHERE id = ?",
            (_now(), error, title, error, etag, error, modified, feed_id),
        )


def known_guids(library: Library, feed_id: int) -> set[str]:
    query = "SELECT guid FROM feed_item WHERE feed_id = ?"
    return {row[0] for row in library.db.execute(query, (feed_id,))}


def add_item(library: Library, item: FeedItem) -> None:
    with library.transaction():
        library.db.execute(
            "INSERT OR IGNORE INTO feed_item (feed_id, guid, title, link, published, issue_id, "
            "seen, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (item.feed_id, item.guid, item.title, item.link, item.published, item.issue_id,
             int(item.seen), _now()),
        )  # fmt: skip


def items(library: Library, feed_id: int) -> list[FeedItem]:
    rows = library.db.execute(
        "SELECT feed_id, guid, title, link, published, issue_id, seen FROM feed_item "
        "WHERE feed_id = ? ORDER BY coalesce(published, added_at) DESC, rowid DESC",
        (feed_id,),
    )
    return [FeedItem(*row[:6], bool(row[6])) for row in rows]


def mark_seen(library: Library, feed_id: int, guids: list[str] | None = None) -> None:
    """Mark these items (or all of the feed's) as read."""
    with library.transaction():
        if guids is None:
            library.db.execute("UPDATE feed_item SET seen = 1 WHERE feed_id = ?", (feed_id,))
        else:
            library.db.executemany(
                "UPDATE feed_item SET seen = 1 WHERE feed_id = ? AND guid = ?",
                [(feed_id, guid) for guid in guids],
            )


def _subscription(row: tuple) -> Subscription:
    feed_id, url, title, free, checked, error, unread, count, etag, modified = row
    return Subscription(
        feed_id, url, title, bool(free), checked, error, unread, count, etag, modified
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
