"""What every part of the window shares, passed explicitly (no globals): the GUI
thread's Library, the settings, the workers, the covers and the UI's formats."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bookstore.gui.covers import CoverCache
from bookstore.gui.formats import Formats
from bookstore.gui.settings import Settings
from bookstore.gui.translations import Translations
from bookstore.gui.workers import Workers
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

    @contextlib.contextmanager
    def open_library(self, root: Path | None = None) -> Iterator[Library]:
        """A Library of its own for a worker thread (the same folder as the window's)."""
        with Library.open(root or self.library.root, with_sample=False) as library:
            yield library
