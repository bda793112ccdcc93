"""The library a command works on, for the commands that need one (those that set
``needs_library=False`` get none, and a new machine gets no library from them).

Opening creates a library on first use (with the sample catalog unless the command
sets ``sample=False``), finishes or removes what an interrupted write left, and
makes the search index again when it is missing or damaged, each said on stderr.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bookstore.cli import index_repair
from bookstore.i18n.messages import say

if TYPE_CHECKING:
    from bookstore.library.library import Library


@contextmanager
def opened_library(args: argparse.Namespace) -> Iterator[Library]:
    """The library ``--library`` (or the default) names, open for the command; a
    database error the command meets becomes the library's sentence for it."""
    from bookstore.library.library import Library

    words = args.words
    with Library.open(args.library, with_sample=getattr(args, "sample", True)) as library:
        if library.tidied:
            tidied = say("{root}: an earlier write was interrupted; {what}",
                         root=str(library.root), what=library.tidied.describe())  # fmt: skip
            print(f"bookstore: {words.say(tidied)}", file=sys.stderr)
        index_repair.repair_at_open(library, words)
        try:
            yield library
            index_repair.warn_if_behind(library, words)
        except sqlite3.DatabaseError as error:
            translated = library.translate(error)
            if translated is None:
                raise
            raise translated from error
