"""Publication dates as pages and metadata write them, in English, Polish and Russian:
"11 January 2019", "11 stycznia 2019 r.", "11 января 2019 г.", "January 11, 2019",
"2019-01-11" (with or without a time), "2019/01/11", "11.01.2019"."""

from __future__ import annotations

import datetime as dt
import re

from bookstore.ingest.words.vocabulary import MONTHS

_MONTH_NAMES = "|".join(name for names in MONTHS.values() for name in names)
# Nominative month names (Polish, Russian) and English abbreviations, as meta tags write them.
_OTHER_MONTHS = {
    "pl": ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
           "wrzesień", "październik", "listopad", "grudzień"),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь"),
    "en": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
}  # fmt: skip
_ALL_MONTHS = _MONTH_NAMES + "|" + "|".join(n for names in _OTHER_MONTHS.values() for n in names)
DAY_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?P<day>\d{{1,2}})\.?\s+(?P<month>{_ALL_MONTHS})\.?,?\s+(?P<year>\d{{4}})"
    r"(?:\s*(?:r\.|г\.|года|г(?!\w)))?",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)(?P<month>{_ALL_MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
ISO = re.compile(r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)")
DOTTED = re.compile(r"(?<!\d)(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)")
_PATTERNS = (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, DOTTED)
# Every pattern above needs a four-digit year: text without one is passed over at
# once (most lines of a page are), which makes reading a page twice as fast.
_YEAR = re.compile(r"\d{4}")


def find_date(text: str) -> tuple[dt.date, str | None, re.Match[str]] | None:
    """The first date written in ``text``: the date, the language its month name is
    in (None for numbers), and the match (where it stands in ``text``)."""
    if _YEAR.search(text) is None:
        return None
    found = [m for pattern in _PATTERNS if (m := pattern.search(text))]
    for match in sorted(found, key=lambda m: m.start()):
        parsed = _parse(match)
        if parsed is not None:
            return parsed[0], parsed[1], match
    return None


def parse_date(text: str) -> tuple[dt.date, str | None] | None:
    found = find_date(text)
    return (found[0], found[1]) if found else None


def _parse(match: re.Match[str]) -> tuple[dt.date, str | None] | None:
    month_text = match["month"].lower()
    language = None
    if month_text.isdigit():
        month = int(month_text)
    else:
        for lang, names in (*MONTHS.items(), *_OTHER_MONTHS.items()):
            if month_text in names:
                language, month = lang, names.index(month_text) + 1
                break
        else:
            return None
    try:
        return dt.date(int(match["year"]), month, int(match["day"])), language
    except ValueError:
        return None
