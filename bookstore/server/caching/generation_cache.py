"""Values kept for one library generation at a time, within a memory budget."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class GenerationCache(Generic[T]):
    """Values by key for one library generation: a new generation (staff published a
    new library) empties it. The least recently used values go first when there are
    more than ``capacity`` of them, or when together they weigh more than
    ``max_bytes`` (each weighs ``size_of(value)``)."""

    def __init__(
        self,
        capacity: int = 4096,
        *,
        max_bytes: int | None = None,
        size_of: Callable[[T], int] | None = None,
    ) -> None:
        self._entries: OrderedDict[object, tuple[T, int]] = OrderedDict()
        self._generation = ""
        self._capacity = capacity
        self._max_bytes = max_bytes
        self._size_of = size_of or (lambda _value: 0)
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: object, generation: str) -> T | None:
        with self._lock:
            if not self._current(generation):
                return None
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def get_many(self, keys: list, generation: str) -> list[T | None]:
        """The values of ``keys`` (None where there is none), under one lock."""
        with self._lock:
            if not self._current(generation):
                return [None] * len(keys)
            found = []
            for key in keys:
                pair = self._entries.get(key)
                if pair is not None:
                    self._entries.move_to_end(key)
                found.append(None if pair is None else pair[0])
            return found

    def put(self, key: object, generation: str, value: T) -> None:
        size = self._size_of(value)
        with self._lock:
            if generation != self._generation:
                return
            if self._max_bytes is not None and size > self._max_bytes:
                return  # it would push out everything else
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while len(self._entries) > self._capacity or (
                self._max_bytes is not None and self._bytes > self._max_bytes
            ):
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def _current(self, generation: str) -> bool:
        """Whether the values held are of ``generation`` (emptied when not)."""
        if generation == self._generation:
            return True
        self._entries.clear()
        self._bytes = 0
        self._generation = generation
        return False
