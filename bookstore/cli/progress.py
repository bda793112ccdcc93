"""A progress bar on the terminal for long commands, fed by the ``Job`` contract the
window's workers use: a bar, a count and the time left, redrawn in place on stderr.
When stderr is not a terminal (a pipe, a log file, CI) nothing is drawn at all."""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words
from bookstore.jobs import Job

_BAR = 24
_REDRAW_EVERY = 0.1  # seconds
_ESTIMATE_AFTER = 0.5  # seconds of work before the time left is guessed


def time_left(seconds: float) -> str:
    """ "0:07", "12:30", "1:02:03"."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class ProgressBar:
    """Draws ``[#########.......]  12/40  0:07 left  message`` over itself."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        width: Callable[[], int] = lambda: shutil.get_terminal_size((80, 24)).columns,
        words: Words | None = None,
    ) -> None:
        self.total, self.stream, self.clock, self.width = total, stream, clock, width
        self.words = words or Words.load("en")
        self.started = clock()
        self._drawn = 0.0
        self._shown = False

    def line(self, fraction: float, message: object) -> str:
        filled = round(fraction * _BAR)
        if self.total is None:
            count = f"{fraction:4.0%}"
        else:
            count = f"{min(self.total, int(fraction * self.total + 1e-9))}/{self.total}"
        elapsed = self.clock() - self.started
        words = self.words
        if fraction >= 1.0:
            left = words.text(N_("done"))
        elif fraction <= 0 or elapsed < _ESTIMATE_AFTER:
            left = words.text(N_("estimating…"))
        else:
            remaining = time_left(elapsed / fraction * (1 - fraction))
            left = words.say(say("{time} left", time=remaining))
        text = f"[{'#' * filled}{'.' * (_BAR - filled)}] {count}  {left}  {words.say(message)}"
        return text[: max(20, self.width() - 1)]

    def __call__(self, fraction: float, message: object) -> None:
        now = self.clock()
        if fraction < 1.0 and self._shown and now - self._drawn < _REDRAW_EVERY:
            return
        self._drawn, self._shown = now, True
        self.stream.write("\r\x1b[K" + self.line(fraction, message))
        if fraction >= 1.0:
            self.stream.write("\r\x1b[K")  # leave the line clean for what is printed next
        self.stream.flush()

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextlib.contextmanager
def terminal_progress(
    total: int, stream: TextIO | None = None, words: Words | None = None
) -> Iterator[Job]:
    """A Job that draws a bar for ``total`` items on ``stream`` (stderr) while the
    block runs, when that is a terminal; the bar is cleared however the block ends."""
    stream = stream or sys.stderr
    if total <= 0 or not stream.isatty():
        yield Job()
        return
    bar = ProgressBar(total, stream, words=words)
    try:
        yield Job(on_progress=bar)
    finally:
        bar.clear()


def terminal_job(stream: TextIO | None = None, words: Words | None = None) -> Job:
    """A Job that draws a bar with the share done and the time left (for work whose
    count of items is not known), on a terminal only."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return Job()
    return Job(on_progress=ProgressBar(None, stream, words=words))
