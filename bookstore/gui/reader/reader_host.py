"""The reader window as its parts (navigation, quoting, reading aloud) see it, so that
none of them imports the window that builds them."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QTextBrowser, QToolBar

from bookstore.gui.context import AppContext
from bookstore.model import Issue


class ReaderHost(Protocol):
    context: AppContext
    issue: Issue
    text: QTextBrowser
    toolbar: QToolBar
    theme: str  # one of READER_THEMES

    def scroll_to(self, top: int) -> None: ...
    def reading_fraction(self) -> float: ...
    def show_issue(self, issue: Issue) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def setStatusBar(self, bar: QStatusBar) -> None: ...
    def addToolBar(self, bar: QToolBar) -> None: ...
    def addToolBarBreak(self) -> None: ...
    def addAction(self, action: QAction) -> None: ...
    def installEventFilter(self, watcher: QObject) -> None: ...
