"""Recognising a series by the names a page calls it."""

from __future__ import annotations

from collections.abc import Iterable

from bookstore.library.folding import fold
from bookstore.model import Series


class SeriesNames:
    """Every name of every known series, in each language and in the plural
    ("PISM Spotlights" in breadcrumbs), longest first so that the most specific wins."""

    def __init__(self, series: Iterable[Series]) -> None:
        self._by_slug: dict[str, Series] = {}
        self._names: list[tuple[str, Series]] = []
        for entry in series:
            self.add(entry)

    def add(self, series: Series) -> None:
        """Know ``series`` from now on (a series met during an import, too)."""
        self._by_slug[series.slug] = series
        self._names = [(name, known) for name, known in self._names if known.slug != series.slug]
        for name in {*series.names.values(), series.slug.replace("-", " ")}:
            folded = fold(name)
            self._names += [(folded + "s", series), (folded, series)]
        self._names.sort(key=lambda pair: len(pair[0]), reverse=True)

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

    def by_slug(self, slug: str) -> Series | None:
        return self._by_slug.get(slug)

    def named(self, name: str) -> Series | None:
        """The series called exactly ``name`` (any case and diacritics), in any language."""
        folded = fold(name.strip())
        return next((series for known, series in self._names if known == folded), None)
