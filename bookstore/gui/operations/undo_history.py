"""The window's undo history: every change and every undo or redo of it runs on a
worker, one at a time and in order, so the window stays responsive while another
program holds the library's write lock.

Threading rule: a command's ``apply``/``revert`` run on a worker with the worker's own
Library, while the GUI thread leaves the command alone (it is neither on the stack nor
moved until its work is done); the stack, the callbacks and the refresh run on the GUI
thread.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from bookstore.gui.context import AppContext
from bookstore.gui.operations.commands import LibraryCommand
from bookstore.jobs import Job

Shown = Callable[[list[int]], None]  # after a change: the ids to show
Failed = Callable[[BaseException], None]


@dataclass
class _Step:
    kind: str  # "do", "undo" or "redo"
    command: LibraryCommand | None = None
    on_done: Shown | None = None
    on_error: Failed | None = None


class UndoHistory(QObject):
    busy_changed = Signal(bool)

    def __init__(
        self, context: AppContext, stack: QUndoStack, shown: Shown, failed: Failed
    ) -> None:
        super().__init__(stack)
        self.context, self.stack, self.shown, self.failed = context, stack, shown, failed
        self._queue: deque[_Step] = deque()
        self._running: _Step | None = None
        self._generation = 0  # a step of a history cleared meanwhile is dropped

    def push(
        self, command: LibraryCommand, on_done: Shown | None = None, on_error: Failed | None = None
    ) -> None:
        """Do ``command`` on a worker, then put it on the stack; ``on_done`` (else the
        window's refresh) gets the ids to show, ``on_error`` (else a dialog) the error."""
        self._queue.append(_Step("do", command, on_done, on_error))
        self._next()

    def undo(self) -> None:
        self._queue.append(_Step("undo"))
        self._next()

    def redo(self) -> None:
        self._queue.append(_Step("redo"))
        self._next()

    def busy(self) -> bool:
        return self._running is not None or bool(self._queue)

    def clear(self) -> None:
        """Forget every change (another library was opened), emptying removals' trash."""
        self._queue.clear()
        self._generation += 1
        self.purge()
        self.stack.clear()

    def purge(self) -> None:
        for index in range(self.stack.count()):
            command = self.stack.command(index)
            if isinstance(command, LibraryCommand):
                command.purge()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        step = self._queue.popleft()
        if step.kind != "do":
            step.command = self._target(step.kind)
            if step.command is None:  # nothing left to undo or redo
                self._next()
                return
        self._running = step
        self.busy_changed.emit(True)
        command, root = step.command, self.context.library.root
        assert command is not None
        work = command.revert if step.kind == "undo" else command.apply

        def task(_job: Job) -> list[int]:
            with self.context.open_library(root) as library:
                return work(library)

        generation = self._generation

        def done(ids: list[int]) -> None:
            if generation == self._generation:
                self._done(ids)
            else:
                command.purge()  # done to a library no longer open: nothing to undo
                self._finish()
                self._next()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._failed(error)
            else:
                self._finish()
                self._next()

        self.context.workers.submit(task, name=command.text(), on_done=done, on_error=failed)

    def _target(self, kind: str) -> LibraryCommand | None:
        index = self.stack.index() - 1 if kind == "undo" else self.stack.index()
        command = self.stack.command(index) if 0 <= index < self.stack.count() else None
        return command if isinstance(command, LibraryCommand) else None

    def _done(self, ids: list[int]) -> None:
        step = self._finish()
        command = step.command
        if step.kind == "do":
            self.stack.push(command)
        elif step.kind == "undo":
            self.stack.undo()
        else:
            self.stack.redo()
        new_ids = getattr(command, "new_ids", None)
        if new_ids:
            for index in range(self.stack.count()):
                other = self.stack.command(index)
                if isinstance(other, LibraryCommand) and other is not command:
                    other.renumber(new_ids)
        (step.on_done or self.shown)(ids)
        self._next()

    def _failed(self, error: BaseException) -> None:
        step = self._finish()
        (step.on_error or self.failed)(error)
        self._next()

    def _finish(self) -> _Step:
        step, self._running = self._running, None
        assert step is not None
        if not self._queue:
            self.busy_changed.emit(False)
        return step
