"""An issue as a CSL-JSON item: the one form every citation format is written from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bookstore.model import Issue, Numbering

# The publisher and its place, in the issue's language (CSL styles print them as given).
PUBLISHER = {
    "en": ("Polish Institute of International Affairs", "Warsaw"),
    "pl": ("Polski Instytut Spraw Międzynarodowych", "Warszawa"),
    "ru": ("Польский институт международных дел", "Варшава"),
}


def series_number(issue: Issue) -> str:
    """The number as the series prints it, without the word: "26 (1272)" or "2/2019"."""
    if issue.series.numbering is Numbering.RUNNING and issue.running_number is not None:
        return f"{issue.number} ({issue.running_number})"
    return f"{issue.number}/{issue.year}"


def person(name: str) -> dict[str, str]:
    """A name as CSL parts: the last word is the family name ("Jan Nowak")."""
    given, _, family = name.strip().rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": family}


def date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(issue: Issue, key: str, accessed: dt.date, printed: bool = False) -> dict[str, Any]:
    """The complete record of ``issue``; ``key`` is its citation key. ``printed`` is for
    formatted text: the number with its word ("no. 26 (1272)") and no abstract."""
    publisher, place = PUBLISHER.get(issue.language, PUBLISHER["en"])
    series = issue.series.name_in(issue.language)
    number = issue.number_label if printed else series_number(issue)
    item: dict[str, Any] = {
        "id": key,
        "type": "report",
        "title": issue.title,
        "author": [person(name) for name in issue.authors],
        "issued": date_parts(issue.date),
        "publisher": publisher,
        "publisher-place": place,
        "genre": series,
        "number": number,
        "collection-title": series,
        "collection-number": number,
        "language": issue.language,
    }
    if issue.series.issn:
        item["ISSN"] = issue.series.issn
    if issue.source_url:
        item["URL"] = issue.source_url
        item["accessed"] = date_parts(accessed)
    if issue.topics:
        item["keyword"] = ", ".join(issue.topics)
    if issue.lead and not printed:
        item["abstract"] = issue.lead
    return item
