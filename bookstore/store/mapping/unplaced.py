"""Where a store's book goes when the catalog knows less than an issue needs: no
series ("Not in a series", kept apart from the publisher's series), or a year alone
for its date (the issue says so)."""

from __future__ import annotations

from dataclasses import replace

from bookstore.library.library import Library
from bookstore.model import NO_SERIES_SLUG, Issue, Section, Series

NO_SERIES_NAMES = {"en": "Not in a series", "pl": "Poza serią", "ru": "Вне серии"}
_YEAR_ONLY = {
    "en": "Only the year of publication is known: {year}.",
    "pl": "Znany jest tylko rok wydania: {year}.",
    "ru": "Известен только год издания: {year}.",
}


def not_in_a_series(library: Library) -> Series:
    """The library's series for books that belong to none, as the library has it (a
    user may have renamed it), or new."""
    for series in library.series():
        if series.slug == NO_SERIES_SLUG:
            return series
    return Series(slug=NO_SERIES_SLUG, names=dict(NO_SERIES_NAMES))


def is_unplaced(series: Series) -> bool:
    return series.slug == NO_SERIES_SLUG


def year_only_note(language: str, year: int) -> str:
    return _YEAR_ONLY.get(language, _YEAR_ONLY["en"]).format(year=year)


def year_only_said(issue: Issue) -> Issue:
    """The issue with a closing line saying that of its date only the year is known
    (the library keeps a whole date: 1 January of that year stands in for it)."""
    note = year_only_note(issue.language, issue.date.year)
    if not issue.lead:
        return replace(issue, lead=note)
    return replace(issue, sections=(*issue.sections, Section(None, (note,))))
