"""An extra view (the Store, Feeds) shown in the centre: the library's actions and their
keys are off while its list is hidden, and the sidebar highlights what is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from bookstore.gui.widgets.sidebar import ViewTarget
from bookstore.library.listing import Scope


class PlainView:
    """The smallest extra view: a page with a field in it."""

    key = "plain"

    def __init__(self) -> None:
        self._page = QWidget()
        self.field = QLineEdit(self._page)
        self._detail = QLabel("a page of the view's own")

    def title(self) -> str:
        return "Plain view"

    def page(self) -> QWidget:
        return self._page

    def detail_page(self) -> QWidget:
        return self._detail

    def issue_actions(self, _issue) -> list:
        return []

    def retranslate(self) -> None:
        pass


def library_actions(window) -> list:
    a = window.actions_
    return [a.read, a.edit, a.export, a.remove]


def test_library_actions_and_keys_are_off_in_another_view(window, qtbot):
    view = PlainView()
    window.add_view(view)
    window.select_row(0)
    assert all(action.isEnabled() for action in library_actions(window))
    assert window.sidebar.choose(ViewTarget("plain"))
    assert window.centre.currentWidget() is view.page()
    assert window.detail.currentWidget() is view.detail_page()
    assert not any(action.isEnabled() for action in library_actions(window))
    fired = []
    window.actions_.remove.triggered.connect(lambda: fired.append("remove"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.field.setFocus()
    qtbot.keyClick(view.field, Qt.Key.Key_Delete)
    assert fired == [] and QApplication.activeModalWidget() is None
    window.model.modelReset.emit()  # the list reloading behind the view leaves it be
    assert window.detail.currentWidget() is view.detail_page()
    assert not window.actions_.remove.isEnabled()


def test_going_back_to_the_library_moves_the_highlight_and_turns_the_actions_on(
    window, qtbot, wait_listing
):
    window.add_view(PlainView())
    english = Scope(language="en")
    assert window.sidebar.choose(english)
    wait_listing(window)
    window.select_row(0)
    assert window.sidebar.choose(ViewTarget("plain"))
    window.focus_search()  # Ctrl+F: back to the list
    assert window.library_shown()
    assert window.sidebar.current_target() == english
    assert all(action.isEnabled() for action in library_actions(window))
    window.show_view("plain")  # shown another way than by the sidebar
    assert window.sidebar.current_target() == ViewTarget("plain")
