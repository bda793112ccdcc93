"""One write to the library on a worker (a saved search, a reading position), so the
window never waits for another program's write lock. Changes that can be undone go
through ``UndoHistory`` instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bookstore.gui.context import AppContext
from bookstore.gui.workers import JobHandle
from bookstore.jobs import Job
from bookstore.library.library import Library

T = TypeVar("T")


def write(
    context: AppContext,
    work: Callable[[Library], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> JobHandle:
    """Run ``work`` with a worker's own Library on the window's library folder."""
    root = context.library.root

    def task(_job: Job) -> T:
        with context.open_library(root) as library:
            return work(library)

    return context.workers.submit(task, on_done=on_done, on_error=on_error)
