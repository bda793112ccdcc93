"""The first screen: an issue is chosen (the detail pane is not an empty third of the
window), and the list's Title column is wide enough to read titles, in each language,
at 1400×900 and at the window's default size on such a screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from bookstore.gui.app import build_context
from bookstore.gui.dialogs.settings_dialog import set_language
from bookstore.gui.main_window.main_window import MainWindow, default_size
from bookstore.gui.models.issue_model import DATE, LANGUAGE, PRICE, TITLE
from bookstore.library.library import Library
from tests.gui.conftest import close_context, close_window

SCREEN = QSize(1400, 900)
READABLE = 40  # average characters (about 32 of a bold title)


def test_the_window_opens_with_the_first_issue_shown(qtbot, gui_context):
    main = MainWindow(gui_context)
    main.load()
    main.show()
    qtbot.waitExposed(main)
    try:
        first = main.model.issue_id(0)
        assert main.selected_ids() == [first]
        assert main.detail.currentWidget() is main.detail.issue_view
        assert main.detail.issue_view.issue.id == first
        assert main.count_label.text().endswith("1 selected")
    finally:
        close_window(main)


def test_an_empty_library_opens_with_nothing_chosen(qtbot, qapp, tmp_path, gui_settings):
    library = Library.open(tmp_path / "empty", with_sample=False)
    context = build_context(qapp, library, gui_settings)
    main = MainWindow(context)
    main.load()
    try:
        assert main.model.rowCount() == 0 and main.selected_ids() == []
        assert main.detail.currentWidget() is not main.detail.issue_view
    finally:
        close_window(main)
        close_context(context)


def test_the_default_size_takes_most_of_the_screen():
    assert default_size(SCREEN) == QSize(1360, 860)
    assert default_size(QSize(2560, 1440)) == QSize(1440, 960)
    assert default_size(QSize(800, 600)) == QSize(960, 640)


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
@pytest.mark.parametrize("size", [SCREEN, default_size(SCREEN)], ids=["1400x900", "default"])
def test_titles_are_readable(window, language: str, size: QSize):
    set_language(window, language)
    window.resize(size)
    QApplication.processEvents()
    assert window.width() == size.width()
    characters = window.list.fontMetrics().averageCharWidth()
    assert window.list.columnWidth(TITLE) >= READABLE * characters, (
        window.list.columnWidth(TITLE),
        window.splitter.sizes(),
    )
    # What the other columns show fits them (measured in this language).
    for column in (DATE, LANGUAGE, PRICE):
        for row in range(window.model.rowCount()):
            text = window.model.index(row, column).data()
            width = window.list.fontMetrics().horizontalAdvance(text)
            assert width <= window.list.columnWidth(column), (column, text)
    set_language(window, "en")
