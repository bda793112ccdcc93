"""The Store and Feeds views in Polish and Russian: words, prices and dates in the UI's
language; screenshots of each screen (catalog, entry, cart, checkout, downloads,
feeds) in each language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bookstore.gui.settings_dialog import set_language
from tests.gui.store_window.test_store_window import _entry, _open, _wait_page

WORDS = {
    "pl": {
        "buy": "Kup",
        "test": "PŁATNOŚCI TESTOWE",
        "currency": "zł",
        "feeds": "Kanały",
        "done": "Jest w Twojej bibliotece.",
    },
    "ru": {
        "buy": "Купить",
        "test": "ТЕСТОВЫЕ ПЛАТЕЖИ",
        "currency": "PLN",
        "feeds": "Ленты",
        "done": "Есть в вашей библиотеке.",
    },
}


def test_store_screens_in_polish_and_russian(qtbot, store_window, served, screenshot):
    base, _ = served
    window = store_window
    view, feeds = window.views["store"], window.views["feeds"]
    window.show_view("feeds")
    feeds.address.setText(base + "/rss/spotlight")
    qtbot.mouseClick(feeds.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: feeds.items.count() > 0, timeout=30000)
    window.show_view("store")
    view.open_store(base + "/opds")
    _wait_page(qtbot, view)
    view.sign_in()
    view.sign_in_dialog.email.setText("polyglot@example.org")
    view.sign_in_dialog.password.setText("correct horse battery")
    view.sign_in_dialog.register.setChecked(True)
    view.sign_in_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.user is not None, timeout=20000)
    _open(qtbot, view, base + "/opds/new", "Newest issues")
    qtbot.waitUntil(lambda: len(view.images) >= len(view.feed.publications), timeout=20000)
    view.add_to_cart(_entry(view, free=False))
    qtbot.waitUntil(lambda: view.cart is not None and len(view.cart.items) == 1, timeout=20000)
    free = [e for e in view.feed.publications if e.is_free]
    for number, (language, words) in enumerate(WORDS.items()):
        set_language(window, language)
        window.show_view("store")
        view._page.setCurrentWidget(view.catalog)
        assert words["currency"] in view.catalog.entries.item(1).text() or any(
            words["currency"] in view.catalog.entries.item(i).text()
            for i in range(view.catalog.entries.count())
        )
        screenshot(window, f"store-catalog-{language}")
        view.show_entry_page(_entry(view, free=False))
        assert view.entry_page.buy.text() == words["buy"]
        assert words["currency"] in view.entry_page.price.text()
        screenshot(window, f"store-entry-{language}")
        view.show_entry_page(free[number])
        qtbot.mouseClick(view.entry_page.get, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.entry_page.read.isVisible(), timeout=20000)
        assert view.entry_page.status.text() == words["done"]
        screenshot(window, f"store-cart-downloads-{language}")
        view.checkout()
        dialog = view.checkout_dialog
        assert dialog.banner.isVisible() and dialog.banner.text().startswith(words["test"])
        screenshot(dialog, f"store-checkout-{language}")
        dialog.reject()
        window.show_view("feeds")
        assert feeds.title() == words["feeds"]
        assert any(e.title == words["feeds"] for e in feeds.sidebar_entries())
        screenshot(window, f"store-feeds-{language}")
    set_language(window, "en")
