"""The window reopens where it was left: the sidebar's choice, the search, the issue."""

from __future__ import annotations

from bookstore.gui import settings as keys
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.gui.widgets.sidebar import SavedTarget
from bookstore.library.listing import Scope
from bookstore.library.saved_searches import save_search
from tests.gui.conftest import close_window


def reopened(context) -> MainWindow:
    again = MainWindow(context)
    again.load()
    return again


def test_the_window_reopens_on_the_last_view_search_and_issue(window, qtbot, wait_listing):
    library = window.context.library
    series = library.series()[0]
    assert window.sidebar.choose(Scope(series=series.slug))
    window.search.set_text("the")
    wait_listing(window)
    assert window.model.rowCount() >= 2
    window.select_row(1)
    chosen = window.selected_ids()
    window.save_state()
    again = reopened(window.context)
    try:
        assert again.sidebar.current_target() == Scope(series=series.slug)
        assert again.search.text() == "the"
        assert again.selected_ids() == chosen
        assert set(again.model.ids()) <= {i.id for i in library.list_issues(series=series.slug)}
    finally:
        close_window(again)


def test_a_saved_search_is_reopened_and_a_place_elsewhere_is_not(window, qtbot, wait_listing):
    save_search(window.context.library, "Nuclear", "nuclear")
    window.reload_sidebar()
    assert window.sidebar.choose(SavedTarget("Nuclear", "nuclear"))
    wait_listing(window)
    window.save_state()
    again = reopened(window.context)
    try:
        assert again.sidebar.current_target() == SavedTarget("Nuclear", "nuclear")
        assert again.search.text() == "nuclear"
    finally:
        close_window(again)
    settings = window.context.settings
    settings.set(keys.WINDOW_PLACE, settings.get(keys.WINDOW_PLACE).replace("library", "libr"))
    for kept in (settings.get(keys.WINDOW_PLACE), "{not json", '{"scope": {"year": "x"}}'):
        settings.set(keys.WINDOW_PLACE, kept)
        again = reopened(window.context)
        try:
            assert again.sidebar.current_target() == Scope()  # all issues, as at first
            assert again.search.text() == ""
        finally:
            close_window(again)
