"""One store as the reader uses it: its catalog, their account, buying, restoring.

``StoreSession`` ties the catalog client, the store API, the saved account and the
downloads together; the CLI and the window both drive it (the window on a worker
thread: a session belongs to one thread, like a Library).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bookstore.fileio import write_bytes_atomically
from bookstore.jobs import Job
from bookstore.library.library import Library
from bookstore.store import http
from bookstore.store.accounts import BEARER, Accounts, store_origin
from bookstore.store.acquire import Acquired, get_free_entry, pick_acquisition, store_download
from bookstore.store.catalog import CatalogClient
from bookstore.store.catalog_model import Entry
from bookstore.store.download import download
from bookstore.store.errors import AccountError, SignInRequired, StoreError
from bookstore.store.issue_mapping import entry_to_issue
from bookstore.store.store_api import Card, Order, Owned, Refused, StoreApi, issue_id_of

FORMAT_ORDER = ("epub", "pdf")


@dataclass
class Purchase:
    order: Order
    acquired: list[Acquired] = field(default_factory=list)
    receipt: Path | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "order": self.order.to_json(),
            "receipt": str(self.receipt) if self.receipt else None,
            "issues": [a.to_json() for a in self.acquired],
            "notes": self.notes,
        }


class StoreSession:
    def __init__(
        self,
        url: str,
        *,
        accounts: Accounts | None = None,
        timeout: float = http.DEFAULT_TIMEOUT,
        downloads: Path | None = None,
    ) -> None:
        self.url = url.strip()
        self.origin = store_origin(self.url)
        self.accounts = accounts or Accounts()
        self.downloads = downloads
        self.catalog = CatalogClient(timeout=timeout, auth=self.accounts.auth(self.url))
        self.api = StoreApi(self.url, self.catalog.http)
        self._title: str | None = None

    def close(self) -> None:
        self.catalog.close()

    def __enter__(self) -> StoreSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def signed_in_as(self) -> str | None:
        account = self.accounts.account(self.url)
        return account.user if account else None

    def title(self) -> str:
        """The store's name: its start page's title, else its host."""
        if self._title is None:
            try:
                feed = self.catalog.open(self.url)
                if feed.start and feed.start.href != feed.url:
                    feed = self.catalog.open(feed.start.href)
                self._title = feed.title or http.host_of(self.url)
            except StoreError:
                self._title = http.host_of(self.url)
        return self._title

    # Accounts

    def register(self, email: str, password: str, name: str | None = None) -> str | None:
        """Create an account and sign in with it; returns a note about where the sign-in is kept."""
        self.api.register(email, password, name)
        return self.sign_in(email, password)

    def sign_in(self, email: str, password: str) -> str | None:
        """Sign in with a token where the store gives one (``bookstore serve``), else with
        HTTP Basic (other OPDS servers); returns a note when the keyring was not used."""
        self._reset_auth(None)
        try:
            token = self.api.create_token(email, password)
        except Refused as refused:
            if refused.status not in (404, 405):
                raise
            return self._sign_in_basic(email, password)
        note = self.accounts.sign_in(self.url, email, token.token, BEARER)
        self._reset_auth(self.accounts.auth(self.url))
        return note

    def _sign_in_basic(self, email: str, password: str) -> str | None:
        """A store without tokens: check the password on its catalog, then keep it."""
        from bookstore.store.accounts import BASIC, StoreAuth

        self._reset_auth(StoreAuth(self.origin, BASIC, email, password))
        try:
            self.catalog.open(self.url)
        except SignInRequired:
            self._reset_auth(None)
            raise AccountError(
                f"{self.origin} did not accept that user name and password"
            ) from None
        note = self.accounts.sign_in(self.url, email, password, BASIC)
        self._reset_auth(self.accounts.auth(self.url))
        return note

    def sign_out(self) -> str | None:
        """Revoke the token at the store (when it answers) and forget it here; returns the user."""
        account = self.accounts.account(self.url)
        if account is None:
            return None
        try:
            if account.scheme == BEARER:
                self.api.revoke_token()
        except StoreError:
            pass  # offline or already revoked: forgetting it here is what matters
        self.accounts.sign_out(self.url)
        self._reset_auth(None)
        return account.user

    def _reset_auth(self, auth: httpx.Auth | None) -> None:
        self.catalog.http.auth = auth

    def require_account(self) -> str:
        user = self.signed_in_as
        if user is None:
            raise AccountError(
                f"sign in to {self.origin} first (bookstore store login {self.origin} --user EMAIL)"
            )
        return user

    # Getting, buying, restoring

    def get_free(self, library: Library, entry: Entry, job: Job | None = None) -> Acquired:
        """Download a free entry; signed in to a Bookstore store, it also goes on the
        account's shelf so that "Restore purchases" brings it back elsewhere. A priced
        entry the account already owns is downloaded from the shelf."""
        if entry.price is not None and pick_acquisition(entry.acquisitions) is None:
            owned = self._owned(entry)
            if owned is not None:
                return self.download_owned(library, owned, job)
        acquired = get_free_entry(self.catalog, library, entry, self.title(), job, self.downloads)
        issue_id = issue_id_of(entry.id)
        if issue_id is not None and self.signed_in_as is not None:
            with contextlib.suppress(StoreError):  # a store without shelves for free issues
                self.api.claim_free(issue_id)
        return acquired

    def _owned(self, entry: Entry) -> Owned | None:
        """The account's shelf item for this entry, when signed in and it owns it."""
        issue_id = issue_id_of(entry.id)
        if issue_id is None or self.signed_in_as is None:
            return None
        return next((owned for owned in self.api.shelf() if owned.issue_id == issue_id), None)

    def buy(
        self,
        library: Library,
        issue_ids: list[int] | None,
        card: Card,
        job: Job | None = None,
        key: str | None = None,
    ) -> Purchase:
        """Pay for these issues (or, with None, for the cart as it is), save the receipt
        beside the library and download what was bought. Other issues waiting in the
        cart stay there for later. Raises PaymentFailed when the card is refused."""
        self.require_account()
        notes: list[str] = []
        set_aside: list[int] = []
        if issue_ids is not None:
            set_aside = [i.issue_id for i in self.api.cart().items if i.issue_id not in issue_ids]
            for issue_id in set_aside:
                self.api.remove_from_cart(issue_id)
            for issue_id in issue_ids:
                try:
                    self.api.add_to_cart(issue_id)
                except Refused as refused:
                    if not refused.already_owned:
                        raise
                    notes.append(f"issue {issue_id} is already yours; it was not bought again")
        try:
            if not self.api.cart().items:
                raise StoreError(
                    "there is nothing to pay for: " + "; ".join(notes or ["the cart is empty"])
                )
            order = self.api.checkout(card, key)
        finally:
            for issue_id in set_aside:
                self.api.add_to_cart(issue_id)
        purchase = Purchase(order, notes=notes)
        purchase.receipt = self.save_receipt(library, order)
        shelf = {owned.issue_id: owned for owned in self.api.shelf()}
        for position, item in enumerate(order.items):
            owned = shelf.get(item.issue_id)
            if owned is None:
                raise StoreError(
                    f"{self.origin} does not list “{item.title}” among your issues after paying"
                )
            step = _SubJob(job, position, len(order.items)) if job else None
            purchase.acquired.append(self.download_owned(library, owned, step))
        return purchase

    def restore(self, library: Library, job: Job | None = None) -> list[Acquired]:
        """Download everything the account owns into the library (updating what is there)."""
        self.require_account()
        shelf = self.api.shelf()
        results = []
        for position, owned in enumerate(shelf):
            step = _SubJob(job, position, len(shelf)) if job else None
            results.append(self.download_owned(library, owned, step))
        return results

    def download_owned(self, library: Library, owned: Owned, job: Job | None = None) -> Acquired:
        entry = self.catalog.open(self.api.entry_url(owned.issue_id)).entries[0]
        link = next((owned.links[kind] for kind in FORMAT_ORDER if kind in owned.links), None)
        if link is None:
            raise StoreError(f"{self.origin} offers no file of “{owned.title}” to download")
        downloaded = download(self.catalog.http, link, self.downloads, job)
        issue = entry_to_issue(entry, library, self.title(), owned=True)
        return store_download(library, issue, downloaded, book_decides_place=entry.series is None)

    def save_receipt(self, library: Library, order: Order) -> Path | None:
        if not order.paid:
            return None
        folder = receipts_folder(library)
        folder.mkdir(parents=True, exist_ok=True)
        host = http.host_of(self.origin).replace(":", "-")
        path = folder / f"{host}-{order.number}.pdf"
        write_bytes_atomically(path, self.api.receipt(order))
        return path

    # Finding entries

    def find_entry(self, entry_id: str, start: str | None = None) -> Entry:
        """An entry by its id: straight from the store's entry document when it is one of
        ours, else by looking through the catalog from ``start``."""
        issue_id = issue_id_of(entry_id)
        if issue_id is not None:
            try:
                entries = self.catalog.open(self.api.entry_url(issue_id)).entries
                if entries and entries[0].id == entry_id:
                    return entries[0]
            except StoreError:
                pass
        return self.catalog.find_entry(start or self.url, entry_id)

    def issue_id(self, entry_id: str) -> int:
        issue_id = issue_id_of(entry_id)
        if issue_id is None:
            raise StoreError(
                f"“{entry_id}” is not an issue of a Bookstore store; only those can be bought here"
            )
        return issue_id


def receipts_folder(library: Library) -> Path:
    """Receipts are kept beside the library folder, never inside it."""
    return library.root.parent / f"{library.root.name} receipts"


class _SubJob(Job):
    """Progress of one download among several, as part of the whole."""

    def __init__(self, parent: Job, index: int, count: int) -> None:
        super().__init__(cancel_event=parent.cancel_event)
        self.on_progress = lambda fraction, message: parent.report(
            (index + fraction) / count, f"{index + 1} of {count}: {message}"
        )
