"""What the parts the main window starts may use of it, as protocols, so that none of
them imports the window (which imports them): ``LibraryWindow`` for the flows, menus
and dialogs, ``ExtraView`` for a view that plugs into it (the Store).

A view factory is called with the app's context and the main window and returns an
``ExtraView``. The window lists the view under the sidebar's "Store" section, shows
``page()`` in the centre when it is chosen (and ``detail_page()`` in the detail pane,
if any), adds ``issue_actions(issue)`` as buttons in the detail pane of a library
issue, and calls ``retranslate()`` when the UI language changes. Factories are listed
in ``bookstore.gui.app.view_factories``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QTableView, QWidget

from bookstore.gui.context import AppContext
from bookstore.gui.models.issue_model import IssueTableModel
from bookstore.gui.operations.library_controller import LibraryController
from bookstore.gui.operations.undo_history import UndoHistory
from bookstore.gui.widgets.search_field import SearchField
from bookstore.gui.widgets.sidebar import Sidebar
from bookstore.library.listing import Listing
from bookstore.model import Issue


class ExtraView(Protocol):
    key: str

    def title(self) -> str: ...
    def page(self) -> QWidget: ...
    def detail_page(self) -> QWidget | None: ...
    def issue_actions(self, issue: Issue) -> list[QAction]: ...
    def retranslate(self) -> None: ...


class LibraryWindow(Protocol):
    """The main window as the parts it starts see it (a QMainWindow: it is also their
    dialogs' parent). Changes go through ``controller``; the rest is read or shown."""

    context: AppContext
    controller: LibraryController
    history: UndoHistory
    model: IssueTableModel
    sidebar: Sidebar
    search: SearchField
    list: QTableView
    issue_menu: QMenu
    views: dict[str, ExtraView]
    library_changed: SignalInstance

    def selected_ids(self) -> list[int]: ...
    def current_issue(self) -> Issue | None: ...
    def select_ids(self, ids: list[int]) -> None: ...
    def current_listing(self) -> Listing: ...
    def refresh_after_change(self, ids: list[int]) -> None: ...
    def reload_sidebar(self, recount: bool = True) -> None: ...
    def import_paths(self, paths: list[Path]) -> None: ...
    def delete_saved_search(self, name: str) -> None: ...
    def show_library_page(self) -> None: ...
    def show_issue_id(self, issue_id: int) -> None: ...
    def retranslate(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def installEventFilter(self, watcher: QObject) -> None: ...
    def addAction(self, action: QAction) -> None: ...


ViewFactory = Callable[[AppContext, LibraryWindow], ExtraView]
