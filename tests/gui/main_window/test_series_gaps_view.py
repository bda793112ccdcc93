"""Complete Series: the sidebar's year rows and the view of missing issues, with and
without a store (``bookstore serve`` on loopback)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from bookstore.gui import settings as keys
from bookstore.gui.main_window.series_gaps_view import SeriesGapsView
from bookstore.gui.widgets.sidebar import TARGET_ROLE
from bookstore.library.listing import Scope
from tests.store.served import bookstore_serve

REMOVED = {("bulletin", 2020, 131), ("spotlight", 2020, 21), ("policy-paper", 2019, 7)}


@pytest.fixture
def view(window, qtbot):
    gaps = SeriesGapsView(window.context, window)
    window.add_view(gaps)
    window.reload_sidebar()
    qtbot.wait(50)
    return gaps


def _year_row(window, slug: str, year: int):
    model = window.sidebar.tree
    for row in range(model.rowCount()):
        heading = model.item(row)
        for series_row in range(heading.rowCount()):
            item = heading.child(series_row)
            for year_row in range(item.rowCount()):
                child = item.child(year_row)
                if child.data(TARGET_ROLE) == Scope(series=slug, year=year):
                    return child
    raise AssertionError(f"no sidebar row for {slug} {year}")


def test_sidebar_years_say_what_is_held(window, view, qtbot):
    qtbot.waitUntil(lambda: bool(_year_row(window, "bulletin", 2019).toolTip().count(":")))
    row = _year_row(window, "bulletin", 2019)
    assert row.toolTip() == "PISM Bulletin 2019: 2 of 170"
    assert row.data(Qt.ItemDataRole.AccessibleDescriptionRole) == row.toolTip()
    assert row.text() == "2019"  # the row itself stays short


def test_view_lists_the_missing_numbers(window, view):
    window.show_view(view.key)
    texts = [
        (top.child(i).text(0), top.child(i).text(1))
        for t in range(view.tree.topLevelItemCount())
        for top in [view.tree.topLevelItem(t)]
        for i in range(top.childCount())
    ]
    assert ("PISM Bulletin 2019: 2 of 170", "missing: 1-25, 27-87, 89-170") in texts


def test_view_lists_what_the_store_offers_and_gets_the_free_ones(window, view, qtbot, tmp_path):
    library = window.context.library
    for issue in library.list_issues():
        if (issue.series.slug, issue.year, issue.number) in REMOVED:
            library.remove(issue.id)
    with bookstore_serve(tmp_path / "served") as (base, _):
        url = base + "/opds"
        window.context.settings.set(keys.STORES, json.dumps([{"url": url, "title": "Test"}]))
        view.retranslate()
        window.show_view(view.key)
        with qtbot.waitSignal(window.context.workers.dispatcher.finished, timeout=30000):
            view.check_store()
        offered = {
            (entry.series.slug, offer.year, offer.number): offer.free
            for entry in view.offers
            for offer in entry.offers
        }
        assert offered == {
            ("bulletin", 2020, 131): True,
            ("spotlight", 2020, 21): True,
            ("policy-paper", 2019, 7): False,
        }
        assert "2 free and 1 priced" in view.status.text()
        buttons = [
            view.tree.itemWidget(row, 1).text()
            for top in [view.tree.topLevelItem(t) for t in range(view.tree.topLevelItemCount())]
            for year in [top.child(i) for i in range(top.childCount())]
            for row in [year.child(j) for j in range(year.childCount())]
        ]
        assert sorted(buttons) == ["Add to Cart", "Get", "Get"]
        assert view.get_all.isEnabled()
        view.get_every_free()
        qtbot.waitUntil(lambda: bool(view.offers) and not view.free_offers(), timeout=60000)
    held = {(i.series.slug, i.year, i.number) for i in library.list_issues()}
    assert ("bulletin", 2020, 131) in held and ("spotlight", 2020, 21) in held
    assert ("policy-paper", 2019, 7) not in held
