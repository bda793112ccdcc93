"""What every part of the window shares, passed explicitly (no globals): the GUI
thread's Library, the settings, the workers, the covers and the UI's formats."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bookstore.gui.i18n.translations import Translations
from bookstore.gui.operations.workers import Workers
from bookstore.gui.operations.writes import WriteQueue
from bookstore.gui.settings import Settings
from bookstore.gui.widgets.covers import CoverCache
from bookstore.gui.widgets.formats import Formats
from bookstore.library.library import Library


@dataclass
class AppContext:
    library: Library  # belongs to the GUI thread; workers open their own
    settings: Settings
    workers: Workers  # import, export and other long work
    listing_workers: Workers  # one thread: the list's searches, newest first
    covers: CoverCache
    formats: Formats
    translations: Translations
    _writes: WriteQueue | None = field(default=None, repr=False)

    def writes(self) -> WriteQueue:
        """The queue of writes that cannot be undone (see ``bookstore.gui.operations.writes``)."""
        if self._writes is None:
            self._writes = WriteQueue(self)
        return self._writes

    @contextlib.contextmanager
    def open_library(self, root: Path | None = None) -> Iterator[Library]:
        """A Library of its own for a worker thread (the same folder as the window's)."""
        with worker_library(root or self.library.root) as library:
            yield library


# The window stays open for hours: its connections read into a small page cache
# instead of mapping the database (mapped pages count in its resident memory, and a
# scroll through 100,000 issues touches most of the file). Reads come from the
# system's file cache either way.
WINDOW_MMAP_BYTES = 0
WINDOW_CACHE_KIB = 8 * 1024


def window_library(library: Library) -> Library:
    """``library``, set to read with the window's memory limits."""
    library.set_read_memory(WINDOW_MMAP_BYTES, WINDOW_CACHE_KIB)
    return library


def worker_library(root: Path) -> Library:
    """A Library of its own for a worker thread (the caller closes it)."""
    return window_library(Library.open(root, with_sample=False))
