"""The window shrinks to about 800 px wide in every language, the library's views with
nothing clipped: at the smallest size each label and button shows its whole text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from bookstore.gui.main_window import MainWindow
from bookstore.gui.series_gaps_view import SeriesGapsView

# The views this module measures; the Store's pages are measured by their own tests.
VIEWS = ("library", "series-gaps")


@pytest.fixture
def gaps_window(window: MainWindow) -> MainWindow:
    window.add_view(SeriesGapsView(window.context, window))
    return window


def show(window: MainWindow, view: str, qtbot) -> None:
    if view == "library":
        window.show_everything()
    else:
        window.show_view(view)
    qtbot.wait(50)  # the words of a new language are measured when the layouts run


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
    window.context.translations.apply(language)
    show(window, view, qtbot)
    smallest = window.minimumSizeHint()
    assert smallest.width() <= 800, (language, view, smallest.width())
    window.resize(smallest.width(), 560)
    qtbot.waitUntil(lambda: window.width() == smallest.width())
    qtbot.wait(50)
    assert clipped(window) == []


def test_a_wider_view_widens_the_window_and_the_library_lets_it_shrink_again(
    gaps_window: MainWindow, qtbot
):
    window = gaps_window
    window.context.translations.apply("ru")
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
