"""A full-text search shows each row's snippet under its title, the words found marked;
a search by fields alone shows none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from bookstore.gui.delegates.title_delegate import (
    SNIPPET_ROLE,
    TitleDelegate,
    _hit_in_view,
    snippet_segments,
)
from bookstore.gui.main_window.issue_list import ROW_HEIGHT
from bookstore.gui.models.issue_model import TITLE
from bookstore.gui.models.list_snippets import has_text_terms, plain
from bookstore.library.library import Library


def _search(window, qtbot, wait_listing, query: str) -> None:
    window.search.set_text(query)
    wait_listing(window)
    qtbot.waitUntil(lambda: window.model.listing.query == query)


def _snippet_of(window, qtbot, row: int) -> str:
    title = window.model.index(row, TITLE)
    title.data(SNIPPET_ROLE)  # asked once: read on the list's worker
    qtbot.waitUntil(lambda: bool(title.data(SNIPPET_ROLE)), timeout=10000)
    return title.data(SNIPPET_ROLE)


def test_a_word_search_shows_the_snippet_the_core_makes(window, qtbot, wait_listing):
    library: Library = window.context.library
    _search(window, qtbot, wait_listing, "nuclear")
    expected = {hit.issue.id: hit.snippet for hit in library.search("nuclear", limit=5)}
    assert window.model.shows_snippets()
    assert window.model.rowCount() == len(expected) >= 2
    for row in range(window.model.rowCount()):
        snippet = _snippet_of(window, qtbot, row)
        assert snippet == expected[window.model.issue_id(row)]
        assert "\x02" in snippet and "\x03" in snippet  # the hit is marked
        hits = [text for text, hit in snippet_segments(snippet) if hit]
        assert hits and all(text.lower().startswith("nuclear") for text in hits)
    # The row is taller by a line, and a screen reader hears the snippet, unmarked.
    assert window.list.rowHeight(0) > ROW_HEIGHT
    spoken = window.model.index(0, TITLE).data(Qt.ItemDataRole.AccessibleTextRole)
    assert plain(_snippet_of(window, qtbot, 0)) in spoken
    assert "\x02" not in spoken


def test_a_search_by_fields_alone_shows_no_snippet(window, qtbot, wait_listing):
    _search(window, qtbot, wait_listing, "lang:pl")
    assert window.model.rowCount() > 0
    assert not window.model.shows_snippets()
    assert window.model.index(0, TITLE).data(SNIPPET_ROLE) is None
    assert window.list.rowHeight(0) == ROW_HEIGHT
    _search(window, qtbot, wait_listing, "")
    assert window.model.index(0, TITLE).data(SNIPPET_ROLE) is None


def test_which_queries_have_words_to_find():
    assert has_text_terms("nuclear lang:pl")
    assert has_text_terms("sanctions OR embargo")
    assert has_text_terms('"north korea"')
    assert not has_text_terms("lang:pl year:2019")
    assert not has_text_terms("-nuclear")
    assert not has_text_terms("")
    assert not has_text_terms("nuclear (korea")  # unreadable: the list keeps its rows


def test_segments_split_a_snippet_at_its_marks():
    assert snippet_segments("… a \x02Nuclear\x03 deal, \x02nuclear\x03") == [
        ("… a ", False),
        ("Nuclear", True),
        (" deal, ", False),
        ("nuclear", True),
    ]
    assert snippet_segments("no hits") == [("no hits", False)]


def test_a_narrow_cell_cuts_the_text_before_the_first_hit(qapp):
    metrics = QFontMetrics(qapp.font())
    before = "… a long run of words that come before the word found in the text, "
    pieces = [(before, False), ("energy", True), (" after", False)]
    assert _hit_in_view(pieces, metrics, metrics, 2000) == pieces  # it fits as it is
    narrow = _hit_in_view(pieces, metrics, metrics, 200)
    assert narrow[1:] == pieces[1:]
    assert narrow[0][0].startswith("…") and before.endswith(narrow[0][0][1:])
    assert metrics.horizontalAdvance(narrow[0][0]) <= 50


def test_the_title_cell_paints_the_hit_on_the_highlight_colour(window, qtbot, wait_listing):
    _search(window, qtbot, wait_listing, "nuclear")
    index = window.model.index(0, TITLE)
    _snippet_of(window, qtbot, 0)
    delegate = window.list.itemDelegateForColumn(TITLE)
    assert isinstance(delegate, TitleDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(window.list)
    option.font = window.list.font()
    size = delegate.sizeHint(option, index)
    assert size.height() >= 3 * window.list.fontMetrics().height()
    image = QImage(700, size.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    option.rect = image.rect()
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    highlight = window.list.palette().color(window.list.palette().ColorRole.Highlight)
    third_line = range(size.height() * 2 // 3, size.height())
    found = {image.pixelColor(x, y).rgb() for x in range(0, 700, 2) for y in third_line}
    assert highlight.rgb() in found  # a hit's background in the snippet's line
