"""How an extra view (the Store) plugs into the main window.

A view factory is called with the app's context and the main window and returns an
object with this shape. The window lists the view under the sidebar's "Store"
section, shows ``page()`` in the centre when it is chosen (and ``detail_page()`` in
the detail pane, if any), adds ``issue_actions(issue)`` as buttons in the detail pane
of a library issue, and calls ``retranslate()`` when the UI language changes.
Factories are listed in ``bookstore.gui.app.view_factories``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from bookstore.model import Issue

if TYPE_CHECKING:
    from bookstore.gui.context import AppContext
    from bookstore.gui.main_window.main_window import MainWindow


class ExtraView(Protocol):
    key: str

    def title(self) -> str: ...
    def page(self) -> QWidget: ...
    def detail_page(self) -> QWidget | None: ...
    def issue_actions(self, issue: Issue) -> list[QAction]: ...
    def retranslate(self) -> None: ...


ViewFactory = Callable[["AppContext", "MainWindow"], ExtraView]
