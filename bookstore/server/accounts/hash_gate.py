"""At most a few argon2 hashes at once: each takes 64 MiB and a core for a while, so
a flood of registrations or logins would otherwise take the memory and the cores
that the catalog needs. Past the wait a request is told to come back (503)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar

from bookstore.i18n.messages import say
from bookstore.server.api_errors import ServiceBusy

T = TypeVar("T")
WAIT = 10.0  # seconds a request waits for its turn


class HashGate:
    def __init__(self, at_once: int | None = None, wait: float = WAIT) -> None:
        self.at_once = at_once or max(1, min(4, os.cpu_count() or 1))
        self._slots = threading.BoundedSemaphore(self.at_once)
        self.wait = wait

    def run(self, work: Callable[[], T]) -> T:
        if not self._slots.acquire(timeout=self.wait):
            raise ServiceBusy(
                say("The store is busy checking passwords; try again in a few seconds."),
                headers={"Retry-After": "5"},
            )
        try:
            return work()
        finally:
            self._slots.release()
