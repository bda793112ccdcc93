"""The CLI's side of the search index: repair it at open, with a line and a progress
bar, and say when a command's changes could not reach it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from bookstore.errors import DiskFull
from bookstore.i18n.messages import say
from bookstore.i18n.words import Words
from bookstore.library.search.index import ProblemKind

if TYPE_CHECKING:
    from bookstore.library.library import Library


def repair_at_open(library: Library, words: Words) -> None:
    """Rebuild the index when it must be, telling the user first (nothing is said when
    another process made it again while this one waited)."""
    problem = library.search_index_problem
    if problem is None or library.read_only is not None:
        return
    if problem.kind is ProblemKind.STUCK:
        print(f"bookstore: {words.say(problem)}", file=sys.stderr)
        return
    again = say("{problem}; making it again from the library", problem=problem)
    try:
        rebuild(library, f"bookstore: {words.say(again)}", words)
    except DiskFull as error:
        # The command may not need the index; a search says so again.
        print(f"bookstore: {words.say(error)}", file=sys.stderr)


def rebuild(library: Library, sentence: str, words: Words, force: bool = False) -> None:
    """Make the index again with a progress bar, saying ``sentence`` on stderr as it
    starts (``force``: even when another process made it again meanwhile)."""
    from bookstore.cli.progress import terminal_job  # the bar, only when there is work
    from bookstore.jobs import Job

    bar = terminal_job(words=words)
    told = False

    def progress(fraction: float, message: str) -> None:
        nonlocal told
        if not told:
            print(sentence, file=sys.stderr)
            told = True
        if bar.on_progress is not None:
            bar.on_progress(fraction, message)

    library.rebuild_search_index(Job(on_progress=progress), force=force)


def warn_if_behind(library: Library, words: Words) -> None:
    if library.search_index_behind is not None:
        print(f"bookstore: {words.say(library.search_index_behind)}", file=sys.stderr)
