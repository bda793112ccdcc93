"""Writes to the library that cannot be undone (a saved search, a reading position),
each on a worker with the worker's own Library, one at a time and in the order asked,
so the window never waits for another program's write lock and a later write is never
overtaken by an earlier one. Changes that can be undone go through ``UndoHistory``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bookstore.gui.operations.workers import Workers
from bookstore.jobs import Job
from bookstore.library.library import Library

T = TypeVar("T")
_Write = tuple[
    Path, Callable[[Library], Any], Callable[[Any], None], Callable[[BaseException], None]
]


class WriteHost(Protocol):
    """What the queue needs of the app's context (``AppContext`` is one)."""

    library: Library
    workers: Workers

    def open_library(self, root: Path | None = None) -> AbstractContextManager[Library]: ...
    def writes(self) -> WriteQueue: ...


class WriteQueue:
    """The window's queue of writes; its callbacks run on the GUI thread."""

    def __init__(self, context: WriteHost) -> None:
        self.context = context
        self._queue: deque[_Write] = deque()
        self._running = False

    def busy(self) -> bool:
        return self._running or bool(self._queue)

    def submit(
        self,
        work: Callable[[Library], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._queue.append((self.context.library.root, work, on_done, on_error))
        self._next()

    def _next(self) -> None:
        if self._running or not self._queue:
            return
        root, work, on_done, on_error = self._queue.popleft()
        self._running = True

        def task(_job: Job) -> Any:
            with self.context.open_library(root) as library:
                return work(library)

        def done(result: Any) -> None:
            self._running = False
            on_done(result)
            self._next()

        def failed(error: BaseException) -> None:
            self._running = False
            on_error(error)
            self._next()

        self.context.workers.submit(task, on_done=done, on_error=failed)


def write(
    context: WriteHost,
    work: Callable[[Library], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Queue ``work`` behind the window's other writes (see ``WriteQueue``)."""
    context.writes().submit(work, on_done, on_error)
