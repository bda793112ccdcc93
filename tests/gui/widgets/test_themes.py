"""Every text colour the window draws, in every theme, measured: each label is drawn and
the colours of its text are compared with its background (WCAG contrast ratio), and
each widget's text and background roles are computed the same way."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.settings_dialog import set_theme
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.gui.widgets.themes import PALETTES, READER_THEMES, contrast_ratio

NEEDED = {"light": 4.5, "sepia": 4.5, "dark": 4.5, "high-contrast": 7.0}


def drawn_colours(label: QLabel) -> tuple[str, list[str]]:
    """The label's background and the colours its text is drawn in (drawn without
    antialiasing for the measure, so that every pixel of a letter is its colour)."""
    font = label.font()
    solid = QFont(font)
    solid.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    label.setFont(solid)
    image = label.grab().toImage()
    label.setFont(font)
    counts: Counter[str] = Counter(
        image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
    )
    background, _ = counts.most_common(1)[0]
    return background, [c for c, n in counts.items() if c != background and n >= 4]


def shown_labels(top: QWidget) -> list[QLabel]:
    return [
        w
        for w in top.findChildren(QLabel)
        if w.isVisible() and w.isEnabled() and w.text().strip() and w.pixmap().isNull()
    ]


def problems_in(top: QWidget, theme: str) -> list[str]:
    needed, found = NEEDED[theme], []
    for label in shown_labels(top):
        background, colours = drawn_colours(label)
        for colour in colours:
            ratio = contrast_ratio(colour, background)
            if ratio < needed:
                found.append(
                    f"{label.objectName() or label.text()[:30]}: {colour} on {background} {ratio:.2f}"
                )
    for widget in top.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        palette = widget.palette()
        text = palette.color(widget.foregroundRole()).name()
        back = palette.color(widget.backgroundRole()).name()
        if contrast_ratio(text, back) < needed:
            found.append(f"{type(widget).__name__} {widget.objectName()}: {text} on {back}")
    return found


@pytest.fixture
def linked_window(window):
    library = window.context.library
    issue = next(i for i in library.list_issues() if i.translations and i.source_url)
    library.attach_file(issue.id, "page", b"<html>the page</html>", ".html")
    window.refresh_after_change([issue.id])
    window.show_issue_id(issue.id)
    yield window
    set_theme(window, "light")


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_every_text_colour_of_the_window_reaches_its_contrast(linked_window, qtbot, theme):
    window = linked_window
    set_theme(window, theme)
    QApplication.processEvents()
    assert shown_labels(window.detail)  # the pane is measured, links and all
    assert problems_in(window, theme) == []
    dialog = EditDialog(window.context, window.current_issue(), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title.setText("")  # a problem shown under the form is measured too
    assert dialog.problems["title"].isVisible()
    assert problems_in(dialog, theme) == []
    dialog.reject()


def test_the_detail_panes_links_follow_the_theme_when_it_changes(linked_window, qtbot):
    window = linked_window
    files = window.detail.issue_view.fields["files"][1]
    for theme in ("high-contrast", "light", "dark", "light"):
        set_theme(window, theme)
        QApplication.processEvents()
        link = PALETTES[theme][files.palette().ColorRole.Link]
        _background, colours = drawn_colours(files)
        assert link in colours, (theme, colours)
        assert f"color: {link}" in files.text()


@pytest.mark.parametrize("theme", READER_THEMES)
def test_every_text_colour_of_the_readers_window_reaches_its_contrast(window, qtbot, theme):
    reader = ReaderWindow(window.context, window.current_issue(), window)
    reader.theme_box.setCurrentIndex(reader.theme_box.findData(theme))
    reader.show()
    qtbot.waitExposed(reader)
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.field, "a")
    QApplication.processEvents()
    assert shown_labels(reader.statusBar())  # the progress line is measured too
    assert problems_in(reader, theme) == []
    reader.theme_box.setCurrentIndex(reader.theme_box.findData("light"))
    reader.close()
