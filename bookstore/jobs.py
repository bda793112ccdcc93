"""The Qt-free contract for long work (import, export, download).

A function that takes a ``Job`` reports progress through it and checks it for
cancellation between steps; the GUI's worker wraps a Job in Qt signals, the CLI
and the tests use it as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say

ProgressCallback = Callable[[float, str], None]


class Cancelled(BookstoreError):
    """The user cancelled the work; whatever it was writing has been removed."""


@dataclass
class Job:
    on_progress: ProgressCallback | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def report(self, fraction: float, message: str = "") -> None:
        """Report progress (0.0-1.0); raises Cancelled if the job was cancelled."""
        self.check()
        if self.on_progress is not None:
            self.on_progress(min(1.0, max(0.0, fraction)), message)

    def check(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled(say("cancelled"))

    def cancel(self) -> None:
        self.cancel_event.set()
