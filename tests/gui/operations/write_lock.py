"""Another program holding a library's write lock, and a probe of the GUI thread's
answers meanwhile: shared by the tests of the window's writes."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QTimer

from bookstore.library.library import DATABASE_NAME

HOLD_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held(root: Path, seconds: float) -> Iterator[subprocess.Popen]:
    """Another process holding the library's write lock for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(root / DATABASE_NAME), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.wait(timeout=seconds + 20)


@contextmanager
def gui_probe(qtbot) -> Iterator[list[float]]:
    """The gaps between the ticks of a 100 ms timer on the GUI thread."""
    ticks: list[float] = [time.monotonic()]
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    gaps: list[float] = []
    try:
        yield gaps
    finally:
        timer.stop()
        gaps.extend(b - a for a, b in itertools.pairwise(ticks))
