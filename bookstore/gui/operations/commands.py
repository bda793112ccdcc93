"""Changes the user can undo with Ctrl+Z while the window is open: removing issues and
editing an issue's metadata.

A command holds the work both ways as plain functions of a Library (``apply`` and
``revert``), which ``UndoHistory`` runs on a worker with the worker's own Library; the
undo stack moves only once the work has succeeded, so Qt's ``redo``/``undo`` have
nothing left to do. A failed undo leaves the command (and a removal's trash) where it
was, to be tried again.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bookstore.library.editing import IssueEdit, edit_issue, reverting
from bookstore.library.library import Library
from bookstore.library.removal import Removed, discard, remove_issues, restore
from bookstore.model import Issue


class LibraryCommand(QUndoCommand):
    """Both directions of a change; each returns the ids to show (empty: keep the
    selection as it is)."""

    def apply(self, library: Library) -> list[int]:
        raise NotImplementedError

    def revert(self, library: Library) -> list[int]:
        raise NotImplementedError

    def renumber(self, new_ids: dict[int, int]) -> None:
        """Issues put back under new ids (theirs were taken meanwhile)."""

    def purge(self) -> None:
        """Let go of what is kept for undoing (the window is closing)."""

    def redo(self) -> None:
        """Done already, on a worker (see ``UndoHistory``)."""

    def undo(self) -> None:
        """Done already, on a worker (see ``UndoHistory``)."""


class RemoveIssues(LibraryCommand):
    def __init__(self, ids: list[int]) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Remove issues"))
        self.ids = list(ids)
        self.removed: Removed | None = None
        self.new_ids: dict[int, int] = {}  # set by the last revert

    def apply(self, library: Library) -> list[int]:
        self.new_ids = {}
        self.removed = remove_issues(library, self.ids)
        return []

    def revert(self, library: Library) -> list[int]:
        if self.removed is None:
            return self.ids
        restored = restore(library, self.removed)
        self.new_ids = {old: new for old, new in zip(self.ids, restored, strict=True) if old != new}
        self.ids, self.removed = restored, None
        return restored

    def renumber(self, new_ids: dict[int, int]) -> None:
        self.ids = [new_ids.get(i, i) for i in self.ids]

    def purge(self) -> None:
        if self.removed is not None:
            discard(self.removed)


class EditIssue(LibraryCommand):
    def __init__(self, issue: Issue, edit: IssueEdit) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Edit “{title}”").format(title=issue.title[:40])
        )
        self.before, self.edit = issue, edit

    def apply(self, library: Library) -> list[int]:
        edit_issue(library, self.before.id or 0, self.edit)
        return [self.before.id or 0]

    def revert(self, library: Library) -> list[int]:
        edit_issue(library, self.before.id or 0, reverting(self.before))
        return [self.before.id or 0]

    def renumber(self, new_ids: dict[int, int]) -> None:
        issue_id, other = self.before.id or 0, self.edit.translation_of
        self.before = dataclasses.replace(self.before, id=new_ids.get(issue_id, issue_id))
        if other is not None and other in new_ids:
            self.edit = dataclasses.replace(self.edit, translation_of=new_ids[other])


class EditIssues(LibraryCommand):
    """One edit (a series, a language, topics added or removed) of many issues, done
    and undone as one step: all of them change, or none."""

    def __init__(self, issues: list[Issue], edit: IssueEdit) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Edit %n issues", "", len(issues)))
        self.before, self.edit = list(issues), edit

    def apply(self, library: Library) -> list[int]:
        with library.transaction():
            for issue in self.before:
                edit_issue(library, issue.id or 0, self.edit)
        return [issue.id or 0 for issue in self.before]

    def revert(self, library: Library) -> list[int]:
        with library.transaction():
            for issue in self.before:
                edit_issue(library, issue.id or 0, reverting(issue))
        return [issue.id or 0 for issue in self.before]

    def renumber(self, new_ids: dict[int, int]) -> None:
        self.before = [
            dataclasses.replace(issue, id=new_ids.get(issue.id or 0, issue.id))
            for issue in self.before
        ]
