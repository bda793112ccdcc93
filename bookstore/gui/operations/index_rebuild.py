"""Making the search index again when the library opens without a usable one.

The library says why at open (``Library.search_index_problem``: missing, damaged, out
of step, made by another version, or its common words picked from a much smaller
library). The window tells the user that sentence in the status bar and makes the
index again on a worker, with progress and Cancel, while the library can be browsed;
a search typed meanwhile waits for the new index (the core's rebuild lock). An index
that only could not catch up (a full disk) is not rebuilt: the sentence is shown,
and the next change or search catches up once there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bookstore.gui.errors import show_error
from bookstore.gui.operations.workers import JobHandle
from bookstore.gui.window import LibraryWindow
from bookstore.jobs import Job

MESSAGE_SECONDS = 15


def rebuild_if_needed(window: LibraryWindow) -> JobHandle | None:
    """Start making the index again when the window's library needs it; None when not."""
    context = window.context
    library = context.library
    problem = library.search_index_problem
    if problem is None:
        return None
    sentence = context.translations.words().say(problem.sentence)
    if not problem.needs_rebuild or not library.search_index_writable:
        # A full disk, or a library that cannot be written here (its searches use an
        # index made in memory): say so, nothing to start.
        window.statusBar().showMessage(
            QCoreApplication.translate("IndexRebuild", "Search: {problem}").format(
                problem=sentence
            ),
            MESSAGE_SECONDS * 1000,
        )
        return None
    root = library.root
    bar = window.statusBar()
    # Why, on the left for as long as it takes; the job and its progress on the right.
    bar.showMessage(
        QCoreApplication.translate(
            "IndexRebuild", "Search: {problem}; it is being made again from the library."
        ).format(problem=sentence)
    )

    def task(job: Job) -> bool:
        with context.open_library(root) as worker_library:
            return worker_library.rebuild_search_index(job)

    def done(_rebuilt: bool) -> None:
        bar.showMessage(
            QCoreApplication.translate("IndexRebuild", "The search index is ready."),
            MESSAGE_SECONDS * 1000,
        )
        if window.search.text().strip():
            window.model.request(window.current_listing())  # the search typed meanwhile, again

    def failed(error: BaseException) -> None:
        bar.clearMessage()
        show_error(window, error)

    return context.workers.submit(
        task,
        name=QCoreApplication.translate("IndexRebuild", "Making the search index"),
        on_done=done,
        on_error=failed,
        on_cancelled=bar.clearMessage,
    )
