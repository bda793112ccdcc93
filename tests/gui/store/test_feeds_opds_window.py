"""The Feeds page with a store's own OPDS feeds: a navigation catalog is refused with
its sentence, an acquisition feed brings its issues with their prices."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_subscribing_to_the_stores_catalog_pages(qtbot, store_window, served, screenshot):
    base, _ = served
    window = store_window
    feeds = window.views["feeds"]
    window.show_view("feeds")
    feeds.address.setText(base + "/opds")
    qtbot.mouseClick(feeds.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "navigation catalog" in feeds.status.text(), timeout=30000)
    assert base + "/opds/new" in feeds.status.text() and feeds.feeds.count() == 0
    screenshot(window, "store-feeds-navigation-refused-en")
    feeds.address.setText(base + "/opds/new")
    qtbot.mouseClick(feeds.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: feeds.feeds.count() == 1 and feeds.items.count() > 0, timeout=30000)
    library = window.context.library
    library.changed()
    assert library.count() == feeds.items.count()
    assert {s.slug for s in library.series()} == {
        "bulletin", "report", "spotlight", "policy-paper", "strategic-file"
    }  # fmt: skip
    assert any(i.price is not None for i in library.list_issues())
