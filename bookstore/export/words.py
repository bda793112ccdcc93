"""The words the exported documents add around the briefs, in English, Polish and
Russian: labels, counts, dates and spans of years, for the EPUB and the print PDF.

Issue pages speak the issue's language; the cover, title page, navigation and
package metadata of a bundle speak its primary language. Dates and plurals follow
CLDR, in the locale that ``bookstore.i18n.languages`` gives each language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from bookstore.i18n.languages import CLDR_LOCALES, SOURCE

_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "page": "Page {page} of {pages}",
        "collection": "Collection",
        "landmarks": "Landmarks",
        "cover": "Cover",
        "title_page": "Title page",
        "text": "Text",
        "topics": "Topics",
        "source": "Source",
        "publisher": "Polish Institute of International Affairs",
        "bundle": "PISM publications, {years}",
        "series_bundle": "{series}, {years}",
        "description": "{count} from the series {series} ({years}).",
        "description_many": "{count} from the series {series} ({years}).",
        "issue_one": "issue",
        "issue_few": "issues",
        "issue_many": "issues",
        "issue_other": "issues",
        "summary": (
            "This publication is text with headings in order, a table of contents that "
            "links to every section, and the language marked on every page. "
            "Text can be resized and restyled by the reading system. Its only image is the "
            "cover, which has a text alternative; the text shown on the cover is also on the "
            "first pages. There are no page numbers of a print edition. The publication has "
            "not been evaluated against the WCAG success criteria."
        ),
    },
    "pl": {
        "contents": "Spis treści",
        "page": "Strona {page} z {pages}",
        "collection": "Zbiór",
        "landmarks": "Punkty orientacyjne",
        "cover": "Okładka",
        "title_page": "Strona tytułowa",
        "text": "Tekst",
        "topics": "Tematy",
        "source": "Źródło",
        "publisher": "Polski Instytut Spraw Międzynarodowych",
        "bundle": "Publikacje PISM, {years}",
        "series_bundle": "{series}, {years}",
        "description": "{count} z serii {series} ({years}).",
        "description_many": "{count} z serii {series} ({years}).",
        "issue_one": "numer",
        "issue_few": "numery",
        "issue_many": "numerów",
        "issue_other": "numeru",
        "summary": (
            "Publikacja to tekst z uporządkowanymi nagłówkami, spisem treści prowadzącym "
            "do każdej części i językiem oznaczonym na każdej stronie. Czytnik może "
            "zmieniać wielkość i krój tekstu. Jedyną ilustracją jest "
            "okładka, która ma opis tekstowy; tekst z okładki znajduje się też na pierwszych "
            "stronach. Publikacja nie ma numerów stron wydania drukowanego. Nie została "
            "oceniona pod kątem kryteriów WCAG."
        ),
    },
    "ru": {
        "contents": "Содержание",
        "page": "Страница {page} из {pages}",
        "collection": "Сборник",
        "landmarks": "Ориентиры",
        "cover": "Обложка",
        "title_page": "Титульная страница",
        "text": "Текст",
        "topics": "Темы",
        "source": "Источник",
        "publisher": "Польский институт международных дел",
        "bundle": "Публикации ПИСМ, {years}",
        "series_bundle": "{series}, {years}",
        "description": "{count} из серии {series} ({years}).",
        "description_many": "{count} из серий {series} ({years}).",
        "issue_one": "выпуск",
        "issue_few": "выпуска",
        "issue_many": "выпусков",
        "issue_other": "выпуска",
        "summary": (
            "Публикация — это текст с упорядоченными заголовками, оглавлением со ссылками "
            "на каждый раздел и языком, указанным на каждой странице. Размер и шрифт "
            "текста может менять программа для чтения. Единственное "
            "изображение — обложка с текстовым описанием; текст обложки есть и на первых "
            "страницах. Номеров страниц печатного издания нет. Публикация не оценивалась "
            "по критериям WCAG."
        ),
    },
}


@dataclass(frozen=True)
class Words:
    """The documents' own words in one language."""

    language: str
    _locale: Locale = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_locale", _locale(self.language))

    def __getitem__(self, key: str) -> str:
        return _STRINGS.get(self.language, _STRINGS["en"])[key]

    def date(self, value: dt.date) -> str:
        """A long date: "11 January 2019", "11 stycznia 2019", "11 января 2019 г."."""
        return format_date(value, format="long", locale=self._locale)

    def issue_count(self, count: int) -> str:
        """ "26 issues", "26 numerów", "26 выпусков"."""
        form = self._locale.plural_form(count)
        return f"{count} {self[f'issue_{form}']}"

    def page_of(self, page: int, pages: int) -> str:
        """ "Page 3 of 12", for the print PDF's footer."""
        return self["page"].format(page=page, pages=pages)

    def bundle_title(self, series_names: Sequence[str], years: Sequence[int]) -> str:
        span = year_span(years)
        if len(series_names) == 1:
            return self["series_bundle"].format(series=series_names[0], years=span)
        return self["bundle"].format(years=span)

    def bundle_description(
        self, count: int, series_names: Sequence[str], years: Sequence[int]
    ) -> str:
        key = "description" if len(series_names) == 1 else "description_many"
        return self[key].format(
            count=self.issue_count(count), series=", ".join(series_names), years=year_span(years)
        )


def year_span(years: Iterable[int]) -> str:
    """ "2019", or "2018–2021" from the first year to the last."""
    ordered = sorted(years)
    low, high = ordered[0], ordered[-1]
    return str(low) if low == high else f"{low}–{high}"


def _locale(language: str) -> Locale:
    """The CLDR locale of a language (an issue may be in one the window does not
    speak); the source language's (British English) for one babel does not know."""
    try:
        return Locale.parse(CLDR_LOCALES.get(language, language))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(CLDR_LOCALES[SOURCE])
