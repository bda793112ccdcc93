"""The reader's page: margins at the sides only, a window that fits its screen, the
sections and progress, the previous and next issue, and Find's "3 of 8"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication

from bookstore.gui import settings as keys
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.gui.reader.reader_layout import TOP_MARGIN, fitted
from bookstore.library.listing import Column, Listing, Scope, listing_ids


def shown(qtbot, reader: ReaderWindow) -> ReaderWindow:
    reader.show()
    qtbot.waitExposed(reader)
    reader.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reader)
    return reader


def with_sections(window):
    library = window.context.library
    return next(i for i in library.list_issues() if sum(bool(s.heading) for s in i.sections) >= 3)


def title_top(reader: ReaderWindow) -> float:
    document = reader.text.document()
    block = document.findBlock(0)
    while block.isValid() and block.blockFormat().headingLevel() != 1:
        block = block.next()
    return document.documentLayout().blockBoundingRect(block).top()


def test_a_wide_reader_has_wide_sides_and_the_same_short_top(window, qtbot):
    reader = shown(qtbot, ReaderWindow(window.context, window.current_issue(), window))
    reader.resize(1400, 700)
    qtbot.waitUntil(lambda: reader.text.viewport().width() > 1300)
    frame = reader.text.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 300
    assert frame.topMargin() == TOP_MARGIN
    assert title_top(reader) < 120  # the title starts near the top, not 480 px down
    reader.close()


def test_the_margins_at_first_open_are_the_margins_after_ctrl_0(window, qtbot):
    window.context.settings.set(keys.READER_GEOMETRY, b"")
    reader = ReaderWindow(window.context, window.current_issue(), window)
    reader.resize(780, 700)
    shown(qtbot, reader)
    first = reader.text.document().rootFrame().frameFormat()
    first_margins = (first.leftMargin(), first.topMargin())
    qtbot.keySequence(reader, QKeySequence("Ctrl++"))
    qtbot.keySequence(reader, QKeySequence("Ctrl+0"))
    again = reader.text.document().rootFrame().frameFormat()
    assert (again.leftMargin(), again.topMargin()) == first_margins
    reader.close()


def test_the_reader_opens_whole_on_its_screen(window, qtbot):
    window.context.settings.set(keys.READER_GEOMETRY, b"")
    reader = ReaderWindow(window.context, window.current_issue(), window)
    available = reader.screen().availableGeometry()
    assert available.contains(reader.geometry())
    # A place remembered on a bigger or another screen is brought back.
    screen = QRect(0, 0, 800, 800)
    assert screen.contains(fitted(QRect(3000, -200, 2000, 2400), screen))
    assert screen.contains(fitted(QRect(-900, 700, 600, 500), screen))
    assert fitted(QRect(100, 50, 500, 400), QRect(0, 0, 1920, 1080)) == QRect(100, 50, 500, 400)
    reader.close()


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_the_readers_toolbar_and_scroll_bar_take_the_pages_theme(window, qtbot, theme):
    reader = ReaderWindow(window.context, window.current_issue(), window)
    reader.theme_box.setCurrentIndex(reader.theme_box.findData(theme))
    page = reader.text.palette().base().color().name()
    for part in (reader.toolbar, reader.text.verticalScrollBar(), reader.statusBar()):
        window_colour = part.palette().window().color()
        assert window_colour.lightness() < 60, (part, window_colour.name(), page)
    reader.theme_box.setCurrentIndex(reader.theme_box.findData("light"))
    assert reader.toolbar.palette().window().color().lightness() > 200
    reader.close()


def test_sections_are_listed_gone_to_and_counted(window, qtbot):
    issue = with_sections(window)
    reader = ReaderWindow(window.context, issue, window)
    reader.resize(700, 500)
    shown(qtbot, reader)
    headings = [s.heading for s in issue.sections if s.heading]
    navigation = reader.navigation
    contents = [navigation.contents.itemText(i) for i in range(navigation.contents.count())]
    assert contents == ["Beginning", *headings]
    reader.scroll_to(0)
    assert navigation.progress.text() == "0%"
    qtbot.keySequence(reader, QKeySequence("Alt+Down"))
    assert navigation.progress.text().startswith(f"Section 1 of {len(headings)} · ")
    qtbot.keySequence(reader, QKeySequence("Alt+Down"))
    assert navigation.progress.text().startswith(f"Section 2 of {len(headings)} · ")
    assert navigation.contents.currentText() == headings[1]
    qtbot.keySequence(reader, QKeySequence("Alt+Up"))
    assert navigation.contents.currentText() == headings[0]
    navigation.contents.activated.emit(len(headings))  # the last, chosen from the list
    text = navigation.progress.text()
    assert text.startswith(f"Section {len(headings)} of {len(headings)} · ")
    assert text.endswith("%") and int(text.split("· ")[1].rstrip("%")) > 50
    reader.close()


def test_next_and_previous_issue_go_through_the_series_in_its_language(window, qtbot):
    library = window.context.library
    issue = library.get(window.current_issue().id)
    scope = Scope(series=issue.series.slug, language=issue.language)
    order = listing_ids(library, Listing(scope=scope, sort=Column.SERIES, descending=False))
    assert len(order) >= 2
    first = library.get(order[0])
    reader = shown(qtbot, ReaderWindow(window.context, first, window))
    assert not reader.navigation.previous_issue.isEnabled()
    qtbot.keySequence(reader, QKeySequence("Alt+Right"))
    assert reader.issue.id == order[1]
    assert library.get(order[1]).title in reader.text.toPlainText()
    assert reader.windowTitle().startswith(library.get(order[1]).label)
    assert reader.navigation.previous_issue.isEnabled()
    qtbot.keySequence(reader, QKeySequence("Alt+Left"))
    assert reader.issue.id == order[0]
    reader.close()


def test_find_says_which_match_of_how_many(window, qtbot):
    reader = shown(qtbot, ReaderWindow(window.context, window.current_issue(), window))
    words = reader.text.toPlainText().lower()
    needle = next(w for w in ("the", "of", "and", "w", "и", "в") if words.count(w) >= 3)
    total = reader.text.document().toPlainText().lower().count(needle)
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.field, needle)
    count = len(reader.text.extraSelections())
    assert count >= 3 and count <= total
    assert reader.find_bar.count.text() == f"1 of {count}"
    qtbot.keySequence(reader, QKeySequence("F3"))
    assert reader.find_bar.count.text() == f"2 of {count}"
    qtbot.keySequence(reader, QKeySequence("Shift+F3"))
    qtbot.keySequence(reader, QKeySequence("Shift+F3"))
    assert reader.find_bar.count.text() == f"{count} of {count}"  # round to the last
    reader.close()


def test_the_series_line_is_set_in_real_capitals_not_synthesised_small_caps(window, qtbot):
    reader = ReaderWindow(window.context, window.current_issue(), window)
    reader.set_font_step(6)
    block = reader.text.document().begin()
    assert block.text() == reader.issue.label
    style = block.begin().fragment().charFormat()
    assert style.fontCapitalization() == QFont.Capitalization.AllUppercase
    assert style.fontCapitalization() != QFont.Capitalization.SmallCaps
    assert style.property(style.Property.FontSizeAdjustment) == -1  # "small"
    reader.close()
