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

from bookstore.errors import BookstoreError
from bookstore.fileio import write_bytes_atomically
from bookstore.i18n.messages import Message, say
from bookstore.jobs import Job
from bookstore.library.library import Library
from bookstore.library.safe_names import file_name_from
from bookstore.payment_card import Card
from bookstore.store import http
from bookstore.store.accounts import BEARER, Accounts, store_origin
from bookstore.store.acquire import (
    MEDIA_TYPES,
    Acquired,
    get_free_entry,
    pick_acquisition,
    store_download,
)
from bookstore.store.checkout_keys import PendingCheckouts
from bookstore.store.download import download
from bookstore.store.errors import (
    AccountError,
    CredentialsRefused,
    RestoreIncomplete,
    SignInRequired,
    StoreError,
)
from bookstore.store.file_checks import check_file
from bookstore.store.opds.catalog import CatalogClient
from bookstore.store.opds.model import Entry
from bookstore.store.store_api import (
    Order,
    Owned,
    PaymentFailed,
    Refused,
    StoreApi,
    issue_id_of,
)

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


class Undelivered(StoreError):
    """Paid for, but some issues could not be downloaded; ``purchase`` is what was."""

    def __init__(self, message: str, purchase: Purchase) -> None:
        super().__init__(message)
        self.purchase = purchase


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
        self.checkouts = PendingCheckouts(self.accounts.folder)
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
            raise CredentialsRefused(
                say("{origin} did not accept that user name and password", origin=self.origin)
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
                say(
                    "sign in to {origin} first (bookstore store login {origin} --user EMAIL)",
                    origin=self.origin,
                )
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
        cart stay there for later. Raises PaymentFailed when the card is refused, and
        Undelivered when something paid for could not be downloaded.

        Until the store settles a checkout its key is kept (``PendingCheckouts``): paying
        for the same issues again after a lost answer repeats that payment, which the
        store never charges twice; ``key`` is the one to use for a new checkout. Once
        paid, ``job`` hears progress 0 before the downloads begin."""
        user = self.require_account()
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
            items = self.api.cart().items
            if not items:
                if issue_ids:  # all of them owned: an earlier checkout of them was paid
                    self.checkouts.settle_owned(self.origin, user, set(issue_ids))
                if not notes:
                    raise StoreError(say("there is nothing to pay for: the cart is empty"))
                raise StoreError(
                    say("there is nothing to pay for: {notes}", notes="; ".join(notes))
                )
            order = self._checkout(user, [item.issue_id for item in items], card, key)
        finally:
            for issue_id in set_aside:
                self.api.add_to_cart(issue_id)
        purchase = Purchase(order, notes=notes)
        if job is not None and job.on_progress is not None:
            # Said once the card is charged (not a point to cancel at: the money is taken),
            # so that a window can close its payment form while the files download.
            job.on_progress(0.0, f"order {order.number} is paid")
        self._deliver(library, purchase, job)
        return purchase

    def _checkout(self, user: str, issue_ids: list[int], card: Card, key: str | None) -> Order:
        key = self.checkouts.key_for(self.origin, user, issue_ids, key)
        try:
            order = self.api.checkout(card, key)
        except PaymentFailed:
            self.checkouts.settle(self.origin, user, issue_ids)
            raise
        except Refused as refused:
            if refused.status < 500:
                raise  # refused before paying; the key stays for a checkout of these issues
            raise self._unconfirmed(say("it answered {status}", status=refused.status)) from refused
        except StoreError as error:
            raise self._unconfirmed(say("its answer did not arrive")) from error
        self.checkouts.settle(self.origin, user, issue_ids)
        return order

    def _unconfirmed(self, what: Message) -> StoreError:
        return StoreError(
            say(
                "{origin} did not confirm the payment ({what}): the payment "
                "may have gone through: restore or check your orders "
                "(bookstore store restore {url}) before paying again; paying "
                "for the same issues again repeats this payment, which the "
                "store does not charge twice",
                origin=self.origin,
                what=what,
                url=self.url,
            )
        )

    def _deliver(self, library: Library, purchase: Purchase, job: Job | None) -> None:
        """After paying: the receipt saved and every issue downloaded, or the user told
        what to do to get the rest."""
        order = purchase.order
        try:
            purchase.receipt = self.save_receipt(library, order)
        except (BookstoreError, OSError) as error:
            purchase.notes.append(
                f"the receipt of order {order.number} could not be saved ({error}); "
                "the store keeps it with your orders"
            )
        try:
            shelf = {owned.issue_id: owned for owned in self.api.shelf()}
        except BookstoreError as error:
            raise self._undelivered(
                purchase, f"your issues could not be listed ({error})"
            ) from error
        missing: list[str] = []
        for position, item in enumerate(order.items):
            owned = shelf.get(item.issue_id)
            step = _SubJob(job, position, len(order.items)) if job else None
            try:
                if owned is None:
                    raise StoreError(
                        say("{origin} does not list it among your issues", origin=self.origin)
                    )
                purchase.acquired.append(self.download_owned(library, owned, step))
            except BookstoreError as error:
                missing.append(f"“{item.title}” ({error})")
        if missing:
            raise self._undelivered(purchase, f"{'; '.join(missing)} could not be downloaded")

    def _undelivered(self, purchase: Purchase, what: str) -> Undelivered:
        return Undelivered(
            f"order {purchase.order.number} is paid, but {what}; run bookstore store restore "
            f"{self.url} (or Restore purchases in the Store) to download what you paid for",
            purchase,
        )

    def restore(self, library: Library, job: Job | None = None) -> list[Acquired]:
        """Download everything the account owns into the library (updating what is there)."""
        user = self.require_account()
        shelf = self.api.shelf()
        self.checkouts.settle_owned(self.origin, user, {owned.issue_id for owned in shelf})
        results, failures = [], []
        for position, owned in enumerate(shelf):
            step = _SubJob(job, position, len(shelf)) if job else None
            try:
                results.append(self.download_owned(library, owned, step))
            except SignInRequired:
                raise
            except StoreError as error:  # one issue's failure does not stop the others
                failures.append((owned.title, str(error)))
        if failures:
            raise RestoreIncomplete(results, failures, len(shelf))
        return results

    def download_owned(self, library: Library, owned: Owned, job: Job | None = None) -> Acquired:
        entry = self.catalog.open(self.api.entry_url(owned.issue_id)).entries[0]
        kind = next((kind for kind in FORMAT_ORDER if kind in owned.links), None)
        if kind is None:
            raise StoreError(
                say(
                    "{origin} offers no file of “{title}” to download",
                    origin=self.origin,
                    title=owned.title,
                )
            )
        downloaded = download(self.catalog.http, owned.links[kind], self.downloads, job)
        return store_download(library, entry, self.title(), downloaded, MEDIA_TYPES[kind])

    def save_receipt(self, library: Library, order: Order) -> Path | None:
        """Keep the order's receipt beside the library, named by the store and the
        order number in a safe form ("FV/2024/05/001" -> "FV-2024-05-001")."""
        if not order.paid:
            return None
        folder = receipts_folder(library)
        folder.mkdir(parents=True, exist_ok=True)
        host = file_name_from(http.host_of(self.origin).replace(":", "-"), "store")
        path = folder / f"{host}-{file_name_from(order.number, 'order')}.pdf"
        write_bytes_atomically(path, self.api.receipt(order))
        try:
            check_file(path, "pdf", http.host_of(self.origin))
        except StoreError:
            path.unlink(missing_ok=True)
            raise
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
                say(
                    "“{entry_id}” is not an issue of a Bookstore store; only "
                    "those can be bought here",
                    entry_id=entry_id,
                )
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
