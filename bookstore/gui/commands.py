"""Changes the user can undo with Ctrl+Z while the window is open: removing issues and
editing an issue's metadata. Each command does its work before it is pushed (so an
error reaches the user as a dialog, not inside the undo stack), and undoes it in SQL
through the core."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bookstore.library.editing import IssueEdit, edit_issue, reverting
from bookstore.library.library import Library
from bookstore.library.removal import Removed, discard, remove_issues, restore
from bookstore.model import Issue

Changed = Callable[[list[int]], None]  # ids that changed (empty: reload everything)
Failed = Callable[[BaseException], None]


class RemoveIssues(QUndoCommand):
    def __init__(self, library: Library, ids: list[int], changed: Changed, failed: Failed) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Remove issues"))
        self.library, self.ids, self.changed, self.failed = library, ids, changed, failed
        self.removed: Removed | None = remove_issues(library, ids)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            try:
                self.removed = remove_issues(self.library, self.ids)
            except Exception as error:
                self.failed(error)
                return
        self.changed([])

    def undo(self) -> None:
        if self.removed is None:
            return
        try:
            self.ids = restore(self.library, self.removed)
        except Exception as error:
            self.failed(error)
            return
        self.removed = None
        self.changed(self.ids)

    def purge(self) -> None:
        """Delete the removed files for good (the window is closing)."""
        if self.removed is not None:
            discard(self.removed)


class EditIssue(QUndoCommand):
    def __init__(
        self, library: Library, issue: Issue, edit: IssueEdit, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Edit “{title}”").format(title=issue.title[:40])
        )
        self.library, self.before, self.edit = library, issue, edit
        self.changed, self.failed = changed, failed
        edit_issue(library, issue.id or 0, edit)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._apply(self.edit)
            return
        self.changed([self.before.id or 0])

    def undo(self) -> None:
        self._apply(reverting(self.before))

    def _apply(self, edit: IssueEdit) -> None:
        try:
            edit_issue(self.library, self.before.id or 0, edit)
        except Exception as error:
            self.failed(error)
            return
        self.changed([self.before.id or 0])
