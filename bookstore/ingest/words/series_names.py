"""Recognising a series by the names a page or a catalog calls it, and the one slug
a series' name makes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bookstore.library.safe_names import SLUG_LENGTH, slug_from
from bookstore.library.search.folding import fold
from bookstore.model import Numbering, Series

_NOT_SLUG = re.compile(r"[\W_]+")
# A name a label gives a series the library does not know: words, not a sentence.
_MAX_NAME_WORDS = 8
_MAX_NAME_LENGTH = 80
# Words a number may follow that do not name a series ("Issue no. 5/2019").
_NOT_NAMES = {
    fold(word)
    for word in ("issue", "number", "volume", "vol", "edition", "wydanie", "numer", "tom",
                 "zeszyt", "выпуск", "номер", "том")
}  # fmt: skip


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

    def make(
        self, name: str, language: str, numbering: Numbering, issn: str | None = None
    ) -> Series:
        """The series called ``name`` (a book's collection, a label's series name),
        made and known from now on when the library has none of that name."""
        name = " ".join(name.split())
        known = self.find(name)
        if known is not None:
            return known
        series = Series(slug_for(name), {language: name}, numbering, issn)
        self.add(series)
        return series

    def find(self, name: str) -> Series | None:
        """The series called ``name``, or whose slug is one that ``name`` makes or made
        (a series keeps the slug it was stored under)."""
        found = self.named(name)
        for slug in slug_forms(" ".join(name.split())):
            found = found or self.by_slug(slug)
        return found

    def by_slug(self, slug: str) -> Series | None:
        return self._by_slug.get(slug)

    def named(self, name: str) -> Series | None:
        """The series called exactly ``name`` (any case and diacritics), in any language."""
        folded = fold(name.strip())
        return next((series for known, series in self._names if known == folded), None)


def slug_for(name: str) -> str:
    """A series' slug made from its name, in the name's own letters folded as search
    folds them: "Baltic Monitor" -> "baltic-monitor", "Бюллетень ПИСМ" ->
    "бюллетень-писм". Letters of any script are safe in a folder's name (see
    ``library/safe_names.py``); a name with none is named by its characters' codes."""
    return slug_from(_NOT_SLUG.sub("-", fold(name))) or _coded(name)


def slug_forms(name: str) -> tuple[str, ...]:
    """Every slug a series called ``name`` may be stored under: ``slug_for``'s, and the
    one page imports made before it, of ASCII letters alone ("series-411-44e-..." for
    a Cyrillic name)."""
    return tuple(dict.fromkeys((slug_for(name), _ascii_slug(name))))


def _ascii_slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug[:SLUG_LENGTH] if slug else _coded(name)


def _coded(name: str) -> str:
    return "series-" + "-".join(f"{ord(c):x}" for c in name[:8])


def name_in_label(text: str) -> str | None:
    """The series' name a label's prefix gives ("Baltic Monitor" in "Baltic Monitor
    no. 3/2021"), or None when the text cannot be a series' name (empty, a sentence,
    a breadcrumb, a date)."""
    if text.rstrip().endswith(":"):
        return None  # a field's label ("Published: no. 2/2019"), not a name
    name = " ".join(text.split()).strip(" ·|–—-,;")
    words = name.split()
    ok = (
        0 < len(words) <= _MAX_NAME_WORDS
        and fold(name) not in _NOT_NAMES
        and len(name) <= _MAX_NAME_LENGTH
        and name[0].isalpha()
        and not name.endswith((".", "!", "?"))
        and " > " not in name
        and not any(character.isdigit() for character in name)
    )
    return name if ok else None
