"""Keyboard and screen readers: every control of the window and of each dialog is
reached with Tab (or, for toolbar buttons, through the menus) and has a name; the
high-contrast theme's colour pairs reach 7:1 (WCAG AAA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QToolBar,
    QWidget,
)

from bookstore.gui.dialogs.about import AboutDialog, ShortcutsDialog
from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.export_dialog import ExportDialog
from bookstore.gui.dialogs.settings_dialog import SettingsDialog
from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.gui.main_window.library_menu import NewLibraryDialog
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.gui.widgets.themes import (
    _PROBLEM,
    PALETTES,
    READER_COLOURS,
    TEXT_PAIRS,
    contrast_ratio,
)
from bookstore.ingest.batch import ImportReport, Outcome

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QPlainTextEdit, QTextEdit)  # fmt: skip


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface else "").strip()


def is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QHeaderView):
        return False  # part of its table; sorting is also in the Issue menu
    if isinstance(widget, QLabel):
        return (
            bool(widget.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            and "<a " in widget.text()
        )
    return isinstance(widget, INTERACTIVE) and not isinstance(
        widget.parent(), QAbstractSpinBox | QComboBox
    )


def controls(top: QWidget) -> list[QWidget]:
    return [
        w for w in top.findChildren(QWidget)
        if w.window() is top and w.isVisible() and w.isEnabled() and is_interactive(w)
    ]  # fmt: skip


def tab_through(qtbot, top: QWidget) -> set[QWidget]:
    """Press Tab from the first control until focus comes back around; what it reached."""
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    start = top.focusWidget() or top.nextInFocusChain()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[QWidget] = []
    for _ in range(200):
        focused = QApplication.focusWidget()
        if focused is None:
            break
        if reached and focused is reached[0]:
            break
        if focused not in reached:
            reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return set(reached)


def menu_actions(window) -> set:
    found = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            found.update(menu.actions())
    return found


def check_top(qtbot, top: QWidget, menus: set | None = None) -> None:
    reached = tab_through(qtbot, top)
    problems = []
    for widget in controls(top):
        name = accessible_name(widget)
        where = (
            f"{type(widget).__name__} {widget.objectName() or ''} “{name}” in {top.objectName()}"
        )
        if not name:
            problems.append(f"no accessible name: {where}")
        in_toolbar = isinstance(widget.parent(), QToolBar)
        if (
            in_toolbar
            and menus is not None
            and getattr(widget, "defaultAction", lambda: None)() in menus
        ):
            continue  # the same action is in a menu (Alt+letter), with its shortcut
        if isinstance(widget, QRadioButton) and any(
            isinstance(r, QRadioButton) and r.parent() is widget.parent() for r in reached
        ):
            continue  # Tab enters a group of radio buttons; the arrow keys move within it
        inside_reached = any(
            r is widget
            or widget.isAncestorOf(r)
            or (r.isAncestorOf(widget) and isinstance(r, QAbstractSpinBox | QComboBox))
            for r in reached
        )
        if not inside_reached:
            problems.append(f"not reachable with Tab: {where}")
    assert problems == []


def test_the_main_window_is_reachable_and_named(window, qtbot):
    window.select_row(0)
    check_top(qtbot, window, menu_actions(window))
    for action in menu_actions(window):
        if not action.isSeparator() and action.menu() is None:
            assert action.text().replace("&", "").strip(), action


def dialogs(window):
    window.select_row(0)
    issue = window.current_issue()
    summary = ImportDialog(window, [])
    summary._done(
        ImportReport([Outcome(Path("bad.html"), "failed", error="bad.html: the page is empty")])
    )
    reader = ReaderWindow(window.context, issue, window)
    reader.open_find()
    return {
        "edit": EditDialog(window.context, issue, window),
        "export": ExportDialog(window.context, window.selected_ids(), window.model.listing, window),
        "import summary": summary,
        "settings": SettingsDialog(window),
        "shortcuts": ShortcutsDialog(window),
        "about": AboutDialog(window),
        "new library": NewLibraryDialog(window),
        "reader": reader,
    }


@pytest.mark.parametrize(
    "name",
    ["edit", "export", "import summary", "settings", "shortcuts", "about", "new library", "reader"],
)
def test_each_dialog_is_reachable_and_named(window, qtbot, name):
    dialog = dialogs(window)[name]
    dialog.show()
    qtbot.waitExposed(dialog)
    check_top(qtbot, dialog)
    dialog.close()


def test_the_high_contrast_theme_reaches_7_to_1():
    colours = PALETTES["high-contrast"]
    for text, background in TEXT_PAIRS:
        ratio = contrast_ratio(colours[text], colours[background])
        assert ratio >= 7, (text, background, ratio)
    assert contrast_ratio(_PROBLEM["high-contrast"], colours[TEXT_PAIRS[0][1]]) >= 7
    page = READER_COLOURS["high-contrast"]
    for foreground in (page.text, page.link, page.accent):
        assert contrast_ratio(foreground, page.background) >= 7
    assert contrast_ratio("#ffffff", page.find) >= 7  # found text is drawn white on it


def test_the_other_themes_reach_at_least_4_5_to_1():
    for theme in ("light", "dark"):
        colours = PALETTES[theme]
        for text, background in TEXT_PAIRS:
            assert contrast_ratio(colours[text], colours[background]) >= 4.5, (theme, text)
        assert contrast_ratio(_PROBLEM[theme], colours[TEXT_PAIRS[0][1]]) >= 4.5
    for name, page in READER_COLOURS.items():
        assert contrast_ratio(page.text, page.background) >= 7, name
        assert contrast_ratio(page.link, page.background) >= 4.5, name


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_high_contrast_colours_the_whole_window(window, qtbot):
    from bookstore.gui.dialogs.settings_dialog import set_theme

    set_theme(window, "high-contrast")
    try:
        for widget in (window.list, window.sidebar, window.search.edit, window.detail):
            palette = widget.palette()
            assert (
                palette.color(palette.ColorRole.Base).name() == "#000000"
                or palette.color(palette.ColorRole.Window).name() == "#000000"
            )
            assert palette.color(palette.ColorRole.Text).name() == "#ffffff"
    finally:
        set_theme(window, "light")
