"""Each issue's catalog entry, written once per library generation and put into
every feed that shows the issue.

An entry in a catalog feed depends only on the issue (its acquisition links are the
catalog's, not an account's), so a search, a page of a series and the newest issues
can share it: a feed is then its frame around entries already written, and a search
never asked before loads and writes only the issues no feed has shown yet. Entries
are kept within a memory budget, least recently shown first out, and forgotten when
the library changes, like the feeds themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bookstore.model import Issue
from bookstore.server.caching.generation_cache import GenerationCache

DEFAULT_BUDGET = 48 * 1024 * 1024  # bytes per server process


class WrittenEntries:
    def __init__(self, max_bytes: int = DEFAULT_BUDGET) -> None:
        self._cache: GenerationCache[bytes] = GenerationCache(
            capacity=10_000_000, max_bytes=max_bytes, size_of=len
        )

    @property
    def bytes(self) -> int:
        return self._cache.bytes

    def entries(
        self,
        form: str,
        ids: Sequence[int],
        generation: str,
        load: Callable[[list[int]], list[Issue]],
        write: Callable[[Issue], bytes],
    ) -> list[bytes]:
        """The entries of ``ids`` in this order, written as ``form`` ("opds1",
        "opds2"); those not kept are loaded together by ``load`` and written."""
        keys = [(form, issue_id) for issue_id in ids]
        found = self._cache.get_many(keys, generation)
        missing = [issue_id for issue_id, entry in zip(ids, found, strict=True) if entry is None]
        if not missing:
            return found  # type: ignore[return-value]
        written = {issue.id: write(issue) for issue in load(missing)}
        for issue_id, entry in written.items():
            self._cache.put((form, issue_id), generation, entry)
        return [
            entry if entry is not None else written[issue_id]
            for issue_id, entry in zip(ids, found, strict=True)
        ]
