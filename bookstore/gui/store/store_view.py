"""The Store view: the stores the reader added (in the sidebar), the catalog, an entry's
page, and in the right-hand pane the account, the cart and the downloads.

All talking to a store happens in ``tasks`` on the window's workers; this class only
wires widgets to tasks and shows what comes back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QImage, QPixmap
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from bookstore.errors import BookstoreError
from bookstore.gui import settings as keys
from bookstore.gui.context import AppContext
from bookstore.gui.errors import error_dialog, user_sentence
from bookstore.gui.store import tasks
from bookstore.gui.store.catalog_page import SUGGESTED_STORE, CatalogPage
from bookstore.gui.store.checkout_dialog import CheckoutDialog
from bookstore.gui.store.download_row import DownloadRow, Words
from bookstore.gui.store.entry_page import EntryPage
from bookstore.gui.store.naming import acquired_name, cart_names, entry_name
from bookstore.gui.store.side_panel import SidePanel
from bookstore.gui.store.sign_in_dialog import SignInDialog
from bookstore.gui.widgets.sidebar import ViewEntry
from bookstore.model import Issue
from bookstore.payment_card import Card
from bookstore.store.acquire import Acquired
from bookstore.store.errors import SignInRequired
from bookstore.store.opds.model import Entry, Feed
from bookstore.store.session import Purchase
from bookstore.store.store_api import Cart, PaymentFailed, issue_id_of

PREFIX = "store/"


class StoreView(QObject):
    key = "store"

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.url: str | None = None  # the store as the reader added it
        self.history: list[str] = []
        self.feed: Feed | None = None
        self.images: dict[str, QPixmap] = {}
        self.cart: Cart | None = None
        self.user: str | None = None
        # Where the sign-in is (or would be) kept: a private file, or None for the keyring.
        self.secret_file: Path | None = None
        self.secret_known = False
        self._checkout_key: str | None = None
        self._downloading: set[str] = set()  # entry ids being downloaded
        self._after_sign_in: Callable[[], None] | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.checkout_dialog: CheckoutDialog | None = None
        self.error_box: QMessageBox | None = None
        self._page = QStackedWidget()
        self.catalog = CatalogPage(context.formats)
        self.entry_page = EntryPage(context.formats)
        self._page.addWidget(self.catalog)
        self._page.addWidget(self.entry_page)
        self.side = SidePanel(context.formats)
        self._connect()
        self.catalog.set_stores(self._store_pairs(), None)

    def _connect(self) -> None:
        c, e, s = self.catalog, self.entry_page, self.side
        c.open_requested.connect(self.open_store)
        c.navigate.connect(self.open_page)
        c.search_requested.connect(self.search)
        c.entry_chosen.connect(self.show_entry_page)
        c.back_requested.connect(self.back)
        c.home_requested.connect(lambda: self.url and self.open_page(self.url))
        c.next_requested.connect(
            lambda: self.feed and self.feed.next and self.open_page(self.feed.next.href)
        )
        e.back_requested.connect(lambda: self._page.setCurrentWidget(self.catalog))
        e.get_requested.connect(self.get)
        e.add_to_cart_requested.connect(self.add_to_cart)
        e.buy_requested.connect(self.buy_now)
        e.read_requested.connect(self.read)
        s.sign_in_requested.connect(self.sign_in)
        s.sign_out_requested.connect(self.sign_out)
        s.restore_requested.connect(self.restore)
        s.checkout_requested.connect(self.checkout)
        s.remove_requested.connect(self.remove_from_cart)

    # The ExtraView protocol

    def title(self) -> str:
        return self.tr("Store")

    def page(self) -> QWidget:
        return self._page

    def detail_page(self) -> QWidget | None:
        return self.side

    def issue_actions(self, issue: Issue) -> list[QAction]:
        return []

    def retranslate(self) -> None:
        for part in (self.catalog, self.entry_page, self.side):
            part.formats = self.context.formats
            part.retranslate()
        self.catalog.set_covers(self.images)  # the list was made again in the new words

    def sidebar_entries(self) -> list[ViewEntry]:
        stores = self._stores()
        if not stores:
            return [ViewEntry(self.key, self.tr("Store"))]
        return [ViewEntry(PREFIX + s["url"], s.get("title") or s["url"]) for s in stores]

    def show_entry(self, key: str) -> None:
        if key.startswith(PREFIX):
            url = key[len(PREFIX) :]
            if url != self.url:
                self.open_store(url)

    # The stores the reader added

    def _stores(self) -> list[dict]:
        try:
            stores = json.loads(self.context.settings.get(keys.STORES))
        except ValueError:
            return []
        return [s for s in stores if isinstance(s, dict) and s.get("url")]

    def _store_pairs(self) -> list[tuple[str, str]]:
        return [(s.get("title", ""), s["url"]) for s in self._stores()]

    def _remember_store(self, url: str, title: str) -> None:
        stores = [s for s in self._stores() if s["url"] != url]
        stores.insert(0, {"url": url, "title": title})
        self.context.settings.set(keys.STORES, json.dumps(stores))
        self.catalog.set_stores(self._store_pairs(), url)
        self.window.reload_sidebar()

    # Browsing

    def open_store(self, url: str) -> None:
        self.url = url.strip() or SUGGESTED_STORE
        self.history = []
        self.cart, self.user = None, None
        self.open_page(self.url, first=True)
        self._load_account()

    def open_page(self, url: str, first: bool = False) -> None:
        self.catalog.show_message(self.tr("Opening %1…").replace("%1", url))
        self.context.workers.submit(
            tasks.open_page(url),
            channel="store-page",
            on_done=lambda feed: self._page_arrived(feed, first),
            on_error=self._page_failed,
        )

    def search(self, terms: str) -> None:
        if not terms or self.feed is None or self.url is None:
            return
        self.context.workers.submit(
            tasks.search(self.url, self.feed, terms),
            channel="store-page",
            on_done=lambda feed: self._page_arrived(feed, False),
            on_error=self._page_failed,
        )

    def back(self) -> None:
        if len(self.history) > 1:
            self.history.pop()
            previous = self.history.pop()
            self.open_page(previous)

    def _page_arrived(self, feed: Feed, first: bool) -> None:
        self.feed = feed
        self.history.append(feed.url)
        self._page.setCurrentWidget(self.catalog)
        self.catalog.show_feed(feed)
        self.catalog.set_covers(self.images)
        if first and self.url is not None:
            self._remember_store(self.url, feed.title)
        self._mark_owned()
        wanted = [
            e.thumbnail for e in feed.publications if e.thumbnail and e.thumbnail not in self.images
        ]
        if wanted and self.url:
            self.context.workers.submit(
                tasks.fetch_images(self.url, wanted),
                channel="store-covers",
                on_done=self._images_arrived,
            )

    def _mark_owned(self) -> None:
        """Find (on a worker) which entries of the page the reader owns, and mark them."""
        if self.feed is None or self.url is None or not self.feed.publications:
            return
        feed = self.feed
        self.context.workers.submit(
            tasks.owned_entries(self.url, self.context.library.root, feed),
            channel="store-owned",
            on_done=lambda owned: self._owned_arrived(feed, owned),
        )

    def _owned_arrived(self, feed: Feed, owned: tasks.Owned) -> None:
        if self.feed is feed and shiboken6.isValid(self.catalog):  # not after the window closed
            self.catalog.set_owned(owned.entries, self.images)

    def _page_failed(self, error: BaseException) -> None:
        self.catalog.show_message(user_sentence(error))

    def _images_arrived(self, found: dict[str, QImage]) -> None:
        if not shiboken6.isValid(self.catalog):
            return  # the window closed before the covers came
        for address, image in found.items():  # decoded and made small on the worker
            self.images[address] = QPixmap.fromImage(image)
        self.catalog.set_covers(self.images)
        entry = self.entry_page.entry
        if entry is not None:
            self.entry_page.set_cover(
                self.images.get(entry.cover or "") or self.images.get(entry.thumbnail or "")
            )

    def show_entry_page(self, entry: Entry) -> None:
        self.entry_page.show_entry(entry, self._owned_issue(entry), self._can_buy(entry))
        self.entry_page.set_cover(
            self.images.get(entry.cover or "") or self.images.get(entry.thumbnail or "")
        )
        self._page.setCurrentWidget(self.entry_page)
        if entry.cover and entry.cover not in self.images and self.url:
            self.context.workers.submit(
                tasks.fetch_images(self.url, [entry.cover]), on_done=self._images_arrived
            )

    def _owned_issue(self, entry: Entry) -> int | None:
        return tasks.library_issue(
            entry, self.context.library, self.feed.title if self.feed else ""
        )

    def _can_buy(self, entry: Entry) -> bool:
        return issue_id_of(entry.id) is not None

    # Getting and reading

    def get(self, entry: Entry) -> None:
        if self.url is None:
            return
        if entry.id in self._downloading:
            return  # one download of a file at a time
        self._downloading.add(entry.id)
        self.entry_page.get.setEnabled(False)
        row = self.side.add_download(entry_name(entry), None)

        def ended(words: Words = "", acquired: list | None = None) -> None:
            self._downloading.discard(entry.id)
            self.entry_page.get.setEnabled(True)
            if acquired is not None:
                self._acquired(acquired, row)
            else:
                row.fail(words)

        row.handle = self.context.workers.submit(
            tasks.get_free(self.url, self.context.library.root, entry),
            name=self.tr("Downloading %1").replace("%1", entry_name(entry)),
            on_progress=row.progress,
            on_done=lambda acquired: ended(acquired=[acquired]),
            on_error=lambda error: ended(lambda: user_sentence(error)),
            on_cancelled=lambda: ended(lambda: self.tr("Cancelled; nothing was kept.")),
        )

    def _acquired(self, acquired: list[Acquired], row: DownloadRow) -> None:
        notes = [note[:1].upper() + note[1:] + "." for a in acquired for note in a.notes]
        if acquired:
            row.set_title("; ".join(acquired_name(a) for a in acquired))
        row.finish(lambda: " ".join([self.tr("In your library."), *notes]), self._folder(acquired))
        self._mark_owned()
        ids = [a.issue_id for a in acquired]
        self.window.refresh_after_change(ids)
        if self.window.centre.currentWidget() is self._page:
            self.window.detail.show_page(self.key)  # the list's selection took the pane
        entry = self.entry_page.entry
        if entry is not None and self._page.currentWidget() is self.entry_page:
            self.show_entry_page(entry)

    def _folder(self, acquired: list[Acquired]) -> Path | None:
        """The folder that holds what arrived (the first file's, when several came)."""
        for one in acquired:
            try:
                return self.context.library.file_path(one.file).parent
            except BookstoreError:  # a stored path outside the files folder: none to show
                continue
        return None

    def read(self, issue_id: int | None) -> None:
        from bookstore.gui.reader.reader import open_reader

        if issue_id is not None:
            open_reader(self.context, self.context.library.get(issue_id), self.window)

    # Account

    def _load_account(self) -> None:
        if self.url is None:
            return
        self.context.workers.submit(
            tasks.account_state(self.url),
            channel="store-account",
            on_done=self._account_arrived,
            on_error=lambda error: self.side.show_account(
                None, None, known=not isinstance(error, SignInRequired)
            ),
        )

    def _account_arrived(self, state: tasks.AccountState) -> None:
        signed_in_now = state.user is not None and state.user != self.user
        self.user, self.cart = state.user, state.cart
        self.secret_file, self.secret_known = state.secret_file, True
        self.side.show_account(state.user, state.cart, known=state.has_accounts)
        self.side.show_keeping(state.secret_file if state.user else None, bool(state.user))
        if signed_in_now:
            self._mark_owned()  # the account's purchases are owned too
        then, self._after_sign_in = self._after_sign_in, None
        if state.user is not None and then is not None:
            then()

    def sign_in(self, then: Callable[[], None] | None = None) -> None:
        """Ask for the account (window-modal, not blocking); ``then`` runs once signed in."""
        if self.url is None:
            return
        self._after_sign_in = then
        dialog = SignInDialog(self.url, self.secret_file, self.secret_known, self.window)
        self.sign_in_dialog = dialog
        dialog.submitted.connect(lambda: self._signing_in(dialog))
        dialog.open()

    def _signing_in(self, dialog: SignInDialog) -> None:
        if self.url is None:
            return
        self.context.workers.submit(
            tasks.sign_in(
                self.url,
                dialog.email.text().strip(),
                dialog.password.text(),
                dialog.register.isChecked(),
                dialog.name.text().strip(),
            ),
            on_done=lambda state: (dialog.succeeded(), self._account_arrived(state)),
            on_error=lambda error: self._dialog_failed(dialog, error, self.tr("Signing in failed")),
        )

    def _dialog_failed(
        self, dialog: SignInDialog | CheckoutDialog, error: BaseException, title: str
    ) -> None:
        """An error the reader can fix stays in the dialog, beside its field; any other
        closes it and gets a message box."""
        if not dialog.failed(error):
            dialog.reject()
            self._error(error, title)

    def sign_out(self) -> None:
        if self.url is None:
            return
        self.context.workers.submit(
            tasks.sign_out(self.url),
            on_done=self._account_arrived,
            on_error=lambda error: self._error(error),
        )

    def restore(self) -> None:
        if self.url is None:
            return
        row = self.side.add_download(lambda: self.tr("Restoring your purchases"), None)
        row.handle = self.context.workers.submit(
            tasks.restore(self.url, self.context.library.root),
            name=self.tr("Restoring purchases"),
            on_progress=row.progress,
            on_done=lambda acquired: self._acquired(acquired, row),
            on_error=lambda error: row.fail(lambda: user_sentence(error)),
            on_cancelled=lambda: row.fail(
                lambda: self.tr("Cancelled; nothing half-written was kept.")
            ),
        )

    def _error(self, error: BaseException, title: str = "") -> None:
        """An error dialog that does not block (window-modal); kept for the tests to read."""
        box = error_dialog(self.window, error, title)
        self.error_box = box
        box.open()

    # Cart and checkout

    def add_to_cart(self, entry: Entry, then_checkout: bool = False) -> None:
        issue_id = issue_id_of(entry.id)
        if self.url is None or issue_id is None:
            return
        if self.user is None:
            self.sign_in(then=lambda: self.add_to_cart(entry, then_checkout))
            return
        self.context.workers.submit(
            tasks.add_to_cart(self.url, issue_id),
            on_done=lambda cart: self._cart_arrived(cart, then_checkout),
            on_error=lambda error: self._error(error),
        )

    def buy_now(self, entry: Entry) -> None:
        self.add_to_cart(entry, then_checkout=True)

    def remove_from_cart(self, issue_id: int) -> None:
        if self.url is None:
            return
        self.context.workers.submit(
            tasks.remove_from_cart(self.url, issue_id),
            on_done=self._cart_arrived,
            on_error=lambda error: self._error(error),
        )

    def _cart_arrived(self, cart: Cart, then_checkout: bool = False) -> None:
        self.cart = cart
        self.side.show_account(self.user, cart)
        if then_checkout:
            self.checkout()

    def checkout(self) -> None:
        if self.url is None or self.cart is None or not self.cart.items:
            return
        dialog = CheckoutDialog(self.cart, self.context.formats, self.window)
        self.checkout_dialog = dialog
        dialog.submitted.connect(lambda: self.pay(dialog.card(), dialog))
        dialog.open()

    def pay(self, card: Card, dialog: CheckoutDialog | None = None) -> None:
        """Charge the card; the dialog stays open until the store has (its first progress
        report), and a card the store refuses is said in it."""
        if self.url is None:
            return
        # One key per attempt at paying for this cart: a retry after a lost answer is
        # recognised by the store and never charged twice.
        self._checkout_key = self._checkout_key or str(uuid.uuid4())
        names = cart_names(self.cart.items) if self.cart else ""
        rows: list[DownloadRow] = []

        def row() -> DownloadRow:  # made once the card is charged
            if not rows:
                rows.append(self.side.add_download(names or self.tr("Your order"), handle))
                if dialog is not None:
                    dialog.succeeded()
            return rows[0]

        handle = self.context.workers.submit(
            tasks.checkout(self.url, self.context.library.root, card, self._checkout_key),
            name=self.tr("Checkout"),
            on_progress=lambda fraction, message: row().progress(fraction, message),
            on_done=lambda purchase: self._paid(purchase, row()),
            on_error=lambda error: self._payment_failed(error, rows, dialog),
        )

    def _paid(self, purchase: Purchase, row: DownloadRow) -> None:
        self._checkout_key = None
        self._acquired(purchase.acquired, row)
        row.finish(lambda: self._paid_text(purchase), row.folder)
        self._load_account()

    def _paid_text(self, purchase: Purchase) -> str:
        gross = purchase.order.gross
        total = self.context.formats.price(gross) if gross else ""
        return (
            self.tr("Order %1 is paid (%2). The receipt is in %3.")
            .replace("%1", purchase.order.number)
            .replace("%2", total)
            .replace("%3", str(purchase.receipt or ""))
        )

    def _payment_failed(
        self, error: BaseException, rows: list[DownloadRow], dialog: CheckoutDialog | None
    ) -> None:
        if isinstance(error, PaymentFailed):
            self._checkout_key = None  # a refused card: the next try is a new payment
        for row in rows:  # paid, then a download failed
            row.fail(lambda: user_sentence(error))
        if dialog is not None and not rows:
            self._dialog_failed(dialog, error, self.tr("Payment failed"))
        else:
            self._error(error, self.tr("Payment failed"))
        self._load_account()
