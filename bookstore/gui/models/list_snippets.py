"""Snippets of a full-text search for the list's rows, made only for the rows painted.

The view asks for a row's snippet while painting it; the first ask of a row queues
its id, and the ids asked for in one paint are read together on the list's worker
(whose Library is already open and warm), so a keystroke never waits for the text
of issues nobody sees. When they are in, ``ready`` names the ids and the view
repaints those rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from bookstore.gui.operations.workers import Workers
from bookstore.library.library import Library
from bookstore.library.search.query import And, Node, Or, QueryError, Term, parse
from bookstore.library.search.snippets import Highlighter

HIT_START, HIT_END = "\x02", "\x03"  # how the core marks a hit in a snippet
_KEPT = 2000  # snippets kept for one query: far more than a screenful
_log = logging.getLogger(__name__)


def has_text_terms(query: str) -> bool:
    """Whether ``query`` looks for words in the text (not only fields such as lang:)."""
    try:
        return _text_terms(parse(query)) if query.strip() else False
    except QueryError:
        return False


def _text_terms(node: Node) -> bool:
    if isinstance(node, Term):
        return True
    if isinstance(node, And | Or):
        return any(_text_terms(item) for item in node.items)
    return False  # fields, and words excluded with NOT


def read_snippets(library: Library, query: str, ids: list[int]) -> dict[int, str]:
    """The snippet of each issue in ``ids`` for ``query``, as ``Library.search`` makes
    them (issues removed meanwhile are left out)."""
    highlighter = Highlighter.for_query(parse(query))
    return {
        issue.id: highlighter.snippet(f"{issue.lead}\n{issue.body_text()}")
        for issue in library.get_many_present(ids)
        if issue.id is not None
    }


def plain(snippet: str) -> str:
    """A snippet without its hit marks (for screen readers and tooltips)."""
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


class RowSnippets(QObject):
    """The snippets of the current listing's rows, read lazily a paint at a time."""

    ready = Signal(list)  # the rows whose snippets just came in

    def __init__(self, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = workers
        self._library_here: Callable[[], Library] | None = None
        self._query = ""
        self._found: dict[int, str] = {}
        self._wanted: list[int] = []
        self._asked: dict[int, int] = {}  # id -> its row
        self._generation = 0
        self._batch = QTimer(self, singleShot=True, interval=0)
        self._batch.timeout.connect(self._read)

    def reset(self, query: str, library_here: Callable[[], Library]) -> None:
        """Forget every snippet; read them for ``query`` from now on (none unless it
        has words to find), with the worker thread's Library that ``library_here``
        gives when called there."""
        self._generation += 1
        self._query = query if has_text_terms(query) else ""
        self._library_here = library_here
        self._found.clear()
        self._wanted.clear()
        self._asked.clear()

    @property
    def active(self) -> bool:
        return bool(self._query)

    def get(self, issue_id: int, row: int) -> str | None:
        """The snippet of ``issue_id`` (shown in ``row``), or None until it has been
        read (it is queued)."""
        if not self._query:
            return None
        found = self._found.get(issue_id)
        if found is None and issue_id not in self._asked:
            self._asked[issue_id] = row
            self._wanted.append(issue_id)
            self._batch.start()
        return found

    def _read(self) -> None:
        ids, self._wanted = self._wanted, []
        if not ids or not self._query or self._library_here is None:
            return
        generation, query, library_here = self._generation, self._query, self._library_here

        def task(_job: Any) -> dict[int, str]:
            return read_snippets(library_here(), query, ids)

        self._workers.submit(
            task,
            on_done=lambda found: self._answered(generation, ids, found),
            on_error=lambda error: self._failed(generation, ids, error),
        )

    def _failed(self, generation: int, ids: list[int], error: BaseException) -> None:
        _log.warning("reading the list's snippets failed: %s", error)
        self._answered(generation, ids, {})

    def _answered(self, generation: int, ids: list[int], found: dict[int, str]) -> None:
        if generation != self._generation:
            return  # another query meanwhile
        rows = [self._asked[issue_id] for issue_id in ids]
        if len(self._found) > _KEPT:
            self._found.clear()
            self._asked = dict(zip(ids, rows, strict=True))
        # An issue removed meanwhile shows none, and is not asked for again.
        self._found.update({issue_id: found.get(issue_id, "") for issue_id in ids})
        self.ready.emit(rows)
