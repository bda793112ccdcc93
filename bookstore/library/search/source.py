"""What the search index reads from the library (the Library is one): its issues and
the change log that says which of them changed since the index was last given them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bookstore.model import Issue


class LibrarySource(Protocol):
    """What the index reads from the library (the Library implements it)."""

    def last_change(self) -> int: ...
    def count(self) -> int: ...
    def changes_since(self, seq: int) -> list[tuple[int, int, str]]: ...
    def all_issue_ids(self) -> list[int]: ...
    def get_many_present(self, ids: Sequence[int]) -> list[Issue]: ...
