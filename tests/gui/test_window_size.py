"""The window shrinks to about 800 px wide in every language, each view with nothing
clipped: at the smallest size each label and button shows its whole text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from bookstore.gui.dialogs.settings_dialog import set_language
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.gui.main_window.series_gaps_view import SeriesGapsView
from bookstore.gui.store.feeds_view import FeedsView
from bookstore.gui.store.store_view import StoreView
from bookstore.store.opds.atom_reader import parse_atom

VIEWS = ("library", "series-gaps", "store", "feeds")
OPDS = Path(__file__).resolve().parents[1] / "data" / "opds"


@pytest.fixture
def gaps_window(window: MainWindow) -> MainWindow:
    for view in (SeriesGapsView, StoreView, FeedsView):
        window.add_view(view(window.context, window))
    return window


def show(window: MainWindow, view: str, qtbot) -> None:
    if view == "library":
        window.show_everything()
    else:
        window.show_view(view)
    qtbot.wait(50)
    settle()


def settle() -> None:
    """Run the layouts now: the words of a new language are measured when they run, and
    each nested layout asks its parent's in an event of its own."""
    for _ in range(12):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def clipped(window: MainWindow) -> list[str]:
    """Labels and buttons shown narrower than their text needs."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if not widget.text() or widget.visibleRegion().isEmpty():
            continue  # no words, or scrolled out of sight
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        needed = widget.minimumSizeHint() if wraps else widget.sizeHint()
        if needed.width() > widget.width() + 1:
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: {needed.width()} > {widget.width()}"
            )
    return found


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
@pytest.mark.parametrize("view", VIEWS)
def test_the_window_shrinks_to_800_px_with_nothing_clipped(
    gaps_window: MainWindow, qtbot, language: str, view: str
):
    window = gaps_window
    set_language(window, language)
    show(window, view, qtbot)
    at_smallest(window, qtbot)
    assert clipped(window) == []


def at_smallest(window: MainWindow, qtbot) -> int:
    """Make the window as narrow as it lets itself be, no wider than 800 px."""
    smallest = window.minimumSizeHint().width()
    assert smallest <= 800, smallest
    window.resize(smallest, 560)
    qtbot.waitUntil(lambda: window.width() == smallest)
    qtbot.wait(50)
    return smallest


def facet_feed():
    """A catalog page with three facet groups (language, year, series), each a list."""
    body = (OPDS / "acquisition.xml").read_text(encoding="utf-8")
    more = "".join(
        f'<link rel="http://opds-spec.org/facet" href="new.xml?f={n}" title="{title}" '
        f'opds:facetGroup="{group}" thr:count="{n}"/>'
        for n, (group, title) in enumerate(
            [("Year", "2019"), ("Year", "2018"), ("Series", "Strategic File"), ("Series", "Report")]
        )
    )
    return parse_atom(body.replace("<entry>", more + "<entry>", 1).encode(), "http://store/new.xml")


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_a_catalog_page_with_its_facets_fits_800_px(gaps_window: MainWindow, qtbot, language):
    window = gaps_window
    set_language(window, language)
    show(window, "store", qtbot)
    store = window.views["store"]
    store.catalog.show_feed(facet_feed())
    lists = [
        box for box in store.catalog.findChildren(QComboBox) if box is not store.catalog.address
    ]
    assert len(lists) == 3
    at_smallest(window, qtbot)
    assert clipped(window) == []
    right = store.catalog.contentsRect().right()
    for box in lists:  # the lists wrap onto more rows rather than run off the page
        assert box.mapTo(store.catalog, box.rect().topRight()).x() <= right


def test_the_narrow_feeds_view_puts_the_items_under_the_subscriptions(
    gaps_window: MainWindow, qtbot
):
    window = gaps_window
    show(window, "feeds", qtbot)
    split = window.views["feeds"].split
    at_smallest(window, qtbot)
    qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Vertical)
    window.resize(1600, 560)
    qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Horizontal)


def test_the_narrow_library_says_search_whole_and_the_wide_one_says_how(
    gaps_window: MainWindow, qtbot
):
    window = gaps_window
    set_language(window, "ru")
    show(window, "library", qtbot)
    edit = window.search.edit
    at_smallest(window, qtbot)
    assert edit.placeholderText() == "Поиск"
    room = edit.width() - 30  # less the frame and the clear button's place
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room
    assert edit.toolTip().startswith("Поиск: слова")  # the whole hint, when the field is short
    window.resize(1280, 560)
    qtbot.waitUntil(lambda: edit.placeholderText().startswith("Поиск: слова"))
    assert edit.toolTip() == ""


def test_a_cut_sidebar_row_has_its_whole_text_as_a_tooltip(gaps_window: MainWindow, qtbot):
    window = gaps_window
    set_language(window, "ru")
    show(window, "library", qtbot)
    at_smallest(window, qtbot)
    sidebar = window.sidebar
    rows = {
        index.data(): index for index in sidebar._indexes() if sidebar.visualRect(index).width()
    }
    cut, whole = rows["Сохранённые поиски"], rows["Библиотека"]
    assert sidebar.is_cut(cut) and sidebar.tip(cut) == "Сохранённые поиски"
    assert not sidebar.is_cut(whole) and sidebar.tip(whole) == ""
    window.resize(1280, 560)
    qtbot.waitUntil(lambda: window.width() == 1280)
    window.splitter.setSizes([400, 500, 380])  # a sidebar wide enough for every row
    qtbot.waitUntil(lambda: not sidebar.is_cut(cut))
    assert sidebar.tip(cut) == ""


def test_a_wider_view_widens_the_window_and_the_library_lets_it_shrink_again(
    gaps_window: MainWindow, qtbot
):
    window = gaps_window
    set_language(window, "ru")
    show(window, "library", qtbot)
    library = window.minimumSizeHint().width()
    window.resize(library, 560)
    qtbot.waitUntil(lambda: window.width() == library)
    show(window, "series-gaps", qtbot)
    gaps = window.minimumSizeHint().width()
    assert gaps > library  # the page shown sets the window's minimum, not the widest page
    qtbot.waitUntil(lambda: window.width() >= gaps)  # the window grew to show it whole
    assert clipped(window) == []
    show(window, "library", qtbot)
    qtbot.waitUntil(lambda: window.minimumSize().width() == library)  # may shrink again
    window.resize(library, 560)
    qtbot.waitUntil(lambda: window.width() == library)
