"""The Store and Feeds views in Polish and Russian: words, prices and dates in the UI's
language, and none of the language before a switch left behind (a finished download,
the feeds' status); screenshots of each screen (catalog, entry, cart, checkout,
downloads, feeds) in each language."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bookstore.gui.dialogs.settings_dialog import set_language
from tests.gui.store.conftest import entry_of, open_page, wait_page
from tests.gui.test_languages import visible_texts
from tests.i18n.catalog_files import window_entries

WORDS = {
    "pl": {
        "buy": "Kup",
        "test": "PŁATNOŚCI TESTOWE",
        "currency": "zł",
        "feeds": "Kanały",
        "done": "Jest w Twojej bibliotece.",
        "nothing new": "0 nowych numerów.",
    },
    "ru": {
        "buy": "Купить",
        "test": "ТЕСТОВЫЕ ПЛАТЕЖИ",
        "currency": "PLN",
        "feeds": "Ленты",
        "done": "Есть в вашей библиотеке.",
        "nothing new": "0 новых выпусков.",
    },
}


def _catalog_texts(language: str) -> dict[tuple[str, str, str], set[str]]:
    """Each message of the window's catalog, as ``language`` says it (every plural form);
    English is the source, with the plurals of its own catalog."""
    english_plurals = {(e.context, e.source): set(e.forms) for e in window_entries("en")}
    said: dict[tuple[str, str, str], set[str]] = {}
    for entry in window_entries("pl" if language == "en" else language):
        key = (entry.context, entry.source)
        english = english_plurals.get(key) or {entry.source}
        said[("bookstore", *key)] = english if language == "en" else set(entry.forms)
    return said


def _stale_patterns(old: str, new: str) -> list[re.Pattern[str]]:
    """The old language's words that the new one says otherwise, as patterns matching
    them filled in (%n stands for a number, %1 and {name} for anything)."""
    old_texts, new_texts = _catalog_texts(old), _catalog_texts(new)
    everything_new = set().union(*new_texts.values())
    patterns = []
    for key, texts in old_texts.items():
        for text in texts - new_texts[key] - everything_new:
            for variant in {text, text.replace("&", "")}:
                pattern = re.escape(variant).replace("%n", r"[\d\s.,]+")  # a count
                pattern = re.sub(r"%\d|\\\{\w+\\\}", ".+", pattern)
                if len(re.sub(r"\.\+|\[.*?\]\+|\W", "", pattern)) >= 3:  # words, not only fields
                    patterns.append(re.compile(pattern + r"\Z", re.S))
    return patterns


def _left_over(window, patterns: list[re.Pattern[str]]) -> list[str]:
    """The texts of ``window`` and of its open dialogs that match ``patterns``."""
    texts = visible_texts(window, open_only=True)
    return sorted({t for t in texts if any(p.match(t) for p in patterns)})


def _refresh_feeds(qtbot, feeds) -> None:
    qtbot.mouseClick(feeds.refresh, Qt.MouseButton.LeftButton)
    reading = feeds.status.text()
    qtbot.waitUntil(lambda: feeds.status.text() != reading, timeout=30000)


def _get(qtbot, view, entry) -> None:
    view.show_entry_page(entry)
    qtbot.mouseClick(view.entry_page.get, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.entry_page.read.isVisible(), timeout=20000)


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
    wait_page(qtbot, view)
    view.sign_in()
    view.sign_in_dialog.email.setText("polyglot@example.org")
    view.sign_in_dialog.password.setText("correct horse battery")
    view.sign_in_dialog.register.setChecked(True)
    view.sign_in_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.user is not None, timeout=20000)
    open_page(qtbot, view, base + "/opds/new", "Newest issues")
    qtbot.waitUntil(lambda: len(view.images) >= len(view.feed.publications), timeout=20000)
    view.add_to_cart(entry_of(view, free=False))
    qtbot.waitUntil(lambda: view.cart is not None and len(view.cart.items) == 1, timeout=20000)
    free = [e for e in view.feed.publications if e.is_free]
    assert len(free) >= 3
    _get(qtbot, view, free[2])  # a download finished in English
    before = "en"
    for number, (language, words) in enumerate(WORDS.items()):
        stale = _stale_patterns(before, language)
        assert _left_over(window, stale)  # the check sees the words of the language shown
        set_language(window, language)
        left = _left_over(window, stale)
        assert left == [], "\n".join(left)
        window.show_view("store")
        view._page.setCurrentWidget(view.catalog)
        assert words["currency"] in view.catalog.entries.item(1).text() or any(
            words["currency"] in view.catalog.entries.item(i).text()
            for i in range(view.catalog.entries.count())
        )
        screenshot(window, f"store-catalog-{language}")
        view.show_entry_page(entry_of(view, free=False))
        assert view.entry_page.buy.text() == words["buy"]
        assert words["currency"] in view.entry_page.price.text()
        screenshot(window, f"store-entry-{language}")
        view.show_entry_page(free[number])
        _get(qtbot, view, free[number])
        assert view.entry_page.status.text() == words["done"]
        assert view.side.download_rows()[0].state.text() == words["done"]
        screenshot(window, f"store-cart-downloads-{language}")
        view.checkout()
        dialog = view.checkout_dialog
        assert dialog.banner.isVisible() and dialog.banner.text().startswith(words["test"])
        screenshot(dialog, f"store-checkout-{language}")
        dialog.reject()
        window.show_view("feeds")
        assert feeds.title() == words["feeds"]
        assert any(e.title == words["feeds"] for e in feeds.sidebar_entries())
        _refresh_feeds(qtbot, feeds)  # the status in this language, to be switched next
        assert feeds.status.text() == words["nothing new"]
        screenshot(window, f"store-feeds-{language}")
        before = language
    stale = _stale_patterns(before, "en")
    set_language(window, "en")
    left = _left_over(window, stale)
    assert left == [], "\n".join(left)
