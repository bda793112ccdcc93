"""Cover thumbnails for the list and the detail pane: drawn once, off the GUI thread,
kept on disk in the platform's cache folder and in memory while shown."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QImage, QPixmap

from bookstore.export.covers.drawing import series_colour
from bookstore.export.covers.issue import CoverSubject, issue_thumbnail_png
from bookstore.gui.operations.workers import Workers
from bookstore.jobs import Job

LIST_WIDTH = 30
DETAIL_WIDTH = 180
_IN_MEMORY = 600
_WANTED = 120  # covers waiting to be drawn, newest kept
_AT_ONCE = 2  # drawn at the same time


def cover_key(issue: CoverSubject, width: int) -> str:
    """Names a thumbnail by everything drawn on it, so an edit makes a new one."""
    text = "\x1f".join(
        [issue.series.slug, issue.series.name_in(issue.language), issue.number_label,
         issue.title, ", ".join(issue.authors), issue.date.isoformat(), issue.language, str(width)]
    )  # fmt: skip
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _make(folder: Path, key: str, issue: CoverSubject, width: int) -> bytes:
    path = folder / f"{key}.png"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = issue_thumbnail_png(issue, width)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data


class CoverCache(QObject):
    """``pixmap(issue, width)`` answers at once: the cover if it is ready, else a plain
    placeholder in the series' colour while a worker draws it; ``ready`` then fires.

    Only the most recently asked-for covers are drawn (newest first, a few at a time):
    scrolling past thousands of rows queues no work for the rows already gone by.
    """

    ready = Signal(str)  # the key of a cover that became available

    def __init__(self, folder: Path, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.workers = workers
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[str, tuple[CoverSubject, int]] = OrderedDict()
        self._drawing: set[str] = set()
        self._placeholders: dict[tuple[str, int], QPixmap] = {}
        self._closed = False

    def close(self) -> None:
        """Draw nothing more (the window is closing): forget what waits, and wait for
        what is being drawn."""
        self._closed = True
        self._wanted.clear()
        self.workers.wait()

    def pixmap(self, issue: CoverSubject, width: int) -> QPixmap:
        key = cover_key(issue, width)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        if key not in self._drawing:
            self._wanted[key] = (issue, width)
            self._wanted.move_to_end(key)
            while len(self._wanted) > _WANTED:
                self._wanted.popitem(last=False)
            self._draw_more()
        return self._placeholder(issue.series.slug, width)

    def busy(self) -> bool:
        return bool(self._wanted or self._drawing)

    def _draw_more(self) -> None:
        while not self._closed and self._wanted and len(self._drawing) < _AT_ONCE:
            key, (issue, width) = self._wanted.popitem(last=True)
            self._drawing.add(key)
            self.workers.submit(
                _task(self.folder, key, issue, width),
                on_done=lambda data, key=key: self._arrived(key, data),
                on_error=lambda _error, key=key: self._finished(key),
            )

    def _finished(self, key: str) -> None:
        self._drawing.discard(key)
        self._draw_more()

    def _arrived(self, key: str, data: bytes) -> None:
        self._finished(key)
        image = QImage.fromData(data, "PNG")
        if image.isNull():
            return
        self._pixmaps[key] = QPixmap.fromImage(image)
        while len(self._pixmaps) > _IN_MEMORY:
            self._pixmaps.popitem(last=False)
        self.ready.emit(key)

    def _placeholder(self, slug: str, width: int) -> QPixmap:
        found = self._placeholders.get((slug, width))
        if found is None:
            found = QPixmap(width, width * 3 // 2)
            found.fill(QColor(*series_colour(slug)))
            self._placeholders[(slug, width)] = found
        return found

    def has(self, issue: CoverSubject, width: int) -> bool:
        """Whether the cover is drawn and in memory."""
        return cover_key(issue, width) in self._pixmaps


def _task(folder: Path, key: str, issue: CoverSubject, width: int) -> Callable[[Job], bytes]:
    return lambda job: _make(folder, key, issue, width)
