"""The line above the list says what the list is narrowed to, and Show All undoes it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bookstore.library.listing import Scope


def test_the_active_filter_is_said_above_the_list_and_cleared(window, qtbot, wait_listing):
    line = window.filter_line
    wait_listing(window)
    assert not line.isVisible()  # every issue: nothing to say
    series = window.context.library.series()[0]
    year = next(i.year for i in window.context.library.list_issues(series=series.slug))
    assert window.sidebar.choose(Scope(series=series.slug, year=year))
    wait_listing(window)
    assert line.isVisible()
    assert line.label.text() == f"Showing: {series.name_in('en')} · {year}"
    window.search.set_text("nuclear")
    wait_listing(window)
    assert line.label.text().endswith(" · search “nuclear”")
    qtbot.mouseClick(line.clear, Qt.MouseButton.LeftButton)
    wait_listing(window)
    assert window.search.text() == ""
    assert window.sidebar.current_target() == Scope()
    assert window.model.rowCount() == window.context.library.count()
    assert not line.isVisible()


def test_the_filter_is_said_in_the_ui_language(window, wait_listing):
    from bookstore.gui.dialogs.settings_dialog import set_language

    set_language(window, "pl")
    try:
        assert window.sidebar.choose(Scope(language="ru"))
        wait_listing(window)
        assert window.filter_line.label.text() == "Widoczne: rosyjski"
        assert window.sidebar.choose(Scope(owned=True))
        wait_listing(window)
        assert window.filter_line.label.text() == "Widoczne: posiadane"
    finally:
        set_language(window, "en")
