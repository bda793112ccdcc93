"""The window's actions, their shortcuts and their words (set again on a language switch)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


class Actions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)

        def make(*shortcuts: QKeySequence | Key | str) -> QAction:
            action = QAction(window)
            keys = [s if isinstance(s, QKeySequence) else QKeySequence(s) for s in shortcuts]
            if keys:
                action.setShortcuts(keys)
            window.addAction(action)
            return action

        self.import_files = make("Ctrl+I")
        self.import_folder = make("Ctrl+Shift+I")
        self.export = make("Ctrl+E")
        self.open_library = make("Ctrl+O")
        self.new_library = make("Ctrl+Shift+N")
        self.quit = make("Ctrl+Q")
        self.undo = make(Key.Undo)
        self.redo = make(Key.Redo)
        self.edit = make("F2")
        self.remove = make(Key.Delete)
        self.select_all = make(Key.SelectAll)
        self.find = make("Ctrl+F")
        self.save_search = make("Ctrl+Shift+S")
        self.read = make("Ctrl+R")
        self.settings = make("Ctrl+,")
        self.shortcuts = make("F1")
        self.about = make()
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            self.import_files: (self.tr("&Import Files…"), self.tr("Import publisher pages")),
            self.import_folder: (
                self.tr("Import &Folder…"),
                self.tr("Import every page in a folder"),
            ),
            self.export: (
                self.tr("&Export…"),
                self.tr("Export the chosen issues as EPUB or print PDF"),
            ),
            self.open_library: (self.tr("&Open Library…"), self.tr("Open another library folder")),
            self.new_library: (self.tr("&New Library…"), self.tr("Make a new library")),
            self.quit: (self.tr("&Quit"), self.tr("Close Bookstore")),
            self.undo: (self.tr("&Undo"), self.tr("Undo the last change")),
            self.redo: (self.tr("&Redo"), self.tr("Redo what was undone")),
            self.edit: (
                self.tr("Edit &Metadata…"),
                self.tr("Edit the issue's title, authors, date and more"),
            ),
            self.remove: (self.tr("&Remove"), self.tr("Remove the chosen issues from the library")),
            self.select_all: (self.tr("Select &All"), self.tr("Select every issue in the list")),
            self.find: (self.tr("&Search"), self.tr("Go to the search field")),
            self.save_search: (self.tr("Save Search…"), self.tr("Keep this search in the sidebar")),
            self.read: (self.tr("&Read"), self.tr("Open the issue in the reader")),
            self.settings: (self.tr("&Settings…"), self.tr("Language, theme and library")),
            self.shortcuts: (
                self.tr("&Keyboard Shortcuts"),
                self.tr("List the keyboard shortcuts"),
            ),
            self.about: (self.tr("&About Bookstore"), self.tr("Version and licences")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(_with_shortcut(text, action))


def _with_shortcut(text: str, action: QAction) -> str:
    plain = text.replace("&", "").rstrip("…")
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{plain} ({shortcut})" if shortcut else plain
