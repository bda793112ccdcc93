"""The few fields a list row shows, loaded for a page of ids without the issues' text."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bookstore.library.library import Library
from bookstore.model import Issue, Price, Series


@dataclass(frozen=True)
class IssueRow:
    id: int
    series: Series
    label: str  # "PISM Spotlight no. 2/2019"
    number_label: str  # "no. 2/2019"
    title: str
    authors: tuple[str, ...]
    date: dt.date
    language: str
    price: Price | None
    owned: bool

    @property
    def is_free(self) -> bool:
        return self.price is None or self.price.amount == 0


def issue_rows(library: Library, ids: Sequence[int]) -> list[IssueRow]:
    """Rows for these ids, in this order; unknown ids are left out."""
    if not ids:
        return []
    db = library.db
    series = {entry.slug: entry for entry in library.series()}
    wanted = json.dumps(list(ids))
    authors: dict[int, list[str]] = defaultdict(list)
    query = (
        "SELECT issue_id, name FROM issue_author WHERE issue_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY issue_id, position"
    )
    for issue_id, name in db.execute(query, (wanted,)):
        authors[issue_id].append(name)
    query = (
        "SELECT id, series, number, year, running_number, language, title, date, "
        "price_amount, price_currency, acquired_at IS NOT NULL FROM issue "
        "WHERE id IN (SELECT value FROM json_each(?))"
    )
    found: dict[int, IssueRow] = {}
    for row in db.execute(query, (wanted,)):
        issue_id, slug, number, year, running, language, title, date, amount, currency, owned = row
        issue = Issue(
            series=series[slug],
            number=number,
            year=year,
            title=title,
            date=dt.date.fromisoformat(date),
            language=language,
            lead="",
            running_number=running,
        )
        price = Price.parse({"amount": amount, "currency": currency}) if amount else None
        found[issue_id] = IssueRow(
            issue_id,
            issue.series,
            issue.label,
            issue.number_label,
            title,
            tuple(authors[issue_id]),
            issue.date,
            language,
            price,
            bool(owned),
        )
    return [found[i] for i in ids if i in found]
