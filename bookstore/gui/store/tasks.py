"""What the Store and Feeds views run on worker threads: plain functions of a Job.

Each opens its own StoreSession and Library (they belong to the thread that opens
them) and returns plain data; none touches a widget.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from bookstore.gui.store.cover_images import (
    DECODERS,
    MAX_IMAGE_BYTES,
    MAX_PAGE_BYTES,
    decode_cover,
)
from bookstore.jobs import Job
from bookstore.library.library import Library
from bookstore.payment_card import Card
from bookstore.store.accounts import keyring_available
from bookstore.store.acquire import Acquired
from bookstore.store.errors import StoreError
from bookstore.store.feeds.subscriptions import FeedReader, RefreshReport
from bookstore.store.mapping.issues import entry_to_issue
from bookstore.store.opds.model import Entry, Feed
from bookstore.store.session import Purchase, StoreSession
from bookstore.store.store_api import Cart, issue_id_of

COVER_THREADS = 6


def _library(root: Path) -> Library:
    return Library.open(root, with_sample=False)


def open_page(url: str) -> Callable[[Job], Feed]:
    def task(job: Job) -> Feed:
        with StoreSession(url) as session:
            job.check()
            return session.catalog.open(url)

    return task


def search(url: str, feed: Feed, terms: str) -> Callable[[Job], Feed]:
    def task(job: Job) -> Feed:
        with StoreSession(url) as session:
            return session.catalog.search(feed, terms)

    return task


def store_title(url: str) -> Callable[[Job], str]:
    def task(job: Job) -> str:
        with StoreSession(url) as session:
            return session.title()

    return task


def fetch_images(url: str, addresses: list[str]) -> Callable[[Job], dict[str, QImage]]:
    """Covers and thumbnails, several at once over one connection pool, decoded here
    (off the GUI thread) at the size they are shown. A cover that cannot be had, is
    no image, or is past the byte and pixel budgets is left out (the entry shows a
    placeholder)."""

    def task(job: Job) -> dict[str, QImage]:
        found: dict[str, QImage] = {}
        spent = {"bytes": 0}
        lock, turns = threading.Lock(), threading.Semaphore(DECODERS)
        with StoreSession(url) as session:

            def one(address: str) -> None:
                with lock:
                    if job.cancel_event.is_set() or spent["bytes"] >= MAX_PAGE_BYTES:
                        return
                with contextlib.suppress(StoreError):
                    data = session.catalog.image(address, MAX_IMAGE_BYTES)
                    with lock:
                        spent["bytes"] += len(data)
                        if spent["bytes"] > MAX_PAGE_BYTES:
                            return
                    image = decode_cover(data, turns=turns)
                    if image is not None:
                        found[address] = image

            with ThreadPoolExecutor(COVER_THREADS) as pool:
                list(pool.map(one, dict.fromkeys(addresses)))
        job.check()
        return found

    return task


def get_free(url: str, library: Path, entry: Entry) -> Callable[[Job], Acquired]:
    def task(job: Job) -> Acquired:
        with StoreSession(url) as session, _library(library) as opened:
            return session.get_free(opened, entry, job)

    return task


@dataclass(frozen=True)
class AccountState:
    user: str | None
    cart: Cart | None
    has_accounts: bool = True  # the store sells (ours does; calibre only lends files)
    # Where the sign-in is kept (signed in) or would go (signed out): a private file, or
    # None for the system keyring.
    secret_file: Path | None = None


def _secret_file(session: StoreSession) -> Path | None:
    if session.signed_in_as is not None:
        return session.accounts.secret_file(session.url)
    return None if keyring_available() else session.accounts.fallback_file


def account_state(url: str) -> Callable[[Job], AccountState]:
    def task(job: Job) -> AccountState:
        with StoreSession(url) as session:
            user = session.signed_in_as
            if user is None:
                root = session.catalog.open(url)
                if root.start and root.start.href != root.url:
                    root = session.catalog.open(root.start.href)
                return AccountState(
                    None, None, root.shelf is not None, secret_file=_secret_file(session)
                )
            return AccountState(user, session.api.cart(), secret_file=_secret_file(session))

    return task


def sign_in(
    url: str, email: str, password: str, register: bool, name: str = ""
) -> Callable[[Job], AccountState]:
    """Sign in (or register); where the sign-in went is read back, not assumed."""

    def task(job: Job) -> AccountState:
        with StoreSession(url) as session:
            if register:
                session.register(email, password, name or None)
            else:
                session.sign_in(email, password)
            return AccountState(
                session.signed_in_as, session.api.cart(), secret_file=_secret_file(session)
            )

    return task


def sign_out(url: str) -> Callable[[Job], AccountState]:
    def task(job: Job) -> AccountState:
        with StoreSession(url) as session:
            session.sign_out()
            return AccountState(None, None, secret_file=_secret_file(session))

    return task


def library_issue(entry: Entry, library: Library, store_title: str) -> int | None:
    """The library's issue for this entry, when the reader owns it."""
    try:
        issue = entry_to_issue(entry, library, store_title)
    except Exception:  # an entry the mapping cannot place is simply not owned
        return None
    existing = library.find_existing(issue)
    if existing is None:
        return None
    return existing if library.get(existing).owned else None


@dataclass(frozen=True)
class Owned:
    """The entries of a page the reader owns: entry id -> the library's issue (None when
    bought at the store but not downloaded here)."""

    entries: dict[str, int | None]


def owned_entries(url: str, library: Path, feed: Feed) -> Callable[[Job], Owned]:
    def task(job: Job) -> Owned:
        found: dict[str, int | None] = {}
        with _library(library) as opened:
            for entry in feed.publications:
                job.check()
                if (issue_id := library_issue(entry, opened, feed.title)) is not None:
                    found[entry.id] = issue_id
        with StoreSession(url) as session, contextlib.suppress(StoreError):
            if session.signed_in_as is not None:
                shelf = {owned.issue_id for owned in session.api.shelf()}
                for entry in feed.publications:
                    if issue_id_of(entry.id) in shelf:
                        found.setdefault(entry.id, None)
        return Owned(found)

    return task


def add_to_cart(url: str, issue_id: int) -> Callable[[Job], Cart]:
    def task(job: Job) -> Cart:
        with StoreSession(url) as session:
            session.require_account()
            return session.api.add_to_cart(issue_id)

    return task


def remove_from_cart(url: str, issue_id: int) -> Callable[[Job], Cart]:
    def task(job: Job) -> Cart:
        with StoreSession(url) as session:
            return session.api.remove_from_cart(issue_id)

    return task


def checkout(url: str, library: Path, card: Card, key: str) -> Callable[[Job], Purchase]:
    """Pay for the cart (the key makes a retry safe) and download what was bought."""

    def task(job: Job) -> Purchase:
        with StoreSession(url) as session, _library(library) as opened:
            return session.buy(opened, None, card, job, key)

    return task


def restore(url: str, library: Path) -> Callable[[Job], list[Acquired]]:
    def task(job: Job) -> list[Acquired]:
        with StoreSession(url) as session, _library(library) as opened:
            return session.restore(opened, job)

    return task


def subscribe(library: Path, url: str, download_free: bool) -> Callable[[Job], RefreshReport]:
    def task(job: Job) -> RefreshReport:
        with _library(library) as opened, FeedReader(opened) as reader:
            return reader.subscribe(url, download_free, job)

    return task


def refresh_feeds(library: Path) -> Callable[[Job], list[RefreshReport]]:
    def task(job: Job) -> list[RefreshReport]:
        with _library(library) as opened, FeedReader(opened) as reader:
            return reader.refresh_all(job)

    return task
