"""The list's Library on its worker thread, kept open from one search to the next.

Opening a library (its database, its search index checked) costs more than a search
of the first results, and a fresh connection starts with an empty page cache; the
list's worker thread therefore keeps one ``Lister`` (and its Library) of its own.
A connection belongs to the thread that opened it, so each thread has its own and
closes it on that thread (``close_here``, submitted as a task at the end).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from bookstore.library.library import Library
from bookstore.library.listing import Lister


class WorkerListers:
    def __init__(self, open_library: Callable[[Path], Library]) -> None:
        self._open_library = open_library
        self._by_thread: dict[int, Lister] = {}
        self._lock = threading.Lock()

    def here(self, root: Path) -> Lister:
        """This thread's Lister on the library at ``root``, opened on first use.

        Opened again when the window switched libraries, or when its search index had
        a problem at opening (another worker may have rebuilt it since)."""
        thread = threading.get_ident()
        with self._lock:
            lister = self._by_thread.get(thread)
        if lister is not None and (
            lister.library.root != root or lister.library.search_index_problem is not None
        ):
            self.close_here()
            lister = None
        if lister is None:
            lister = Lister(self._open_library(root))
            with self._lock:
                self._by_thread[thread] = lister
        return lister

    def close_here(self) -> None:
        """Close this thread's Library (if it has one)."""
        with self._lock:
            lister = self._by_thread.pop(threading.get_ident(), None)
        if lister is not None:
            lister.library.close()
