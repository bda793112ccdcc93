"""Recognising a series by the names a page calls it."""

from __future__ import annotations

from collections.abc import Iterable

from bookstore.library.folding import fold
from bookstore.model import Series


class SeriesNames:
    """Every name of every known series, in each language and in the plural
    ("PISM Spotlights" in breadcrumbs), longest first so that the most specific wins."""

    def __init__(self, series: Iterable[Series]) -> None:
        names: list[tuple[str, Series]] = []
        for entry in series:
            for name in {*entry.names.values(), entry.slug.replace("-", " ")}:
                folded = fold(name)
                names += [(folded + "s", entry), (folded, entry)]
        self._names = sorted(names, key=lambda pair: len(pair[0]), reverse=True)

    def at_start(self, text: str) -> tuple[Series, str] | None:
        """The series whose name ``text`` starts with, and the rest of ``text``."""
        folded = fold(text)
        for name, series in self._names:
            if folded.startswith(name) and (
                len(folded) == len(name) or not folded[len(name)].isalnum()
            ):
                return series, text[len(name) :]
        return None

    def anywhere(self, text: str) -> Series | None:
        folded = fold(text)
        for name, series in self._names:
            if name in folded:
                return series
        return None
