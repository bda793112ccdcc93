"""The window's library controller: every change the window asks of its library, and
the library's lifetime in the window (switching to another, closing it).

Threading rule: each call returns at once; the work runs on the workers (undoable
changes through ``UndoHistory``, the others through ``WriteQueue``, the slow part of
opening a library as a job of its own), and the callbacks and ``switched`` arrive on
the GUI thread; after ``switched``, ``context.library`` is the new library.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from bookstore.errors import BookstoreError
from bookstore.gui.context import AppContext, window_library
from bookstore.gui.operations.commands import EditIssue, EditIssues, RemoveIssues
from bookstore.gui.operations.undo_history import Failed, Shown, UndoHistory
from bookstore.gui.operations.writes import write
from bookstore.jobs import Job
from bookstore.library.editing import IssueEdit
from bookstore.library.library import Library
from bookstore.library.saved_searches import (
    SavedSearch,
    delete_search,
    rename_search,
    save_search,
)
from bookstore.model import Issue

Done = Callable[[], None]


class LibraryController(QObject):
    switched = Signal()  # the context's library is another one now
    switching_changed = Signal(bool)  # a library is being opened on a worker

    def __init__(self, context: AppContext, history: UndoHistory) -> None:
        super().__init__(history)
        self.context, self.history = context, history
        self._opening: Path | None = None

    # Changes the user can undo

    def remove(self, ids: list[int], on_done: Shown | None = None) -> None:
        """Remove the issues (their files wait in the trash for Ctrl+Z)."""
        self.history.push(RemoveIssues(ids), on_done=on_done)

    def edit(
        self,
        issue: Issue,
        edit: IssueEdit,
        on_done: Shown | None = None,
        on_error: Failed | None = None,
    ) -> None:
        self.history.push(EditIssue(issue, edit), on_done=on_done, on_error=on_error)

    def edit_many(
        self,
        issues: list[Issue],
        edit: IssueEdit,
        on_done: Shown | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """One edit of many issues, done and undone as one step."""
        self.history.push(EditIssues(issues, edit), on_done=on_done, on_error=on_error)

    # Saved searches (not undone)

    def save_search(
        self, name: str, query: str, on_done: Callable[[SavedSearch], None], on_error: Failed
    ) -> None:
        write(self.context, lambda library: save_search(library, name, query), on_done, on_error)

    def rename_search(
        self, name: str, new_name: str, on_done: Callable[[SavedSearch], None], on_error: Failed
    ) -> None:
        write(
            self.context, lambda library: rename_search(library, name, new_name), on_done, on_error
        )

    def delete_search(self, name: str, on_done: Done, on_error: Failed) -> None:
        write(
            self.context,
            lambda library: delete_search(library, name),
            lambda _n: on_done(),
            on_error,
        )

    # The library's lifetime

    def switching(self) -> bool:
        return self._opening is not None

    def switch(self, folder: Path, on_error: Failed, *, with_sample: bool = True) -> None:
        """Open the library in ``folder`` in place of the window's: creating, upgrading,
        settling and a crash's trash are done on a worker (where another program's
        write lock is waited for); ``switched`` follows, or ``on_error`` gets why not."""
        if self._opening is not None:
            return  # one at a time: the menu asked twice
        self._opening = folder
        self.switching_changed.emit(True)

        def task(_job: Job) -> Path:
            with Library.open(folder, with_sample=with_sample) as library:
                return library.root

        def opened(root: Path) -> None:
            self._ended_opening()
            try:
                # Made, upgraded and checked on the worker: here it only opens.
                library = Library.open(root, with_sample=False, check=False)
            except BookstoreError as error:
                on_error(error)
                return
            old = self.context.library
            self._end_library()
            self.context.library = window_library(library)
            old.close()
            self.context.settings.remember_library(library.root)
            self.switched.emit()

        def failed(error: BaseException) -> None:
            self._ended_opening()
            on_error(error)

        self.context.workers.submit(
            task,
            name=QCoreApplication.translate("LibraryMenu", "Open Library"),  # as the menu says
            on_done=opened,
            on_error=failed,
            on_cancelled=self._ended_opening,
        )

    def close(self, seconds: float = 10.0) -> None:
        """The window is closing: let the queued writes reach the library, then end it."""
        self._finish_writes(seconds)
        self.context.workers.wait(int(seconds * 1000))
        self._end_library()

    def _end_library(self) -> None:
        """The one way a library leaves the window: its undo history is forgotten and
        the removals' trash nobody can restore any more deleted. The library itself is
        closed by whoever replaces it (or by the application, last)."""
        self.history.clear()
        self.context.library.purge_trash()

    def _ended_opening(self) -> None:
        self._opening = None
        self.switching_changed.emit(False)

    def _finish_writes(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (self.history.busy() or self.context.writes().busy()) and (
            time.monotonic() < deadline
        ):
            self.context.workers.wait(50)
            QCoreApplication.processEvents()
