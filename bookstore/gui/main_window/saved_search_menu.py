"""The sidebar's context menu on a saved search: Rename… and Delete…"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu

from bookstore.gui.errors import show_error
from bookstore.gui.widgets.sidebar import TARGET_ROLE, SavedTarget
from bookstore.gui.window import LibraryWindow
from bookstore.library.saved_searches import SavedSearch


class SavedSearchMenu(QObject):
    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window)
        self.window = window
        sidebar = window.sidebar
        sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        sidebar.customContextMenuRequested.connect(self._requested)

    def menu_for(self, target: SavedTarget) -> QMenu:
        menu = QMenu(self.window.sidebar)
        rename = menu.addAction(self.tr("&Rename…"))
        rename.triggered.connect(lambda: self.ask_new_name(target))
        delete = menu.addAction(self.tr("&Delete…"))
        delete.triggered.connect(lambda: self.window.delete_saved_search(target.name))
        return menu

    def _requested(self, point: QPoint) -> None:
        sidebar = self.window.sidebar
        target = sidebar.indexAt(point).data(TARGET_ROLE)
        if isinstance(target, SavedTarget):
            self.menu_for(target).exec(sidebar.viewport().mapToGlobal(point))

    def ask_new_name(self, target: SavedTarget) -> None:
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Rename Saved Search"),
            self.tr("New name of “{name}”:").format(name=target.name),
            text=target.name,
        )
        if ok:
            self.rename(target, name)

    def rename(self, target: SavedTarget, new_name: str) -> None:
        shown = self.window.sidebar.current_target() == target

        def renamed(search: SavedSearch) -> None:
            self.window.reload_sidebar()
            if shown:
                self.window.sidebar.choose(SavedTarget(search.name, search.query))

        self.window.controller.rename_search(
            target.name, new_name, renamed, lambda error: show_error(self.window, error)
        )
