"""The main window: the list, the search field, the sidebar, sorting and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bookstore.gui.models.issue_model import DATE, LABEL, TITLE
from bookstore.library.listing import Scope


def titles(window) -> list[str]:
    model = window.model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_the_window_opens_on_every_issue_newest_first(window):
    library = window.context.library
    assert window.model.rowCount() == library.count()
    dates = [issue.date for issue in library.get_many(window.model.ids())]
    assert dates == sorted(dates, reverse=True)
    assert window.count_label.text().startswith(f"{library.count()} issues")


def test_typing_a_query_updates_the_list(window, qtbot, wait_listing):
    library = window.context.library
    window.focus_search()
    qtbot.keyClicks(window.search.edit, "series:spotlight")
    wait_listing(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == library.search_count("series:spotlight"))
    assert all(issue.series.slug == "spotlight" for issue in library.get_many(window.model.ids()))


def test_an_unreadable_query_shows_its_reason_under_the_field(window, qtbot, wait_listing):
    before = window.model.ids()
    window.search.set_text("nuclear (korea")
    wait_listing(window)
    qtbot.waitUntil(window.search.has_problem)
    assert "never closed" in window.search.problem.text()
    assert "position 9" in window.search.problem.text()
    assert window.search.problem.contentsMargins().left() > 20  # the arrow sits under the "("
    assert window.model.ids() == before  # the list stays as it was
    window.search.set_text("nuclear")
    wait_listing(window)
    qtbot.waitUntil(lambda: not window.search.has_problem())


def test_the_sidebar_filters_by_series_year_and_language(window, qtbot, wait_listing):
    library = window.context.library
    issue = library.list_issues()[0]
    assert window.sidebar.choose(Scope(series=issue.series.slug, year=issue.year))
    wait_listing(window)
    chosen = library.get_many(window.model.ids())
    assert chosen and all(
        (i.series.slug, i.year) == (issue.series.slug, issue.year) for i in chosen
    )
    assert window.sidebar.choose(Scope(language="ru"))
    wait_listing(window)
    assert {i.language for i in library.get_many(window.model.ids())} == {"ru"}
    assert window.sidebar.choose(Scope())
    wait_listing(window)
    assert window.model.rowCount() == library.count()


def test_clicking_a_column_header_sorts_by_it(window, qtbot, wait_listing):
    header = window.list.horizontalHeader()
    header.setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
    wait_listing(window)
    shown = titles(window)
    assert shown == sorted(shown, key=str.lower)
    header.setSortIndicator(TITLE, Qt.SortOrder.DescendingOrder)
    wait_listing(window)
    assert titles(window) == sorted(shown, key=str.lower, reverse=True)
    header.setSortIndicator(LABEL, Qt.SortOrder.AscendingOrder)
    wait_listing(window)
    issues = window.context.library.get_many(window.model.ids())
    keys = [(i.series.slug, i.year, i.number) for i in issues]
    assert keys == sorted(keys)
    header.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
    wait_listing(window)
    dates = [i.date for i in window.context.library.get_many(window.model.ids())]
    assert dates == sorted(dates)


def test_choosing_an_issue_shows_it_in_the_detail_pane(window, qtbot):
    window.select_row(0)
    issue = window.context.library.get(window.model.issue_id(0))
    view = window.detail.issue_view
    assert window.detail.currentWidget() is view
    assert view.title.text() == issue.title
    assert view.fields["number"][1].text() == issue.number_label
    window.list.selectAll()
    assert window.detail.currentWidget() is window.detail.empty
    assert str(window.model.rowCount()) in window.detail.empty.text()


def test_a_translation_link_selects_the_other_issue(window, qtbot):
    library = window.context.library
    issue = next(i for i in library.list_issues() if i.translations)
    window.show_issue_id(issue.id)
    window.detail.issue_view.issue_link.emit(issue.translations[0])
    assert window.selected_ids() == [issue.translations[0]]


def test_saving_a_search_puts_it_in_the_sidebar(window, qtbot, monkeypatch, wait_listing):
    from PySide6.QtWidgets import QInputDialog

    window.search.set_text("lang:pl")
    wait_listing(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Polish issues", True))
    window.save_current_search()
    qtbot.waitUntil(lambda: not window.context.writes().busy(), timeout=20000)
    window.search.set_text("")
    wait_listing(window)
    from bookstore.gui.widgets.sidebar import SavedTarget

    assert window.sidebar.choose(SavedTarget("Polish issues", "lang:pl"))
    wait_listing(window)
    assert window.search.text() == "lang:pl"
    assert {i.language for i in window.context.library.get_many(window.model.ids())} == {"pl"}


def test_completion_offers_field_names_and_values(window, qtbot):
    edit = window.search.edit
    edit.setText("")
    qtbot.keyClicks(edit, "aut")
    assert "author:" in edit.suggestions()
    edit.setText("")
    author = window.context.library.list_issues()[0].authors[0]
    qtbot.keyClicks(edit, "nuclear author:" + author.split()[-1][:3].lower())
    found = edit.suggestions()
    assert any(author in value for value in found)


def test_sorting_from_the_menu_for_keyboard_users(window, qtbot, wait_listing):
    window.sort_actions[TITLE].trigger()
    wait_listing(window)
    shown = titles(window)
    assert shown == sorted(shown, key=str.lower)
    window.sort_actions[TITLE].trigger()  # again: the other way round
    wait_listing(window)
    assert titles(window) == sorted(shown, key=str.lower, reverse=True)


def test_a_search_reads_its_ids_further_only_as_the_list_scrolls(
    window, qtbot, wait_listing, monkeypatch
):
    from bookstore.gui.models import issue_model
    from bookstore.library.listing import Listing, listing_ids

    monkeypatch.setattr(issue_model, "FIRST_RANGE", 2)
    monkeypatch.setattr(issue_model, "PAGE", 2)
    library = window.context.library
    query = "owned:no OR owned:yes"
    expected = listing_ids(library, Listing(query=query))
    assert len(expected) > 6
    window.search.set_text(query)
    wait_listing(window)
    model = window.model
    qtbot.waitUntil(lambda: model.listing.query == query)
    assert model.rowCount() == len(expected)  # the exact count at once
    assert len(model._known) < len(expected)  # only the top was ranked
    last = len(expected) - 1
    assert model.index(last, TITLE).data() == library.get(expected[last]).title
    assert model.ids() == expected
    assert model.row_of(expected[-1]) == last


def test_open_window_shows_the_list_then_adds_the_store_views(qapp, qtbot, tmp_path, gui_settings):
    from bookstore.gui.app import open_window, view_factories
    from tests.gui.conftest import close_context, close_window

    window = open_window(tmp_path / "opened", gui_settings, qapp)
    try:
        assert window.model.rowCount() == window.context.library.count()
        qtbot.waitUntil(lambda: len(window.views) == len(view_factories()), timeout=30000)
        # completion values were read on a worker and kept (the library did not change)
        qtbot.waitUntil(lambda: "author" in window._completion_values()._read, timeout=30000)
    finally:
        close_window(window)
        close_context(window.context)
