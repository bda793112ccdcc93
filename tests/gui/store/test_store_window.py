"""The reader's story in the window: open our store, browse with covers, get a free
issue and read it, sign up, buy (declined, then paid with the test card), see the
downloads, restore, sign out; feeds with unread counts. Screenshots in each language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from bookstore.gui.reader.reader import ReaderWindow
from tests.gui.store.conftest import entry_of, open_page, wait_page

PAYS, DECLINED = "4242 4242 4242 4242", "4000 0000 0000 0002"


def test_browse_get_read_buy_restore(qtbot, store_window, served, screenshot):
    base, _ = served
    window = store_window
    view = window.views["store"]
    window.show_view("store")
    view.open_store(base + "/opds")
    wait_page(qtbot, view, "Bookstore catalog")
    assert view.sidebar_entries()[0].key == "store/" + base + "/opds"
    assert view.sidebar_entries()[0].title == "Bookstore catalog"
    open_page(qtbot, view, base + "/opds/issues", "All issues")
    facets = [w for w in view.catalog.findChildren(QComboBox) if w.accessibleName() == "Language"]
    assert facets and facets[0].count() >= 3
    polish = next(
        i
        for i in range(facets[0].count())
        if facets[0].itemText(i).lower().startswith(("polish", "polski"))
    )
    facets[0].activated.emit(polish)
    qtbot.waitUntil(
        lambda: view.feed.url.endswith("language=pl") or "language=pl" in view.feed.url,
        timeout=20000,
    )
    assert view.feed.publications and all(e.language == "pl" for e in view.feed.publications)
    open_page(qtbot, view, base + "/opds/new", "Newest issues")
    qtbot.waitUntil(lambda: len(view.images) >= len(view.feed.publications), timeout=20000)
    items = view.catalog.entries
    assert items.count() == len(view.feed.publications)
    assert "Free" in items.item(0).text() or "PLN" in items.item(0).text()
    screenshot(window, "store-catalog-en")

    free = entry_of(view, free=True)
    view.show_entry_page(free)
    page = view.entry_page
    assert page.get.isVisible() and not page.buy.isVisible()
    qtbot.mouseClick(page.get, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.read.isVisible(), timeout=20000)
    issue_id = page.owned_issue
    assert window.context.library.get(issue_id).owned
    screenshot(window, "store-entry-owned-en")
    qtbot.mouseClick(page.read, Qt.MouseButton.LeftButton)
    readers = window.findChildren(ReaderWindow)
    assert readers and readers[-1].issue.id == issue_id
    readers[-1].close()

    priced = entry_of(view, free=False)
    view.show_entry_page(priced)
    assert page.buy.isVisible() and page.add_to_cart.isVisible()
    assert page.price.text().startswith("PLN")  # en_GB writes PLN45.00
    qtbot.mouseClick(page.add_to_cart, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.sign_in_dialog is not None and view.sign_in_dialog.isVisible(), timeout=5000
    )
    dialog = view.sign_in_dialog
    dialog.email.setText("window@example.org")
    dialog.password.setText("correct horse battery")
    dialog.register.setChecked(True)
    screenshot(dialog, "store-sign-in-en")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: (
            view.user == "window@example.org"
            and view.cart is not None
            and len(view.cart.items) == 1
        ),
        timeout=20000,
    )
    side = view.side
    assert side.sign_out.isVisible() and side.checkout.isEnabled()
    assert "PLN" in side.total.text()
    screenshot(window, "store-cart-en")

    qtbot.mouseClick(side.checkout, Qt.MouseButton.LeftButton)
    checkout = view.checkout_dialog
    assert checkout is not None and checkout.isVisible()
    assert checkout.banner.isVisible() and "TEST PAYMENTS" in checkout.banner.text()
    assert "4242 4242 4242 4242" in checkout.banner.text()
    checkout.number.setText(DECLINED)
    screenshot(checkout, "store-checkout-en")
    checkout.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    note = checkout.notes["number"]
    qtbot.waitUntil(lambda: note.isVisible(), timeout=20000)
    assert "declined" in note.sentence.lower()  # beside the card, in the dialog still open
    assert checkout.isVisible() and checkout.number.text() == DECLINED
    assert view.error_box is None
    screenshot(checkout, "store-checkout-declined-en")
    qtbot.waitUntil(lambda: view.cart is not None and len(view.cart.items) == 1, timeout=20000)

    checkout.number.setText(PAYS)
    checkout.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not checkout.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: view.cart is not None and not view.cart.items, timeout=30000)
    qtbot.waitUntil(lambda: page.read.isVisible(), timeout=20000)
    bought = window.context.library.get(page.owned_issue)
    assert bought.owned and bought.title == priced.title and bought.sections
    screenshot(window, "store-downloads-en")

    qtbot.mouseClick(side.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.context.workers.busy(), timeout=30000)
    qtbot.mouseClick(side.sign_out, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.user is None, timeout=20000)
    assert side.sign_in.isVisible() and not side.restore.isEnabled()


def test_feeds_in_the_sidebar_with_unread_counts(qtbot, store_window, served, screenshot):
    base, _ = served
    window = store_window
    feeds = window.views["feeds"]
    window.show_view("feeds")
    feeds.address.setText(base + "/rss/spotlight")
    qtbot.mouseClick(feeds.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: feeds.feeds.count() == 1 and feeds.items.count() > 0, timeout=30000)
    entries = feeds.sidebar_entries()
    assert entries[0].key == "feeds" and int(entries[0].count) == feeds.items.count()
    assert entries[1].title.strip() == "Bookstore: PISM Spotlight"
    screenshot(window, "store-feeds-en")
    feeds.items.setCurrentRow(0)
    feeds._open_item(feeds.items.item(0))
    assert int(feeds.sidebar_entries()[1].count) == feeds.items.count() - 1
    feeds.address.setText("http://127.0.0.1:1/rss")
    qtbot.mouseClick(feeds.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not reach" in feeds.status.text().lower(), timeout=20000)
    qtbot.mouseClick(feeds.refresh, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "new issue" in feeds.status.text(), timeout=30000)
    assert feeds.feeds.count() == 1


def test_an_unreachable_store_and_a_catalog_without_accounts(qtbot, store_window, server):
    view = store_window.views["store"]
    store_window.show_view("store")
    view.open_store("http://127.0.0.1:1/opds")
    qtbot.waitUntil(lambda: "could not reach" in view.catalog.notice.text().lower(), timeout=20000)
    assert view.feed is None
    server.add(
        "/opds", '<feed xmlns="http://www.w3.org/2005/Atom"><title>Plain</title><id>x</id></feed>'
    )
    view.open_store(server.url("/opds"))
    wait_page(qtbot, view, "Plain")
    qtbot.waitUntil(lambda: "no accounts" in view.side.account.text(), timeout=20000)
    assert not view.side.sign_in.isVisible()
    assert "empty" in view.catalog.notice.text()


def test_a_download_is_cancelled_from_the_downloads_panel(qtbot, store_window, server):
    import os

    server.add(
        "/opds",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Slow</title><id>x</id>'
        "<entry><title>Slow brief</title><id>urn:x:slow</id>"
        '<link rel="http://opds-spec.org/acquisition/open-access" type="application/epub+zip" href="/slow.epub"/>'
        "</entry></feed>",
    )
    server.add_file("/slow.epub", b"PK\x03\x04" + os.urandom(2_000_000), stall_after=200_000)
    view = store_window.views["store"]
    store_window.show_view("store")
    view.open_store(server.url("/opds"))
    wait_page(qtbot, view, "Slow")
    view.show_entry_page(view.feed.publications[0])
    qtbot.mouseClick(view.entry_page.get, Qt.MouseButton.LeftButton)
    assert not view.entry_page.get.isEnabled()  # not twice at once
    row = view.side.downloads.itemAt(0).widget()
    qtbot.waitUntil(lambda: row.bar.value() > 0 or row.state.text() != "", timeout=10000)
    qtbot.mouseClick(row.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled" in row.state.text(), timeout=10000)
    assert view.entry_page.get.isEnabled()
    assert store_window.context.library.count() == 0
