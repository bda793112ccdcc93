"""Progress of long work on the terminal: one line rewritten in place on a terminal,
nothing in between when stderr is a file or a pipe (only the start and the end)."""

from __future__ import annotations

import sys
import time

from bookstore.jobs import Job

_EVERY = 0.2  # seconds between redraws


def terminal_job() -> Job:
    stream = sys.stderr
    live = stream.isatty()
    shown = [0.0]

    def report(fraction: float, message: str) -> None:
        now = time.monotonic()
        if not live or (now - shown[0] < _EVERY and fraction < 1.0):
            return
        shown[0] = now
        stream.write(f"\r\x1b[2K{message} ({fraction:.0%})" + ("\n" if fraction >= 1.0 else ""))
        stream.flush()

    return Job(on_progress=report)
